package org.campaignmetrics.transform;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.campaignmetrics.Metric;

/**
 * {@code theater_split}: each theater's share of a figure, for a period where every theater of the
 * figure's table has it (otherwise the shares would not add up to the whole).
 */
public final class TheaterSplit {
  public static final List<String> METRICS =
      List.of(Metric.MISSIONS, Metric.KILLED, Metric.DETAINED, Metric.CLAIMED_ATTACKS);

  private TheaterSplit() {}

  public static Dataset<Row> build(Dataset<Row> figures) {
    Dataset<Row> theaters = figures.filter(col("theater").notEqual(lit(Metric.ALL_THEATERS)));
    Dataset<Row> theatersPerTable =
        theaters.groupBy("table").agg(countDistinct(col("theater")).as("table_theaters"));
    WindowSpec samePeriodAndMetric = Window.partitionBy("period_start", "period_end", "metric");
    Dataset<Row> shares = theaters
        .filter(col("metric").isin(METRICS.toArray()))
        .join(broadcast(theatersPerTable), "table")
        .withColumn("theaters_known", count(lit(1)).over(samePeriodAndMetric))
        .withColumn("total", sum(col("value")).over(samePeriodAndMetric))
        .filter(col("theaters_known").equalTo(col("table_theaters")))
        .withColumn("share", FiguresTable.ratio(col("value"), col("total")))
        // a share is only as exact as every figure of its period and metric
        .withColumn("qualifiers", collect_set(col("qualifier")).over(samePeriodAndMetric));

    List<Column> aggregates = new ArrayList<>();
    for (String metric : METRICS) {
      Column isMetric = col("metric").equalTo(metric);
      aggregates.add(max(when(isMetric, col("value"))).as(metric));
      aggregates.add(max(when(isMetric, col("share"))).as(metric + "_share"));
    }
    aggregates.add(FiguresTable.precisionOf(flatten(collect_list(col("qualifiers")))).as("precision"));
    return shares
        .groupBy("period_start", "period_end", "period_label", "grain", "theater")
        .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(new Column[0]));
  }
}
