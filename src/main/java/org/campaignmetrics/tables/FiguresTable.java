package org.campaignmetrics.tables;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.campaignmetrics.model.Figure;

/**
 * The long {@code figures} output table: one row per period, theater and metric.
 *
 * <p>The output tables are built on the driver from the derived figures, whose number depends on
 * periods, theaters and reports, never on the input's rows: tens of thousands at most, for which a
 * Spark query's planning and scheduling would cost more than the work.
 */
public final class FiguresTable {
  public static final StructType SCHEMA = WideRows.PERIOD_AND_THEATER
      .add("metric", DataTypes.StringType)
      .add("value", DataTypes.LongType)
      .add("derivation", DataTypes.StringType)
      .add("sources", DataTypes.StringType)
      .add("quote", DataTypes.StringType)
      .add("qualifier", DataTypes.StringType);

  public static final OutputTable TABLE =
      OutputTable.onDriver("figures", SCHEMA, List.of("period_start", "period_end", "theater", "metric"),
          run -> build(run.figures()));

  private FiguresTable() {}

  public static List<Row> build(List<Figure> figures) {
    return figures.stream().map(f -> RowFactory.create(f.period().start(), f.period().end(), f.period().label(),
        f.period().grain().code(), f.theater(), f.metric(), f.value(), f.derivation().code(), f.sources(), f.quote(),
        f.qualifier().code())).toList();
  }
}
