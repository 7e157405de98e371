package org.campaignmetrics.io;

import java.util.List;

/**
 * One CSV file of the input contract: its name and the columns it must or may have. Columns are
 * matched by header name, in any order.
 */
public record CsvTable(String fileName, List<String> required, List<String> optional) {

  public static final CsvTable REPORTS = new CsvTable("reports.csv",
      List.of("report_id", "publisher", "published_on", "source_type", "title", "reference"),
      List.of("coverage_start", "coverage_end"));

  public static final CsvTable OPERATIONS = new CsvTable("operations.csv",
      List.of("report_id", "period_start", "period_end", "theater", "missions", "killed", "detained",
          "leaders_killed", "leaders_detained"),
      List.of("leaders_removed", "quote"));

  public static final CsvTable ATTACKS = new CsvTable("attacks.csv",
      List.of("report_id", "period_start", "period_end", "theater", "claimed_attacks"),
      List.of("quote"));

  /** Optional: context figures (stocks, not flows) observed at a date. */
  public static final CsvTable CONTEXT = new CsvTable("context.csv",
      List.of("report_id", "as_of", "scope", "metric", "value"),
      List.of("quote"));

  /** Contract columns in the contract's order: required first, then optional. */
  public List<String> columns() {
    return java.util.stream.Stream.concat(required.stream(), optional.stream()).toList();
  }
}
