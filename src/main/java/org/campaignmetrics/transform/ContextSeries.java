package org.campaignmetrics.transform;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * {@code context_series}: stocks observed at a date (fighters at large, detainees, camp population,
 * troops), each with the previous observation of the same metric and scope, the change and the
 * change per year. Reports that state the same observation are ranked as for figures (rule 3).
 */
public final class ContextSeries {
  private static final double DAYS_PER_YEAR = 365.25;

  private ContextSeries() {}

  /**
   * Observations (report_id, as_of, scope, metric, value, qualifier, quote) and reports
   * (report_id, source_type, published_on) in; one row per (as_of, scope, metric) out.
   */
  public static Dataset<Row> build(Dataset<Row> observations, Dataset<Row> reports) {
    WindowSpec sameObservation = Window.partitionBy("as_of", "scope", "metric");
    WindowSpec byPriority = sameObservation.orderBy(
        when(col("source_type").equalTo("official"), 0).otherwise(1), col("published_on").desc_nulls_last(),
        col("report_id"));
    Dataset<Row> resolved = observations.join(reports, "report_id")
        .withColumn("sources", array_join(array_sort(collect_set(col("report_id")).over(sameObservation)), ";"))
        .withColumn("rank", row_number().over(byPriority))
        .filter(col("rank").equalTo(1));

    WindowSpec series = Window.partitionBy("scope", "metric").orderBy("as_of");
    Column change = col("value").minus(col("previous_value"));
    Column days = datediff(col("as_of"), col("previous_as_of"));
    return resolved
        .withColumn("previous_as_of", lag(col("as_of"), 1).over(series))
        .withColumn("previous_value", lag(col("value"), 1).over(series))
        .withColumn("previous_qualifier", lag(col("qualifier"), 1).over(series))
        .select(col("as_of"), col("scope"), col("metric"), col("value"), col("qualifier"),
            col("previous_as_of"), col("previous_value"), col("previous_qualifier"),
            change.as("change"),
            FiguresTable.ratio(change.cast("double").multiply(lit(DAYS_PER_YEAR)), days).as("change_per_year"),
            // a change between two figures that are not both exact is only indicative
            when(col("previous_qualifier").isNull(), FiguresTable.precisionOf(array(col("qualifier"))))
                .when(col("qualifier").equalTo("exact").and(col("previous_qualifier").equalTo("exact")), lit("exact"))
                .otherwise(lit("approximate")).as("precision"),
            col("sources"), col("quote"));
  }
}
