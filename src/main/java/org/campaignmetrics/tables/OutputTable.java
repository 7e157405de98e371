package org.campaignmetrics.tables;

import java.util.List;
import org.apache.spark.sql.types.StructType;
import org.campaignmetrics.spark.TableRows;

/**
 * One output table: its name (file and PostgreSQL table), its columns, its natural key (the columns
 * that identify and order its rows) and how it is built from what the run derived. Adding a table
 * is one class implementing this, one line in {@link OutputTables#ALL} and one section of
 * {@code docs/data-dictionary.md}.
 */
public interface OutputTable {
  String name();

  StructType schema();

  /** The natural key: its rows are written sorted by it, and it is the PostgreSQL primary key. */
  List<String> key();

  TableRows build(RunResult run);
}
