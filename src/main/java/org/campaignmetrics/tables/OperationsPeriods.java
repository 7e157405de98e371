package org.campaignmetrics.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.campaignmetrics.model.Figure;
import org.campaignmetrics.model.FigureTable;
import org.campaignmetrics.model.Metric;

/** {@code operations_periods}: one row per period and theater, the operations figures side by side, with rates. */
public final class OperationsPeriods {
  public static final StructType SCHEMA = WideRows.PERIOD_AND_THEATER
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

  public static final OutputTable TABLE =
      OutputTable.onDriver("operations_periods", SCHEMA, OutputTable.PERIOD_AND_THEATER,
          run -> build(run.figures()));

  private OperationsPeriods() {}

  public static List<Row> build(List<Figure> figures) {
    Map<List<Object>, List<Figure>> byPeriodAndTheater = new LinkedHashMap<>();
    for (Figure f : figures) {
      if (f.table() == FigureTable.OPERATIONS) {
        byPeriodAndTheater.computeIfAbsent(List.of(f.period().start(), f.period().end(), f.theater()),
            k -> new ArrayList<>()).add(f);
      }
    }
    List<Row> rows = new ArrayList<>();
    for (List<Figure> group : byPeriodAndTheater.values()) {
      Map<String, Long> value = new LinkedHashMap<>();
      group.forEach(f -> value.put(f.metric(), f.value())); // one figure per metric
      Figure first = group.get(0);
      int days = Math.toIntExact(first.period().days());
      Long missions = value.get(Metric.MISSIONS);
      Long killed = value.get(Metric.KILLED);
      Long detained = value.get(Metric.DETAINED);
      Long removed = killed == null || detained == null ? null : killed + detained;
      rows.add(RowFactory.create(first.period().start(), first.period().end(), first.period().label(),
          first.period().grain().code(), first.theater(), days, missions, killed, detained,
          value.get(Metric.LEADERS_KILLED), value.get(Metric.LEADERS_DETAINED),
          WideRows.ratio(killed, missions),
          WideRows.ratio(detained, missions),
          WideRows.ratio(removed, missions),
          WideRows.ratio(WideRows.times(missions, 30), days),
          WideRows.ratio(WideRows.times(killed, 30), days),
          WideRows.ratio(WideRows.times(detained, 30), days),
          WideRows.derivationOf(group), WideRows.sourcesOf(group),
          value.get(Metric.LEADERS_REMOVED),
          WideRows.precisionOf(group.stream().map(Figure::qualifier).toList())));
    }
    return rows;
  }
}
