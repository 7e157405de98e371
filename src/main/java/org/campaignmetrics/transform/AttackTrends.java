package org.campaignmetrics.transform;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.campaignmetrics.Metric;
import org.campaignmetrics.Period;
import org.campaignmetrics.derive.Figure;

/**
 * {@code attack_trends}: claimed attacks per period against the previous year, as a year-to-date
 * multiple, as an annualised pace, and against the same dates a year earlier.
 */
public final class AttackTrends {
  public static final StructType SCHEMA = FiguresTable.PERIOD_AND_THEATER
      .add("days", DataTypes.IntegerType)
      .add(Metric.CLAIMED_ATTACKS, DataTypes.LongType)
      .add("attacks_per_30_days", DataTypes.DoubleType)
      .add("annualized_attacks", DataTypes.DoubleType)
      .add("prior_year_attacks", DataTypes.LongType)
      .add("annualized_multiple", DataTypes.DoubleType)
      .add("to_date_multiple", DataTypes.DoubleType)
      .add("same_period_prior_year_attacks", DataTypes.LongType)
      .add("same_period_multiple", DataTypes.DoubleType)
      .add("derivation", DataTypes.StringType)
      .add("sources", DataTypes.StringType)
      .add("precision", DataTypes.StringType);

  private record Key(String theater, Period period) {}

  private AttackTrends() {}

  public static List<Row> build(List<Figure> figures) {
    List<Figure> attacks = figures.stream().filter(f -> Metric.CLAIMED_ATTACKS.equals(f.getMetric())).toList();
    Map<Key, Figure> byTheaterAndPeriod = new HashMap<>();
    attacks.forEach(f -> byTheaterAndPeriod.put(new Key(f.getTheater(), new Period(f.getPeriodStart(),
        f.getPeriodEnd())), f));

    List<Row> rows = new ArrayList<>();
    for (Figure f : attacks) {
      LocalDate start = f.getPeriodStart();
      LocalDate end = f.getPeriodEnd();
      Long value = f.getValue();
      boolean withinOneYear = start.getYear() == end.getYear();
      Figure priorYear = withinOneYear ? byTheaterAndPeriod.get(new Key(f.getTheater(), Period.year(start.getYear() - 1)))
          : null;
      // A period ending on the last day of February compares with the last day of February.
      boolean endLastFebruary = end.getMonthValue() == 2 && end.equals(end.with(TemporalAdjusters.lastDayOfMonth()));
      LocalDate priorEnd = endLastFebruary ? end.minusMonths(12).with(TemporalAdjusters.lastDayOfMonth())
          : end.minusMonths(12);
      LocalDate priorStart = start.minusMonths(12);
      Figure samePeriod = priorStart.isAfter(priorEnd) ? null
          : byTheaterAndPeriod.get(new Key(f.getTheater(), new Period(priorStart, priorEnd)));

      int days = FiguresTable.days(start, end);
      Double annualized = withinOneYear && value != null ? value.doubleValue() * start.lengthOfYear() / days : null;
      Long priorYearValue = priorYear == null ? null : priorYear.getValue();
      Long samePeriodValue = samePeriod == null ? null : samePeriod.getValue();
      boolean startsOnFirstJanuary = start.getDayOfYear() == 1;
      List<String> qualifiers = new ArrayList<>();
      qualifiers.add(f.getQualifier());
      if (priorYear != null) {
        qualifiers.add(priorYear.getQualifier());
      }
      if (samePeriod != null) {
        qualifiers.add(samePeriod.getQualifier());
      }
      rows.add(RowFactory.create(start, end, f.getPeriodLabel(), f.getGrain(), f.getTheater(), days, value,
          FiguresTable.ratio(FiguresTable.times(value, 30), days),
          annualized,
          priorYearValue,
          FiguresTable.ratio(annualized, priorYearValue),
          startsOnFirstJanuary ? FiguresTable.ratio(value, priorYearValue) : null,
          samePeriodValue,
          FiguresTable.ratio(value, samePeriodValue),
          f.getDerivation(), f.getSources(),
          FiguresTable.precisionOf(qualifiers.stream().filter(Objects::nonNull).toList())));
    }
    return rows;
  }
}
