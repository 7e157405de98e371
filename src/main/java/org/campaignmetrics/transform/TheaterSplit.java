package org.campaignmetrics.transform;

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
import org.campaignmetrics.Metric;
import org.campaignmetrics.derive.Figure;

/**
 * {@code theater_split}: each theater's share of a figure, for a period where every theater of the
 * figure's table has it (otherwise the shares would not add up to the whole).
 */
public final class TheaterSplit {
  public static final List<String> METRICS =
      List.of(Metric.MISSIONS, Metric.KILLED, Metric.DETAINED, Metric.CLAIMED_ATTACKS);
  public static final StructType SCHEMA;

  static {
    StructType schema = FiguresTable.PERIOD_AND_THEATER;
    for (String metric : METRICS) {
      schema = schema.add(metric, DataTypes.LongType).add(metric + "_share", DataTypes.DoubleType);
    }
    SCHEMA = schema.add("precision", DataTypes.StringType);
  }

  private TheaterSplit() {}

  public static List<Row> build(List<Figure> figures) {
    Map<String, Set<String>> theatersOfTable = new HashMap<>();
    Map<List<Object>, List<Figure>> byPeriodAndMetric = new LinkedHashMap<>();
    for (Figure f : figures) {
      if (Metric.ALL_THEATERS.equals(f.getTheater())) {
        continue;
      }
      theatersOfTable.computeIfAbsent(f.getTable(), k -> new HashSet<>()).add(f.getTheater());
      if (METRICS.contains(f.getMetric())) {
        byPeriodAndMetric.computeIfAbsent(List.of(f.getPeriodStart(), f.getPeriodEnd(), f.getMetric()),
            k -> new ArrayList<>()).add(f);
      }
    }
    // a share is only as exact as every figure of its period and metric
    Map<List<Object>, List<Figure>> byPeriodAndTheater = new LinkedHashMap<>();
    Map<Figure, Double> shares = new HashMap<>();
    Map<List<Object>, Set<String>> qualifiers = new HashMap<>();
    for (List<Figure> known : byPeriodAndMetric.values()) {
      if (known.size() != theatersOfTable.get(known.get(0).getTable()).size()) {
        continue;
      }
      Long total = null;
      Set<String> knownQualifiers = new HashSet<>();
      for (Figure f : known) {
        total = f.getValue() == null ? total : (total == null ? 0 : total) + f.getValue();
        knownQualifiers.add(f.getQualifier());
      }
      for (Figure f : known) {
        shares.put(f, FiguresTable.ratio(f.getValue(), total));
        List<Object> key = List.of(f.getPeriodStart(), f.getPeriodEnd(), f.getTheater());
        byPeriodAndTheater.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        qualifiers.computeIfAbsent(key, k -> new HashSet<>()).addAll(knownQualifiers);
      }
    }
    List<Row> rows = new ArrayList<>();
    byPeriodAndTheater.forEach((key, group) -> {
      Figure first = group.get(0);
      Object[] row = new Object[SCHEMA.size()];
      row[0] = first.getPeriodStart();
      row[1] = first.getPeriodEnd();
      row[2] = first.getPeriodLabel();
      row[3] = first.getGrain();
      row[4] = first.getTheater();
      for (Figure f : group) {
        int at = 5 + 2 * METRICS.indexOf(f.getMetric());
        row[at] = f.getValue();
        row[at + 1] = shares.get(f);
      }
      row[row.length - 1] = FiguresTable.precisionOf(qualifiers.get(key));
      rows.add(RowFactory.create(row));
    });
    return rows;
  }
}
