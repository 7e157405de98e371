package org.campaignmetrics.tables;

import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.campaignmetrics.spark.TableRows;

/**
 * One output table: its name (file and PostgreSQL table), its columns, its natural key (the columns
 * that identify and order its rows) and how it is built from what the run derived. Adding a table
 * is one class holding its schema and builder and one {@link #of} line in {@link OutputTables#ALL},
 * plus its section in {@code docs/data-dictionary.md}.
 */
public interface OutputTable {
  String name();

  StructType schema();

  /** The natural key: its rows are written sorted by it, and it is the PostgreSQL primary key. */
  List<String> key();

  TableRows build(RunResult run);

  /**
   * Rates, shares and multiples (DOUBLE columns) are written to CSV and PostgreSQL with this many
   * significant digits (0.22449, 307.681): seventeen digits of a quotient of counts suggest a
   * precision no release has. The Parquet files keep the double as computed.
   */
  int SIGNIFICANT_DIGITS = 6;

  /** The natural key of the tables with one row per period and theater. */
  List<String> PERIOD_AND_THEATER = List.of("period_start", "period_end", "theater");

  /** A table built on the driver from the run. */
  static OutputTable onDriver(String name, StructType schema, List<String> key, Function<RunResult, List<Row>> rows) {
    return new Definition(name, schema, key, run -> new TableRows.OnDriver(rows.apply(run)));
  }

  /** A table whose rows are as the run gives them: on the driver, or a Spark query. */
  static OutputTable of(String name, StructType schema, List<String> key, Function<RunResult, TableRows> rows) {
    return new Definition(name, schema, key, rows);
  }

  record Definition(String name, StructType schema, List<String> key, Function<RunResult, TableRows> builder)
      implements OutputTable {
    @Override
    public TableRows build(RunResult run) {
      return builder.apply(run);
    }
  }
}
