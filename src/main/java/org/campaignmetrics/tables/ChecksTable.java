package org.campaignmetrics.tables;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.campaignmetrics.model.Check;

/** {@code checks}: every place where two ways of getting the same figure disagree. */
public final class ChecksTable {
  public static final StructType SCHEMA = new StructType()
      .add("period_start", DataTypes.DateType)
      .add("period_end", DataTypes.DateType)
      .add("period_label", DataTypes.StringType)
      .add("theater", DataTypes.StringType)
      .add("metric", DataTypes.StringType)
      .add("check", DataTypes.StringType)
      .add("severity", DataTypes.StringType)
      .add("value", DataTypes.LongType)
      .add("compared_value", DataTypes.LongType)
      .add("difference", DataTypes.LongType)
      .add("figures", DataTypes.StringType)
      .add("sources", DataTypes.StringType)
      .add("message", DataTypes.StringType);

  public static final OutputTable TABLE =
      OutputTable.onDriver("checks", SCHEMA, List.of("period_start", "period_end", "theater", "metric", "check", "figures"),
          run -> build(run.checks()));

  private ChecksTable() {}

  public static List<Row> build(List<Check> checks) {
    return checks.stream().map(c -> RowFactory.create(c.period().start(), c.period().end(), c.period().label(),
        c.theater(), c.metric(), c.check(), c.severity().code(), c.value(), c.comparedValue(),
        c.difference(), c.figures(), c.sources(), c.message())).toList();
  }
}
