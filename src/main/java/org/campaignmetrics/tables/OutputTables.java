package org.campaignmetrics.tables;

import java.util.List;

/**
 * Every output table, in its published order. The writer, the manifest, the PostgreSQL export and
 * the data dictionary's test all go by this list.
 */
public final class OutputTables {
  public static final List<OutputTable> ALL = List.of(
      FiguresTable.TABLE,
      OperationsPeriods.TABLE,
      TheaterSplit.TABLE,
      AttackTrends.TABLE,
      ContextSeries.TABLE,
      ChecksTable.TABLE,
      RejectsTable.TABLE,
      ChangesTable.TABLE,
      ClaimChecksTable.TABLE);

  private OutputTables() {}

  /**
   * Every table built from the run. Each is built from the run alone, none from another: two cores
   * build two at a time.
   */
  public static List<Table> build(RunResult run) {
    return ALL.parallelStream().map(table -> new Table(table, table.build(run))).toList();
  }
}
