package org.campaignmetrics.tables;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.campaignmetrics.model.Figure;
import org.campaignmetrics.model.Precision;
import org.campaignmetrics.model.Qualifier;

/** What the wide tables (several figures side by side in one row) share: their first columns and arithmetic. */
final class WideRows {
  /** The columns every period table starts with. */
  static final StructType PERIOD_AND_THEATER = new StructType()
      .add("period_start", DataTypes.DateType)
      .add("period_end", DataTypes.DateType)
      .add("period_label", DataTypes.StringType)
      .add("grain", DataTypes.StringType)
      .add("theater", DataTypes.StringType);

  private WideRows() {}

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

  /** Per-30-days rates are given for periods of at least this many days: a day's figure times 30 is no pace. */
  static final int MIN_DAYS_FOR_PACE = 7;

  /** value × 30 / days, for a period of at least {@link #MIN_DAYS_FOR_PACE} days; else null. */
  static Double per30Days(Long value, int days) {
    return days < MIN_DAYS_FOR_PACE ? null : ratio(times(value, 30), days);
  }

  /** A count's qualifier as the wide tables write it: its code, empty where the count is. */
  static String qualifierOf(Long value, Qualifier qualifier) {
    return value == null || qualifier == null ? null : qualifier.code();
  }

  /**
   * The qualifier of a quotient from those of its numerator and denominator, empty where the quotient
   * is: exact over exact is exact; anything approximate is approximate; a lower bound over an exact
   * denominator is a lower bound (more_than, at_least); an exact numerator over a lower bound is an
   * upper bound (less_than, at_most); a lower bound over a lower bound is undetermined.
   */
  static String quotientQualifier(Double quotient, Qualifier numerator, Qualifier denominator) {
    if (quotient == null) {
      return null;
    }
    if (numerator == Qualifier.APPROXIMATE || denominator == Qualifier.APPROXIMATE) {
      return Qualifier.APPROXIMATE.code();
    }
    if (denominator == Qualifier.EXACT) {
      return numerator.code();
    }
    if (numerator == Qualifier.EXACT) {
      return denominator == Qualifier.MORE_THAN ? "less_than" : "at_most";
    }
    return "undetermined";
  }

  /** The qualifier of a value scaled by an exact factor (per 30 days, per year): the value's own. */
  static String scaledQualifier(Double scaled, Qualifier value) {
    return scaled == null ? null : value.code();
  }

  /** The one derivation of a group's figures, or "mixed". */
  static String derivationOf(Collection<Figure> figures) {
    return figures.stream().map(Figure::derivation).distinct().count() == 1
        ? figures.iterator().next().derivation().code() : "mixed";
  }

  /** exact | approximate | lower_bound: the weakest of the qualifiers (nulls ignored). */
  static String precisionOf(Collection<Qualifier> qualifiers) {
    return Precision.of(qualifiers).code();
  }

  /** Every report id behind a group's figures, sorted, joined with ';'. */
  static String sourcesOf(Collection<Figure> figures) {
    TreeSet<String> ids = new TreeSet<>();
    for (Figure figure : figures) {
      if (figure.sources() != null) {
        ids.addAll(List.of(figure.sources().split(";")));
      }
    }
    return String.join(";", ids);
  }
}
