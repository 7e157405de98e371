package org.campaignmetrics.tables;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.campaignmetrics.derive.ContextStatement;
import org.campaignmetrics.model.ContextObservation;
import org.campaignmetrics.model.Precision;
import org.campaignmetrics.model.Qualifier;
import org.campaignmetrics.model.Report;

/**
 * {@code context_series}: stocks observed at a date (fighters at large, detainees, camp population,
 * troops), each with the previous observation of the same metric and scope, the change and the
 * change per year. Reports that state the same observation are ranked as for figures (rule 3).
 */
public final class ContextSeries {
  public static final StructType SCHEMA = new StructType()
      .add("as_of", DataTypes.DateType)
      .add("scope", DataTypes.StringType)
      .add("metric", DataTypes.StringType)
      .add("value", DataTypes.LongType)
      .add("qualifier", DataTypes.StringType)
      .add("previous_as_of", DataTypes.DateType)
      .add("previous_value", DataTypes.LongType)
      .add("previous_qualifier", DataTypes.StringType)
      .add("change", DataTypes.LongType)
      .add("change_per_year", DataTypes.DoubleType)
      .add("precision", DataTypes.StringType)
      .add("sources", DataTypes.StringType)
      .add("quote", DataTypes.StringType);
  private static final double DAYS_PER_YEAR = 365.25;

  private record Series(String scope, String metric) {}

  public static final OutputTable TABLE =
      OutputTable.onDriver("context_series", SCHEMA, List.of("scope", "metric", "as_of"),
          run -> build(run.context(), run.reports()));

  private ContextSeries() {}

  /** One row per (as_of, scope, metric), in the order of scope, metric, as_of. */
  public static List<Row> build(List<ContextObservation> observations, Map<String, Report> reports) {
    // per series, per date: every report's observation
    Map<Series, TreeMap<LocalDate, List<ContextObservation>>> series = new TreeMap<>(
        Comparator.comparing(Series::scope).thenComparing(Series::metric));
    for (ContextObservation o : observations) {
      if (reports.containsKey(o.reportId())) {
        series.computeIfAbsent(new Series(o.scope(), o.metric()), k -> new TreeMap<>())
            .computeIfAbsent(o.asOf(), k -> new ArrayList<>()).add(o);
      }
    }
    List<Row> rows = new ArrayList<>();
    for (TreeMap<LocalDate, List<ContextObservation>> dates : series.values()) {
      ContextObservation previous = null;
      for (List<ContextObservation> stated : dates.values()) {
        ContextStatement statement = ContextStatement.of(stated, reports);
        ContextObservation o = statement.winner();
        SortedSet<String> sources = statement.sources();
        Long change = null;
        Double changePerYear = null;
        String precision = WideRows.precisionOf(java.util.Collections.singleton(o.qualifier()));
        if (previous != null) {
          precision = changePrecision(previous.qualifier(), o.qualifier());
          if (!UNDETERMINED.equals(precision)) {
            change = o.value() - previous.value();
            changePerYear = WideRows.ratio(change.doubleValue() * DAYS_PER_YEAR,
                ChronoUnit.DAYS.between(previous.asOf(), o.asOf()));
          }
        }
        rows.add(RowFactory.create(o.asOf(), o.scope(), o.metric(), o.value(), o.qualifier().code(),
            previous == null ? null : previous.asOf(), previous == null ? null : previous.value(),
            previous == null ? null : previous.qualifier().code(), change, changePerYear, precision,
            String.join(";", sources), o.quote()));
        previous = o;
      }
    }
    return rows;
  }

  static final String UNDETERMINED = "undetermined";

  /**
   * What the qualifiers of two observations let one say of the change between them: exact between
   * exact figures, approximate where one is approximate (and neither a bound); a lower bound when only
   * the later one is (now more than N against P: the change is more than N - P), an upper bound when
   * only the earlier one is (then more than P, now N: the change is less than N - P, a fall of more
   * than P - N); nothing between two bounds, or a bound and an approximate figure: undetermined.
   */
  static String changePrecision(Qualifier before, Qualifier after) {
    boolean beforeBound = before == Qualifier.MORE_THAN || before == Qualifier.AT_LEAST;
    boolean afterBound = after == Qualifier.MORE_THAN || after == Qualifier.AT_LEAST;
    boolean approximate = before == Qualifier.APPROXIMATE || after == Qualifier.APPROXIMATE;
    if (beforeBound && afterBound || (beforeBound || afterBound) && approximate) {
      return UNDETERMINED;
    }
    if (afterBound) {
      return Precision.LOWER_BOUND.code();
    }
    if (beforeBound) {
      return "upper_bound";
    }
    return (approximate ? Precision.APPROXIMATE : Precision.EXACT).code();
  }
}
