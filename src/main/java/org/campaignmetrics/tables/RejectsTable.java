package org.campaignmetrics.tables;

import java.util.List;
import org.campaignmetrics.input.Quarantine;

/**
 * {@code rejects}: every quarantined input row, with its file, line, raw text, column and reason; as
 * the input gave them: on the driver, or, past what the driver collects, still a Spark query.
 */
public final class RejectsTable {
  public static final OutputTable TABLE =
      OutputTable.of("rejects", Quarantine.REJECTS_SCHEMA, List.of("file", "line"), RunResult::rejects);

  private RejectsTable() {}
}
