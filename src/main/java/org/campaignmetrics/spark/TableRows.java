package org.campaignmetrics.spark;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Where a table's rows are: on the driver (the aggregate tables, a few thousand rows at most, written
 * without a Spark job) or still a Spark query (a table that may be as large as the input, such as
 * the rejects of a bad input, computed and written by Spark).
 */
public sealed interface TableRows {
  /** Rows on the driver, in any order, in the table's schema by position. */
  record OnDriver(List<Row> rows) implements TableRows {}

  /** A Spark query that computes the rows when the table is written. */
  record InSpark(Dataset<Row> query) implements TableRows {}

  /** The rows as a DataFrame, for a caller that wants to query them (tests, an embedding program). */
  default Dataset<Row> asDataFrame(SparkSession spark, StructType schema) {
    return this instanceof OnDriver driver ? spark.createDataFrame(driver.rows(), schema) : ((InSpark) this).query();
  }
}
