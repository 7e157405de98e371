package org.campaignmetrics.transform;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.campaignmetrics.derive.Figure;

/**
 * The long {@code figures} output table, and the arithmetic the wide tables share.
 *
 * <p>The output tables are built on the driver from the derived figures, whose number depends on
 * periods, theaters and reports, never on the input's rows: tens of thousands at most, for which a
 * Spark query's planning and scheduling would cost more than the work.
 */
public final class FiguresTable {
  /** The columns every period table starts with. */
  static final StructType PERIOD_AND_THEATER = new StructType()
      .add("period_start", DataTypes.DateType)
      .add("period_end", DataTypes.DateType)
      .add("period_label", DataTypes.StringType)
      .add("grain", DataTypes.StringType)
      .add("theater", DataTypes.StringType);

  public static final StructType SCHEMA = PERIOD_AND_THEATER
      .add("metric", DataTypes.StringType)
      .add("value", DataTypes.LongType)
      .add("derivation", DataTypes.StringType)
      .add("sources", DataTypes.StringType)
      .add("quote", DataTypes.StringType)
      .add("qualifier", DataTypes.StringType);

  private FiguresTable() {}

  public static List<Row> build(List<Figure> figures) {
    return figures.stream().map(f -> RowFactory.create(f.getPeriodStart(), f.getPeriodEnd(), f.getPeriodLabel(),
        f.getGrain(), f.getTheater(), f.getMetric(), f.getValue(), f.getDerivation(), f.getSources(), f.getQuote(),
        f.getQualifier())).toList();
  }

  /** Days in the period, both ends included. */
  static int days(LocalDate start, LocalDate end) {
    return Math.toIntExact(ChronoUnit.DAYS.between(start, end) + 1);
  }

  /** numerator / denominator as a double, null where either is unknown or the denominator is zero. */
  static Double ratio(Number numerator, Number denominator) {
    if (numerator == null || denominator == null || denominator.doubleValue() == 0) {
      return null;
    }
    return numerator.doubleValue() / denominator.doubleValue();
  }

  /** The product, null where the number is unknown. */
  static Long times(Long number, long factor) {
    return number == null ? null : number * factor;
  }

  /** The one derivation of a group's figures, or "mixed". */
  static String derivationOf(Collection<Figure> figures) {
    return figures.stream().map(Figure::getDerivation).distinct().count() == 1
        ? figures.iterator().next().getDerivation() : "mixed";
  }

  /**
   * exact | approximate | lower_bound for a set of qualifiers: the weakest wins, so a rate or share
   * built on a figure that is not exact never reads as exact.
   */
  static String precisionOf(Collection<String> qualifiers) {
    if (qualifiers.contains("approximate")) {
      return "approximate";
    }
    return qualifiers.contains("more_than") || qualifiers.contains("at_least") ? "lower_bound" : "exact";
  }

  /** Every report id behind a group's figures, sorted, joined with ';'. */
  static String sourcesOf(Collection<Figure> figures) {
    TreeSet<String> ids = new TreeSet<>();
    for (Figure figure : figures) {
      if (figure.getSources() != null) {
        ids.addAll(List.of(figure.getSources().split(";")));
      }
    }
    return String.join(";", ids);
  }
}
