package org.campaignmetrics.tables;

import java.util.List;
import org.apache.spark.sql.types.StructType;
import org.campaignmetrics.input.Quarantine;
import org.campaignmetrics.spark.TableRows;

/** {@code rejects}: every quarantined input row, with its file, line, raw text, column and reason. */
public final class RejectsTable implements OutputTable {
  @Override
  public String name() {
    return "rejects";
  }

  @Override
  public StructType schema() {
    return Quarantine.REJECTS_SCHEMA;
  }

  @Override
  public List<String> key() {
    return List.of("file", "line");
  }

  /** As the input gave them: on the driver, or, past what the driver collects, still a Spark query. */
  @Override
  public TableRows build(RunResult run) {
    return run.rejects();
  }
}
