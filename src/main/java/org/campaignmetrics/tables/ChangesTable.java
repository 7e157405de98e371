package org.campaignmetrics.tables;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.campaignmetrics.model.Figure;
import org.campaignmetrics.model.FigureChange;

/**
 * {@code changes}: what this run changed against the run published before it in the same output
 * directory, one row per figure added, removed, revised or requalified. Empty on a first run.
 */
public final class ChangesTable {
  public static final StructType SCHEMA = WideRows.PERIOD_AND_THEATER
      .add("metric", DataTypes.StringType)
      .add("change", DataTypes.StringType)
      .add("previous_value", DataTypes.LongType)
      .add("previous_qualifier", DataTypes.StringType)
      .add("previous_derivation", DataTypes.StringType)
      .add("previous_sources", DataTypes.StringType)
      .add("value", DataTypes.LongType)
      .add("qualifier", DataTypes.StringType)
      .add("derivation", DataTypes.StringType)
      .add("sources", DataTypes.StringType)
      .add("previous_run_id", DataTypes.StringType);

  public static final OutputTable TABLE =
      OutputTable.onDriver("changes", SCHEMA, List.of("period_start", "period_end", "theater", "metric"),
          run -> build(run.changes(), run.previousRunId()));

  private ChangesTable() {}

  public static List<Row> build(List<FigureChange> changes, String previousRunId) {
    return changes.stream().map(c -> {
      Figure key = c.either();
      Figure then = c.previous();
      Figure now = c.current();
      return RowFactory.create(key.period().start(), key.period().end(), key.period().label(),
          key.period().grain().code(), key.theater(), key.metric(), c.kind().code(),
          then == null ? null : then.value(), then == null ? null : then.qualifier().code(),
          then == null ? null : then.derivation().code(), then == null ? null : then.sources(),
          now == null ? null : now.value(), now == null ? null : now.qualifier().code(),
          now == null ? null : now.derivation().code(), now == null ? null : now.sources(), previousRunId);
    }).toList();
  }
}
