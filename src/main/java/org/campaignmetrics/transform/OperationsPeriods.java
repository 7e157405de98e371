package org.campaignmetrics.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.campaignmetrics.Metric;
import org.campaignmetrics.derive.Figure;

/** {@code operations_periods}: one row per period and theater, the operations figures side by side, with rates. */
public final class OperationsPeriods {
  public static final StructType SCHEMA = FiguresTable.PERIOD_AND_THEATER
      .add("days", DataTypes.IntegerType)
      .add(Metric.MISSIONS, DataTypes.LongType)
      .add(Metric.KILLED, DataTypes.LongType)
      .add(Metric.DETAINED, DataTypes.LongType)
      .add(Metric.LEADERS_KILLED, DataTypes.LongType)
      .add(Metric.LEADERS_DETAINED, DataTypes.LongType)
      .add("killed_per_mission", DataTypes.DoubleType)
      .add("detained_per_mission", DataTypes.DoubleType)
      .add("removed_per_mission", DataTypes.DoubleType)
      .add("missions_per_30_days", DataTypes.DoubleType)
      .add("killed_per_30_days", DataTypes.DoubleType)
      .add("detained_per_30_days", DataTypes.DoubleType)
      .add("derivation", DataTypes.StringType)
      .add("sources", DataTypes.StringType)
      // added after the first release of the table: new columns go last
      .add(Metric.LEADERS_REMOVED, DataTypes.LongType)
      .add("precision", DataTypes.StringType);

  private OperationsPeriods() {}

  public static List<Row> build(List<Figure> figures) {
    Map<List<Object>, List<Figure>> byPeriodAndTheater = new LinkedHashMap<>();
    for (Figure f : figures) {
      if (Metric.OPERATIONS.equals(f.getTable())) {
        byPeriodAndTheater.computeIfAbsent(List.of(f.getPeriodStart(), f.getPeriodEnd(), f.getTheater()),
            k -> new ArrayList<>()).add(f);
      }
    }
    List<Row> rows = new ArrayList<>();
    for (List<Figure> group : byPeriodAndTheater.values()) {
      Map<String, Long> value = new LinkedHashMap<>();
      group.forEach(f -> value.put(f.getMetric(), f.getValue())); // one figure per metric
      Figure first = group.get(0);
      int days = FiguresTable.days(first.getPeriodStart(), first.getPeriodEnd());
      Long missions = value.get(Metric.MISSIONS);
      Long killed = value.get(Metric.KILLED);
      Long detained = value.get(Metric.DETAINED);
      Long removed = killed == null || detained == null ? null : killed + detained;
      rows.add(RowFactory.create(first.getPeriodStart(), first.getPeriodEnd(), first.getPeriodLabel(),
          first.getGrain(), first.getTheater(), days, missions, killed, detained,
          value.get(Metric.LEADERS_KILLED), value.get(Metric.LEADERS_DETAINED),
          FiguresTable.ratio(killed, missions),
          FiguresTable.ratio(detained, missions),
          FiguresTable.ratio(removed, missions),
          FiguresTable.ratio(FiguresTable.times(missions, 30), days),
          FiguresTable.ratio(FiguresTable.times(killed, 30), days),
          FiguresTable.ratio(FiguresTable.times(detained, 30), days),
          FiguresTable.derivationOf(group), FiguresTable.sourcesOf(group),
          value.get(Metric.LEADERS_REMOVED),
          FiguresTable.precisionOf(group.stream().map(Figure::getQualifier).toList())));
    }
    return rows;
  }
}
