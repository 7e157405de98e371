package org.campaignmetrics.tables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.campaignmetrics.model.Figure;
import org.campaignmetrics.model.FigureTable;
import org.campaignmetrics.model.Metric;
import org.campaignmetrics.model.Qualifier;
import org.campaignmetrics.model.Theater;

/**
 * {@code theater_split}: each theater's share of a figure, for a period where every theater of the
 * figure's table has it (otherwise the shares would not add up to the whole).
 */
public final class TheaterSplit {
  public static final List<String> METRICS =
      List.of(Metric.MISSIONS, Metric.KILLED, Metric.DETAINED, Metric.CLAIMED_ATTACKS);
  public static final StructType SCHEMA;

  static {
    StructType schema = WideRows.PERIOD_AND_THEATER;
    for (String metric : METRICS) {
      schema = schema.add(metric, DataTypes.LongType).add(metric + "_share", DataTypes.DoubleType);
    }
    schema = schema.add("precision", DataTypes.StringType);
    // added after the first release: each count's qualifier and each share's
    for (String metric : METRICS) {
      schema = schema.add(metric + "_qualifier", DataTypes.StringType).add(metric + "_share_qualifier",
          DataTypes.StringType);
    }
    SCHEMA = schema;
  }

  public static final OutputTable TABLE =
      OutputTable.onDriver("theater_split", SCHEMA, OutputTable.PERIOD_AND_THEATER,
          run -> build(run.figures()));

  private TheaterSplit() {}

  public static List<Row> build(List<Figure> figures) {
    Map<FigureTable, Set<String>> theatersOfTable = new HashMap<>();
    Map<List<Object>, List<Figure>> byPeriodAndMetric = new LinkedHashMap<>();
    for (Figure f : figures) {
      if (Theater.ALL.equals(f.theater())) {
        continue;
      }
      theatersOfTable.computeIfAbsent(f.table(), k -> new HashSet<>()).add(f.theater());
      if (METRICS.contains(f.metric())) {
        byPeriodAndMetric.computeIfAbsent(List.of(f.period().start(), f.period().end(), f.metric()),
            k -> new ArrayList<>()).add(f);
      }
    }
    // a share is only as exact as every figure of its period and metric
    Map<List<Object>, List<Figure>> byPeriodAndTheater = new LinkedHashMap<>();
    Map<Figure, Double> shares = new HashMap<>();
    Map<Figure, String> shareQualifiers = new HashMap<>();
    Map<List<Object>, Set<Qualifier>> qualifiers = new HashMap<>();
    for (List<Figure> known : byPeriodAndMetric.values()) {
      if (known.size() != theatersOfTable.get(known.get(0).table()).size()) {
        continue;
      }
      Long total = null;
      Set<Qualifier> knownQualifiers = new HashSet<>();
      for (Figure f : known) {
        total = (total == null ? 0 : total) + f.value();
        knownQualifiers.add(f.qualifier());
      }
      for (Figure f : known) {
        shares.put(f, WideRows.ratio(f.value(), total));
        shareQualifiers.put(f, shareQualifier(shares.get(f), f, known));
        List<Object> key = List.of(f.period().start(), f.period().end(), f.theater());
        byPeriodAndTheater.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        qualifiers.computeIfAbsent(key, k -> new HashSet<>()).addAll(knownQualifiers);
      }
    }
    List<Row> rows = new ArrayList<>();
    byPeriodAndTheater.forEach((key, group) -> {
      Figure first = group.get(0);
      Object[] row = new Object[SCHEMA.size()];
      row[0] = first.period().start();
      row[1] = first.period().end();
      row[2] = first.period().label();
      row[3] = first.period().grain().code();
      row[4] = first.theater();
      for (Figure f : group) {
        int at = 5 + 2 * METRICS.indexOf(f.metric());
        row[at] = f.value();
        row[at + 1] = shares.get(f);
        int qualifiersAt = 5 + 2 * METRICS.size() + 1 + 2 * METRICS.indexOf(f.metric());
        row[qualifiersAt] = f.qualifier().code();
        row[qualifiersAt + 1] = shareQualifiers.get(f);
      }
      row[5 + 2 * METRICS.size()] = WideRows.precisionOf(qualifiers.get(key));
      rows.add(RowFactory.create(row));
    });
    return rows;
  }

  /**
   * A share v / (v + the others) grows with v and falls with the others: a lower bound on v gives a
   * lower bound on the share, a lower bound on another theater an upper bound; both: undetermined.
   */
  private static String shareQualifier(Double share, Figure own, List<Figure> all) {
    Qualifier others = Qualifier.EXACT;
    for (Figure f : all) {
      if (f != own) {
        others = others.plus(f.qualifier());
      }
    }
    return WideRows.quotientQualifier(share, own.qualifier(), others);
  }
}
