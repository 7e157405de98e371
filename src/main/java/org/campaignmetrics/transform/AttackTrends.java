package org.campaignmetrics.transform;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.campaignmetrics.Grain;
import org.campaignmetrics.Metric;

/**
 * {@code attack_trends}: claimed attacks per period against the previous year, as a year-to-date
 * multiple, as an annualised pace, and against the same dates a year earlier.
 */
public final class AttackTrends {
  private AttackTrends() {}

  public static Dataset<Row> build(Dataset<Row> figures) {
    Dataset<Row> attacks = figures
        .filter(col("metric").equalTo(lit(Metric.CLAIMED_ATTACKS)))
        .select(col("period_start"), col("period_end"), col("period_label"), col("grain"), col("theater"),
            col("value").as("claimed_attacks"), col("derivation"), col("sources"), col("qualifier"));

    Dataset<Row> wholeYears = attacks
        .filter(col("grain").equalTo(lit(Grain.YEAR.code())))
        .select(col("theater").as("y_theater"), year(col("period_start")).as("y_year"),
            col("claimed_attacks").as("prior_year_attacks"), col("qualifier").as("y_qualifier"));
    Dataset<Row> samePeriods = attacks.select(col("theater").as("p_theater"),
        col("period_start").as("p_start"), col("period_end").as("p_end"),
        col("claimed_attacks").as("same_period_prior_year_attacks"), col("qualifier").as("p_qualifier"));

    Column start = col("period_start");
    Column end = col("period_end");
    Column withinOneYear = year(start).equalTo(year(end));
    // A period ending on the last day of February compares with the last day of February.
    Column endLastFebruary = month(end).equalTo(2).and(end.equalTo(last_day(end)));
    Column priorEnd = when(endLastFebruary, last_day(add_months(end, -12))).otherwise(add_months(end, -12));
    Column priorStart = add_months(start, -12);

    Dataset<Row> joined = attacks
        .join(wholeYears, col("theater").equalTo(col("y_theater"))
            .and(withinOneYear).and(col("y_year").equalTo(year(start).minus(1))), "left")
        .join(samePeriods, col("theater").equalTo(col("p_theater"))
            .and(col("p_start").equalTo(priorStart)).and(col("p_end").equalTo(priorEnd)), "left");

    Column value = col("claimed_attacks");
    Column days = FiguresTable.days();
    Column daysInYear = datediff(make_date(year(start).plus(1), lit(1), lit(1)),
        make_date(year(start), lit(1), lit(1)));
    Column annualized = when(withinOneYear, value.cast("double").multiply(daysInYear).divide(days));
    Column priorYear = col("prior_year_attacks");
    Column startsOnFirstJanuary = month(start).equalTo(1).and(dayofmonth(start).equalTo(1));
    return joined.select(
        start, end, col("period_label"), col("grain"), col("theater"), days.as("days"), value,
        FiguresTable.ratio(value.multiply(30), days).as("attacks_per_30_days"),
        annualized.as("annualized_attacks"),
        priorYear,
        FiguresTable.ratio(annualized, priorYear).as("annualized_multiple"),
        when(startsOnFirstJanuary, FiguresTable.ratio(value, priorYear)).as("to_date_multiple"),
        col("same_period_prior_year_attacks"),
        FiguresTable.ratio(value, col("same_period_prior_year_attacks")).as("same_period_multiple"),
        col("derivation"), col("sources"),
        FiguresTable.precisionOf(array_compact(array(col("qualifier"), col("y_qualifier"), col("p_qualifier"))))
            .as("precision"));
  }
}
