package org.campaignmetrics.transform;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.campaignmetrics.derive.DerivationEngine;
import org.campaignmetrics.derive.Figure;
import org.campaignmetrics.derive.Statement;

/**
 * Rules 3 to 5 on Spark: the statements of each input table go to one task, where the
 * {@link DerivationEngine} resolves sources and fills the ALL theater and calendar buckets.
 */
public final class FigureDerivation {
  private FigureDerivation() {}

  /**
   * Statements (report_id, source_type, published_on, table, period_start, period_end, theater,
   * metric, value, quote) in; figures (table, period_start, period_end, period_label, grain, theater,
   * metric, value, derivation, sources, quote) out.
   */
  public static Dataset<Row> derive(Dataset<Row> statements) {
    Dataset<Statement> typed = statements.select(
            col("table"), col("report_id").as("reportId"), col("source_type").as("sourceType"),
            col("published_on").as("publishedOn"), col("period_start").as("periodStart"),
            col("period_end").as("periodEnd"), col("theater"), col("metric"), col("value"), col("quote"))
        .as(Encoders.bean(Statement.class));
    Dataset<Figure> figures = typed
        .groupByKey((MapFunction<Statement, String>) Statement::getTable, Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Statement, Figure>)
            (table, rows) -> DerivationEngine.derive(() -> rows).iterator(), Encoders.bean(Figure.class));
    return asRows(figures);
  }

  /** Figure beans as the figures rows the output tables are built from. */
  public static Dataset<Row> asRows(Dataset<Figure> figures) {
    return figures.select(
        col("table"), col("periodStart").as("period_start"), col("periodEnd").as("period_end"),
        col("periodLabel").as("period_label"), col("grain"), col("theater"), col("metric"),
        col("value"), col("derivation"), col("sources"), col("quote"));
  }
}
