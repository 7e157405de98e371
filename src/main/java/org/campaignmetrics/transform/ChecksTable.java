package org.campaignmetrics.transform;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.campaignmetrics.derive.Check;

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

  private ChecksTable() {}

  public static List<Row> build(List<Check> checks) {
    return checks.stream().map(c -> RowFactory.create(c.getPeriodStart(), c.getPeriodEnd(), c.getPeriodLabel(),
        c.getTheater(), c.getMetric(), c.getCheck(), c.getSeverity(), c.getValue(), c.getComparedValue(),
        c.getDifference(), c.getFigures(), c.getSources(), c.getMessage())).toList();
  }
}
