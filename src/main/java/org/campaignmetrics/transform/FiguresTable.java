package org.campaignmetrics.transform;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.campaignmetrics.derive.Figure;

/** The long {@code figures} output table, and column pieces the wide tables share. */
public final class FiguresTable {
  private FiguresTable() {}

  /** Figure beans as the rows the output tables are built from (with the internal table column). */
  public static Dataset<Row> fromBeans(Dataset<Figure> figures) {
    return figures.select(
        col("table"), col("periodStart").as("period_start"), col("periodEnd").as("period_end"),
        col("periodLabel").as("period_label"), col("grain"), col("theater"), col("metric"),
        col("value"), col("derivation"), col("sources"), col("quote"), col("qualifier"));
  }

  /** The published figures table: the internal table column dropped. */
  public static Dataset<Row> build(Dataset<Row> figures) {
    return figures.select("period_start", "period_end", "period_label", "grain", "theater", "metric",
        "value", "derivation", "sources", "quote", "qualifier");
  }

  /** Days in the period, both ends included. */
  static Column days() {
    return datediff(col("period_end"), col("period_start")).plus(1);
  }

  /** numerator / denominator as DOUBLE, empty where the denominator is unknown or zero. */
  static Column ratio(Column numerator, Column denominator) {
    return when(denominator.notEqual(lit(0)), numerator.cast("double").divide(denominator));
  }

  /** Aggregate: the one derivation of a group's figures, or "mixed". */
  static Column derivationOfGroup() {
    Column kinds = collect_set(col("derivation"));
    return when(size(kinds).equalTo(1), element_at(kinds, 1)).otherwise(lit("mixed"));
  }

  /**
   * exact | approximate | lower_bound for a set of qualifiers: the weakest wins, so a rate or share
   * built on a figure that is not exact never reads as exact.
   */
  static Column precisionOf(Column qualifiers) {
    return when(array_contains(qualifiers, "approximate"), lit("approximate"))
        .when(array_contains(qualifiers, "more_than").or(array_contains(qualifiers, "at_least")), lit("lower_bound"))
        .otherwise(lit("exact"));
  }

  /** Aggregate: the precision of a group's figures. */
  static Column precisionOfGroup() {
    return precisionOf(collect_set(col("qualifier")));
  }

  /** Aggregate: every report id behind a group's figures, sorted, joined with ';'. */
  static Column sourcesOfGroup() {
    return array_join(array_sort(array_distinct(flatten(collect_list(split(col("sources"), ";"))))), ";");
  }
}
