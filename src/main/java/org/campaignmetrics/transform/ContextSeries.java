package org.campaignmetrics.transform;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.campaignmetrics.derive.Report;

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

  /** One observation as the input gives it (context.csv's checked rows). */
  public record Observation(String reportId, LocalDate asOf, String scope, String metric, Long value,
      String qualifier, String quote) {}

  private record Series(String scope, String metric) {}

  private ContextSeries() {}

  /** One row per (as_of, scope, metric), in the order of scope, metric, as_of. */
  public static List<Row> build(List<Observation> observations, Map<String, Report> reports) {
    // per series, per date: every report's observation, the highest-priority report first
    Comparator<Observation> priority = Comparator.comparing(o -> reports.get(o.reportId()), Report.PRIORITY);
    Map<Series, TreeMap<LocalDate, List<Observation>>> series = new TreeMap<>(
        Comparator.comparing(Series::scope).thenComparing(Series::metric));
    for (Observation o : observations) {
      if (reports.containsKey(o.reportId())) {
        series.computeIfAbsent(new Series(o.scope(), o.metric()), k -> new TreeMap<>())
            .computeIfAbsent(o.asOf(), k -> new ArrayList<>()).add(o);
      }
    }
    List<Row> rows = new ArrayList<>();
    for (TreeMap<LocalDate, List<Observation>> dates : series.values()) {
      Observation previous = null;
      for (List<Observation> stated : dates.values()) {
        Observation o = stated.stream().min(priority).orElseThrow();
        TreeSet<String> sources = new TreeSet<>();
        stated.forEach(s -> sources.add(s.reportId()));
        Long change = null;
        Double changePerYear = null;
        String precision = FiguresTable.precisionOf(java.util.Collections.singleton(o.qualifier()));
        if (previous != null) {
          change = o.value() == null || previous.value() == null ? null : o.value() - previous.value();
          changePerYear = FiguresTable.ratio(change == null ? null : change.doubleValue() * DAYS_PER_YEAR,
              ChronoUnit.DAYS.between(previous.asOf(), o.asOf()));
          // a change between two figures that are not both exact is only indicative
          boolean bothExact = "exact".equals(o.qualifier()) && "exact".equals(previous.qualifier());
          precision = previous.qualifier() == null ? precision : bothExact ? "exact" : "approximate";
        }
        rows.add(RowFactory.create(o.asOf(), o.scope(), o.metric(), o.value(), o.qualifier(),
            previous == null ? null : previous.asOf(), previous == null ? null : previous.value(),
            previous == null ? null : previous.qualifier(), change, changePerYear, precision,
            String.join(";", sources), o.quote()));
        previous = o;
      }
    }
    return rows;
  }
}
