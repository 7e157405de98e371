package org.campaignmetrics.tables;

import java.util.ArrayList;
import java.util.HashMap;
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
import org.campaignmetrics.model.Qualifier;

/** {@code operations_periods}: one row per period and theater, the operations figures side by side, with rates. */
public final class OperationsPeriods {
  private static final String QUALIFIER = "_qualifier";
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
      .add("precision", DataTypes.StringType)
      // each count's qualifier, and each rate's (see WideRows.quotientQualifier)
      .add(Metric.MISSIONS + QUALIFIER, DataTypes.StringType)
      .add(Metric.KILLED + QUALIFIER, DataTypes.StringType)
      .add(Metric.DETAINED + QUALIFIER, DataTypes.StringType)
      .add(Metric.LEADERS_KILLED + QUALIFIER, DataTypes.StringType)
      .add(Metric.LEADERS_DETAINED + QUALIFIER, DataTypes.StringType)
      .add(Metric.LEADERS_REMOVED + QUALIFIER, DataTypes.StringType)
      .add("killed_per_mission" + QUALIFIER, DataTypes.StringType)
      .add("detained_per_mission" + QUALIFIER, DataTypes.StringType)
      .add("removed_per_mission" + QUALIFIER, DataTypes.StringType)
      .add("missions_per_30_days" + QUALIFIER, DataTypes.StringType)
      .add("killed_per_30_days" + QUALIFIER, DataTypes.StringType)
      .add("detained_per_30_days" + QUALIFIER, DataTypes.StringType);

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
      Map<String, Qualifier> qualifier = new HashMap<>();
      group.forEach(f -> { // one figure per metric
        value.put(f.metric(), f.value());
        qualifier.put(f.metric(), f.qualifier());
      });
      Figure first = group.get(0);
      int days = Math.toIntExact(first.period().days());
      Long missions = value.get(Metric.MISSIONS);
      Long killed = value.get(Metric.KILLED);
      Long detained = value.get(Metric.DETAINED);
      Long removed = killed == null || detained == null ? null : killed + detained;
      Qualifier missionsQ = qualifier.get(Metric.MISSIONS);
      Qualifier killedQ = qualifier.get(Metric.KILLED);
      Qualifier detainedQ = qualifier.get(Metric.DETAINED);
      Qualifier removedQ = removed == null ? null : killedQ.plus(detainedQ);
      Double killedPerMission = WideRows.ratio(killed, missions);
      Double detainedPerMission = WideRows.ratio(detained, missions);
      Double removedPerMission = WideRows.ratio(removed, missions);
      Double missionsPer30 = WideRows.per30Days(missions, days);
      Double killedPer30 = WideRows.per30Days(killed, days);
      Double detainedPer30 = WideRows.per30Days(detained, days);
      rows.add(RowFactory.create(first.period().start(), first.period().end(), first.period().label(),
          first.period().grain().code(), first.theater(), days, missions, killed, detained,
          value.get(Metric.LEADERS_KILLED), value.get(Metric.LEADERS_DETAINED),
          killedPerMission, detainedPerMission, removedPerMission, missionsPer30, killedPer30, detainedPer30,
          WideRows.derivationOf(group), WideRows.sourcesOf(group),
          value.get(Metric.LEADERS_REMOVED),
          WideRows.precisionOf(group.stream().map(Figure::qualifier).toList()),
          WideRows.qualifierOf(missions, missionsQ), WideRows.qualifierOf(killed, killedQ),
          WideRows.qualifierOf(detained, detainedQ),
          WideRows.qualifierOf(value.get(Metric.LEADERS_KILLED), qualifier.get(Metric.LEADERS_KILLED)),
          WideRows.qualifierOf(value.get(Metric.LEADERS_DETAINED), qualifier.get(Metric.LEADERS_DETAINED)),
          WideRows.qualifierOf(value.get(Metric.LEADERS_REMOVED), qualifier.get(Metric.LEADERS_REMOVED)),
          WideRows.quotientQualifier(killedPerMission, killedQ, missionsQ),
          WideRows.quotientQualifier(detainedPerMission, detainedQ, missionsQ),
          WideRows.quotientQualifier(removedPerMission, removedQ, missionsQ),
          WideRows.scaledQualifier(missionsPer30, missionsQ),
          WideRows.scaledQualifier(killedPer30, killedQ),
          WideRows.scaledQualifier(detainedPer30, detainedQ)));
    }
    return rows;
  }
}
