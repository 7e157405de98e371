package org.campaignmetrics.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.campaignmetrics.Metric;

/** {@code operations_periods}: one row per period and theater, the operations figures side by side, with rates. */
public final class OperationsPeriods {
  private OperationsPeriods() {}

  public static Dataset<Row> build(Dataset<Row> figures) {
    Column[] aggregates = new Column[Metric.OPERATIONS_METRICS.size() + 3];
    int i = 0;
    for (String metric : Metric.OPERATIONS_METRICS) {
      aggregates[i++] = max(when(col("metric").equalTo(metric), col("value"))).as(metric);
    }
    aggregates[i++] = FiguresTable.derivationOfGroup().as("derivation");
    aggregates[i++] = FiguresTable.sourcesOfGroup().as("sources");
    aggregates[i] = FiguresTable.precisionOfGroup().as("precision");

    Column missions = col(Metric.MISSIONS);
    Column killed = col(Metric.KILLED);
    Column detained = col(Metric.DETAINED);
    Column days = col("days");
    return figures
        .filter(col("table").equalTo(lit(Metric.OPERATIONS)))
        .groupBy("period_start", "period_end", "period_label", "grain", "theater")
        .agg(aggregates[0], java.util.Arrays.copyOfRange(aggregates, 1, aggregates.length))
        .select(col("period_start"), col("period_end"), col("period_label"), col("grain"), col("theater"),
            FiguresTable.days().as("days"), missions, killed, detained,
            col(Metric.LEADERS_KILLED), col(Metric.LEADERS_DETAINED), col("derivation"), col("sources"),
            col(Metric.LEADERS_REMOVED), col("precision"))
        .select(col("period_start"), col("period_end"), col("period_label"), col("grain"), col("theater"),
            days, missions, killed, detained, col(Metric.LEADERS_KILLED), col(Metric.LEADERS_DETAINED),
            FiguresTable.ratio(killed, missions).as("killed_per_mission"),
            FiguresTable.ratio(detained, missions).as("detained_per_mission"),
            FiguresTable.ratio(killed.plus(detained), missions).as("removed_per_mission"),
            FiguresTable.ratio(missions.multiply(30), days).as("missions_per_30_days"),
            FiguresTable.ratio(killed.multiply(30), days).as("killed_per_30_days"),
            FiguresTable.ratio(detained.multiply(30), days).as("detained_per_30_days"),
            col("derivation"), col("sources"),
            // added after the first release of the table: new columns go last
            col(Metric.LEADERS_REMOVED), col("precision"));
  }
}
