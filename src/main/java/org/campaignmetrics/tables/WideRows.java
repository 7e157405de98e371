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
