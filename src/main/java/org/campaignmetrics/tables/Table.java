package org.campaignmetrics.tables;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.campaignmetrics.spark.TableRows;

/** A built output table: its definition and its rows. */
public record Table(OutputTable definition, TableRows rows) {
  public String name() {
    return definition.name();
  }

  public StructType schema() {
    return definition.schema();
  }

  public List<String> key() {
    return definition.key();
  }

  /** The rows as a DataFrame, for a caller that wants to query them (tests, an embedding program). */
  public Dataset<Row> dataFrame(SparkSession spark) {
    return rows.asDataFrame(spark, schema());
  }

  /** A table whose rows are given, not built from a run: for tools and tests that write their own. */
  public static Table of(String name, StructType schema, List<String> key, TableRows rows) {
    return new Table(OutputTable.of(name, schema, key, run -> rows), rows);
  }
}
