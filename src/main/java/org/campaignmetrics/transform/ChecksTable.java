package org.campaignmetrics.transform;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.campaignmetrics.derive.Check;

/** {@code checks}: every place where two ways of getting the same figure disagree. */
public final class ChecksTable {
  private ChecksTable() {}

  public static Dataset<Row> fromBeans(Dataset<Check> checks) {
    return checks.select(
        col("periodStart").as("period_start"), col("periodEnd").as("period_end"),
        col("periodLabel").as("period_label"), col("theater"), col("metric"), col("check"), col("severity"),
        col("value"), col("comparedValue").as("compared_value"), col("difference"), col("figures"),
        col("sources"), col("message"));
  }
}
