package org.campaignmetrics.tables;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.campaignmetrics.model.Figure;
import org.campaignmetrics.model.Metric;
import org.campaignmetrics.model.Period;
import org.campaignmetrics.model.Qualifier;

/**
 * {@code attack_trends}: claimed attacks per period against the previous year, as a year-to-date
 * multiple, as an annualised pace, and against the same dates a year earlier.
 */
public final class AttackTrends {
  public static final StructType SCHEMA = WideRows.PERIOD_AND_THEATER
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
      .add("precision", DataTypes.StringType)
      // added after the first release: each count's qualifier and each rate's
      .add("claimed_attacks_qualifier", DataTypes.StringType)
      .add("prior_year_attacks_qualifier", DataTypes.StringType)
      .add("same_period_prior_year_attacks_qualifier", DataTypes.StringType)
      .add("attacks_per_30_days_qualifier", DataTypes.StringType)
      .add("annualized_attacks_qualifier", DataTypes.StringType)
      .add("annualized_multiple_qualifier", DataTypes.StringType)
      .add("to_date_multiple_qualifier", DataTypes.StringType)
      .add("same_period_multiple_qualifier", DataTypes.StringType);

  private record Key(String theater, Period period) {}

  public static final OutputTable TABLE =
      OutputTable.onDriver("attack_trends", SCHEMA, OutputTable.PERIOD_AND_THEATER,
          run -> build(run.figures()));

  private AttackTrends() {}

  public static List<Row> build(List<Figure> figures) {
    List<Figure> attacks = figures.stream().filter(f -> Metric.CLAIMED_ATTACKS.equals(f.metric())).toList();
    Map<Key, Figure> byTheaterAndPeriod = new HashMap<>();
    attacks.forEach(f -> byTheaterAndPeriod.put(new Key(f.theater(), f.period()), f));

    List<Row> rows = new ArrayList<>();
    for (Figure f : attacks) {
      LocalDate start = f.period().start();
      LocalDate end = f.period().end();
      Long value = f.value();
      boolean withinOneYear = start.getYear() == end.getYear();
      Figure priorYear = withinOneYear ? byTheaterAndPeriod.get(new Key(f.theater(), Period.year(start.getYear() - 1)))
          : null;
      // A period ending on the last day of February compares with the last day of February.
      boolean endLastFebruary = end.getMonthValue() == 2 && end.equals(end.with(TemporalAdjusters.lastDayOfMonth()));
      LocalDate priorEnd = endLastFebruary ? end.minusMonths(12).with(TemporalAdjusters.lastDayOfMonth())
          : end.minusMonths(12);
      LocalDate priorStart = start.minusMonths(12);
      Figure samePeriod = priorStart.isAfter(priorEnd) ? null
          : byTheaterAndPeriod.get(new Key(f.theater(), new Period(priorStart, priorEnd)));

      int days = Math.toIntExact(f.period().days());
      Double annualized = withinOneYear && value != null ? value.doubleValue() * start.lengthOfYear() / days : null;
      Long priorYearValue = priorYear == null ? null : priorYear.value();
      Long samePeriodValue = samePeriod == null ? null : samePeriod.value();
      boolean startsOnFirstJanuary = start.getDayOfYear() == 1;
      List<Qualifier> qualifiers = new ArrayList<>();
      qualifiers.add(f.qualifier());
      if (priorYear != null) {
        qualifiers.add(priorYear.qualifier());
      }
      if (samePeriod != null) {
        qualifiers.add(samePeriod.qualifier());
      }
      Qualifier priorQ = priorYear == null ? null : priorYear.qualifier();
      Qualifier sameQ = samePeriod == null ? null : samePeriod.qualifier();
      Double per30 = WideRows.per30Days(value, days);
      Double annualizedMultiple = WideRows.ratio(annualized, priorYearValue);
      Double toDateMultiple = startsOnFirstJanuary ? WideRows.ratio(value, priorYearValue) : null;
      Double samePeriodMultiple = WideRows.ratio(value, samePeriodValue);
      rows.add(RowFactory.create(start, end, f.period().label(), f.period().grain().code(), f.theater(), days, value,
          per30, annualized, priorYearValue, annualizedMultiple, toDateMultiple, samePeriodValue, samePeriodMultiple,
          f.derivation().code(), f.sources(),
          WideRows.precisionOf(qualifiers),
          f.qualifier().code(), WideRows.qualifierOf(priorYearValue, priorQ), WideRows.qualifierOf(samePeriodValue, sameQ),
          WideRows.scaledQualifier(per30, f.qualifier()), WideRows.scaledQualifier(annualized, f.qualifier()),
          WideRows.quotientQualifier(annualizedMultiple, f.qualifier(), priorQ),
          WideRows.quotientQualifier(toDateMultiple, f.qualifier(), priorQ),
          WideRows.quotientQualifier(samePeriodMultiple, f.qualifier(), sameQ)));
    }
    return rows;
  }
}
