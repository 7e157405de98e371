package org.campaignmetrics.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.campaignmetrics.SparkTest;
import org.campaignmetrics.derive.DerivationEngine;
import org.campaignmetrics.model.ContextObservation;
import org.campaignmetrics.model.Figure;
import org.campaignmetrics.model.Metric;
import org.campaignmetrics.model.Period;
import org.campaignmetrics.model.Qualifier;
import org.campaignmetrics.model.Report;
import org.campaignmetrics.model.Statement;
import org.junit.jupiter.api.Test;

/** operations_periods, theater_split and attack_trends, each built from a small set of figures. */
class OutputTablesTest extends SparkTest {
  private final List<Statement> statements = new ArrayList<>();

  private OutputTablesTest state(String report, Period period, String theater, String metric, long value) {
    statements.add(Statement.exact(new Report(report, "official", null, null), period, theater, metric, value, null));
    return this;
  }

  private List<Figure> figures() {
    return DerivationEngine.derive(statements).figures();
  }

  /** A table's rows as a DataFrame, to compare with the expected rows in SQL. */
  private Dataset<Row> table(List<Row> rows, StructType schema) {
    return spark.createDataFrame(rows, schema);
  }

  @Test
  void operationsPeriodsPutsMetricsSideBySideWithRates() {
    Period q1 = Period.quarter(2024, 1);
    Period h1 = Period.half(2024, 1);
    state("a", h1, "ALL", Metric.MISSIONS, 196).state("a", h1, "ALL", Metric.KILLED, 44)
        .state("a", h1, "ALL", Metric.DETAINED, 166).state("a", h1, "ALL", Metric.LEADERS_KILLED, 8)
        .state("b", q1, "ALL", Metric.MISSIONS, 94).state("b", q1, "ALL", Metric.KILLED, 18);
    assertRows("SELECT * FROM VALUES"
            + " ('2024-Q1', 91, 94L, 18L, NULL, NULL, 0.191489, NULL, NULL, 30.989011, 5.934066, NULL, 'reported', 'b'),"
            + " ('2024-Q2', 91, 102L, 26L, NULL, NULL, 0.254902, NULL, NULL, 33.626374, 8.571429, NULL, 'difference', 'a;b'),"
            + " ('2024-H1', 182, 196L, 44L, 166L, 8L, 0.224490, 0.846939, 1.071429, 32.307692, 7.252747, 27.362637, 'reported', 'a')"
            + " AS t(period_label, days, missions, killed, detained, leaders_killed, killed_per_mission,"
            + " detained_per_mission, removed_per_mission, missions_per_30_days, killed_per_30_days,"
            + " detained_per_30_days, derivation, sources)",
        table(OperationsPeriods.build(figures()), OperationsPeriods.SCHEMA));
  }

  @Test
  void aRateWithAnUnknownOrZeroDenominatorIsEmptyAndMixedDerivationsSaySo() {
    Period h1 = Period.half(2024, 1);
    Period q1 = Period.quarter(2024, 1);
    state("a", h1, "ALL", Metric.MISSIONS, 0).state("a", h1, "ALL", Metric.KILLED, 5)
        .state("a", h1, "ALL", Metric.DETAINED, 9).state("b", q1, "ALL", Metric.DETAINED, 4)
        .state("b", q1, "ALL", Metric.KILLED, 2).state("c", Period.quarter(2024, 2), "ALL", Metric.KILLED, 3);
    assertRows("SELECT * FROM VALUES"
            + " ('2024-Q1', NULL, NULL, 'reported', 'b'),"
            + " ('2024-Q2', NULL, NULL, 'mixed', 'a;b;c'),"
            + " ('2024-H1', 0L, NULL, 'reported', 'a')"
            + " AS t(period_label, missions, killed_per_mission, derivation, sources)",
        table(OperationsPeriods.build(figures()), OperationsPeriods.SCHEMA));
  }

  @Test
  void theaterSplitNeedsEveryTheaterOfTheTable() {
    Period h1 = Period.half(2024, 1);
    Period q1 = Period.quarter(2024, 1);
    state("a", h1, "IRAQ", Metric.MISSIONS, 137).state("a", h1, "SYRIA", Metric.MISSIONS, 59)
        .state("a", h1, "IRAQ", Metric.KILLED, 30).state("a", h1, "SYRIA", Metric.KILLED, 14)
        .state("a", h1, "IRAQ", Metric.DETAINED, 74) // Syria's detained is missing
        .state("b", q1, "IRAQ", Metric.KILLED, 0).state("b", q1, "SYRIA", Metric.KILLED, 0)
        .state("c", h1, "ALL", Metric.CLAIMED_ATTACKS, 153);
    assertRows("SELECT * FROM VALUES"
            + " ('2024-Q1', 'IRAQ', NULL, NULL, 0L, NULL, NULL, NULL, NULL),"
            + " ('2024-Q1', 'SYRIA', NULL, NULL, 0L, NULL, NULL, NULL, NULL),"
            + " ('2024-H1', 'IRAQ', 137L, 0.698980, 30L, 0.681818, NULL, NULL, NULL),"
            + " ('2024-H1', 'SYRIA', 59L, 0.301020, 14L, 0.318182, NULL, NULL, NULL),"
            + " ('2024-Q2', 'IRAQ', NULL, NULL, 30L, 0.681818, NULL, NULL, NULL)," // H1 - Q1
            + " ('2024-Q2', 'SYRIA', NULL, NULL, 14L, 0.318182, NULL, NULL, NULL)"
            + " AS t(period_label, theater, missions, missions_share, killed, killed_share, detained,"
            + " detained_share, claimed_attacks_share)",
        table(TheaterSplit.build(figures()), TheaterSplit.SCHEMA));
  }

  @Test
  void theaterSplitOfAttacksUsesTheAttackTablesTheaters() {
    Period h1 = Period.half(2024, 1);
    state("a", h1, "IRAQ", Metric.CLAIMED_ATTACKS, 100).state("a", h1, "SYRIA", Metric.CLAIMED_ATTACKS, 53)
        .state("a", h1, "IRAQ", Metric.MISSIONS, 137).state("a", h1, "SYRIA", Metric.MISSIONS, 59)
        .state("a", h1, "LIBYA", Metric.MISSIONS, 1);
    assertRows("SELECT * FROM VALUES"
            + " ('IRAQ', 137L, 0.695431, 100L, 0.653595), ('LIBYA', 1L, 0.005076, NULL, NULL),"
            + " ('SYRIA', 59L, 0.299492, 53L, 0.346405)"
            + " AS t(theater, missions, missions_share, claimed_attacks, claimed_attacks_share)",
        table(TheaterSplit.build(figures()), TheaterSplit.SCHEMA));
  }

  @Test
  void attackTrendsAgainstThePreviousYearInLeapAndCommonYears() {
    state("a", Period.year(2023), "ALL", Metric.CLAIMED_ATTACKS, 100)
        .state("a", Period.of("2023-01-01", "2023-02-28"), "ALL", Metric.CLAIMED_ATTACKS, 20)
        .state("a", Period.of("2024-01-01", "2024-02-29"), "ALL", Metric.CLAIMED_ATTACKS, 30)
        .state("a", Period.year(2024), "ALL", Metric.CLAIMED_ATTACKS, 200)
        .state("a", Period.of("2025-01-01", "2025-02-28"), "ALL", Metric.CLAIMED_ATTACKS, 40)
        .state("a", Period.of("2023-12-01", "2024-01-31"), "ALL", Metric.CLAIMED_ATTACKS, 10);
    Dataset<Row> trends = table(AttackTrends.build(figures()), AttackTrends.SCHEMA);
    assertRows("SELECT * FROM VALUES"
            + " ('2023', 365, 100L, 100.0, NULL, NULL, NULL, NULL, NULL),"
            + " ('2023-01-01/2023-02-28', 59, 20L, 123.728814, NULL, NULL, NULL, NULL, NULL),"
            + " ('2023-12-01/2024-01-31', 62, 10L, NULL, NULL, NULL, NULL, NULL, NULL),"
            + " ('2024-01-01/2024-02-29', 60, 30L, 183.0, 100L, 1.83, 0.3, 20L, 1.5),"
            + " ('2024', 366, 200L, 200.0, 100L, 2.0, 2.0, 100L, 2.0),"
            + " ('2025-01-01/2025-02-28', 59, 40L, 247.457627, 200L, 1.237288, 0.2, 30L, 1.333333)"
            + " AS t(period_label, days, claimed_attacks, annualized_attacks, prior_year_attacks,"
            + " annualized_multiple, to_date_multiple, same_period_prior_year_attacks, same_period_multiple)",
        trends);
  }

  @Test
  void toDateMultipleOnlyForPeriodsStartingOnTheFirstOfJanuary() {
    state("a", Period.year(2023), "ALL", Metric.CLAIMED_ATTACKS, 121)
        .state("a", Period.quarter(2024, 2), "ALL", Metric.CLAIMED_ATTACKS, 80);
    assertRows("SELECT * FROM VALUES ('2024-Q2', 121L, 321.758242, 2.659159, NULL, 26.373626)"
            + " AS t(period_label, prior_year_attacks, annualized_attacks, annualized_multiple, to_date_multiple,"
            + " attacks_per_30_days)",
        table(AttackTrends.build(figures()), AttackTrends.SCHEMA).filter(col("period_label").equalTo("2024-Q2")));
  }

  @Test
  void contextSeriesRanksReportsAndMeasuresTheChangeSinceThePreviousObservation() {
    java.time.LocalDate march = java.time.LocalDate.parse("2024-03-31");
    java.time.LocalDate july = java.time.LocalDate.parse("2024-07-16");
    java.util.Map<String, org.campaignmetrics.model.Report> reports = java.util.Map.of(
        "official", new org.campaignmetrics.model.Report("official", "official", july, null),
        "outlet", new org.campaignmetrics.model.Report("outlet", "media", july.plusDays(4), null));
    List<ContextObservation> observations = List.of(
        new ContextObservation("outlet", july, "SYRIA", "fighters_at_large", 2500L, Qualifier.EXACT, "media says"),
        new ContextObservation("official", july, "SYRIA", "fighters_at_large", 2600L, Qualifier.EXACT, "CENTCOM says"),
        new ContextObservation("official", march, "SYRIA", "fighters_at_large", 2000L, Qualifier.APPROXIMATE, null),
        new ContextObservation("unknown", march, "IRAQ", "fighters_at_large", 1L, Qualifier.EXACT, null));
    assertRows("SELECT * FROM VALUES"
            + " (DATE'2024-03-31', 2000L, NULL, NULL, NULL, 'approximate', 'official', NULL),"
            + " (DATE'2024-07-16', 2600L, 2000L, 600L, 2048.130841, 'approximate', 'official;outlet', 'CENTCOM says')"
            + " AS t(as_of, value, previous_value, change, change_per_year, precision, sources, quote)",
        table(ContextSeries.build(observations, reports), ContextSeries.SCHEMA));
  }

  /** A wide row says how exact each count and each rate is, not only the row as a whole. */
  @Test
  void eachCountAndRateCarriesItsQualifier() {
    Period h1 = Period.half(2024, 1);
    statements.add(Statement.exact(new Report("r", "official", null, null), h1, "ALL", "missions", 95, null)
        .withQualifier(Qualifier.EXACT));
    statements.add(Statement.exact(new Report("r", "official", null, null), h1, "ALL", "killed", 30, null)
        .withQualifier(Qualifier.MORE_THAN));
    statements.add(Statement.exact(new Report("r", "official", null, null), h1, "ALL", "detained", 35, null)
        .withQualifier(Qualifier.APPROXIMATE));
    Period day = Period.of("2024-10-22", "2024-10-22");
    statements.add(Statement.exact(new Report("r", "official", null, null), day, "IRAQ", "missions", 10, null)
        .withQualifier(Qualifier.AT_LEAST));
    statements.add(Statement.exact(new Report("r", "official", null, null), day, "IRAQ", "killed", 7, null));
    // a one-day period gets no per-30-days pace; ALL of the day is IRAQ's, the table's one theater (rule 4)
    assertRows("SELECT * FROM VALUES"
            + " ('2024-H1', 'ALL', 'exact', 'more_than', 'approximate', 'more_than', 'approximate', 'approximate',"
            + "  'exact', 'more_than', 15.659341),"
            + " ('2024-10-22', 'IRAQ', 'at_least', 'exact', NULL, 'at_most', NULL, NULL, NULL, NULL, NULL),"
            + " ('2024-10-22', 'ALL', 'at_least', 'exact', NULL, 'at_most', NULL, NULL, NULL, NULL, NULL)"
            + " AS t(period_label, theater, missions_qualifier, killed_qualifier, detained_qualifier,"
            + " killed_per_mission_qualifier, detained_per_mission_qualifier, removed_per_mission_qualifier,"
            + " missions_per_30_days_qualifier, killed_per_30_days_qualifier, missions_per_30_days)",
        table(OperationsPeriods.build(figures()), OperationsPeriods.SCHEMA));
  }

  @Test
  void aChangeIsGivenOnlyWhereTheQualifiersTellIt() {
    assertEquals("exact", ContextSeries.changePrecision(Qualifier.EXACT, Qualifier.EXACT));
    assertEquals("approximate", ContextSeries.changePrecision(Qualifier.APPROXIMATE, Qualifier.EXACT));
    assertEquals("lower_bound", ContextSeries.changePrecision(Qualifier.EXACT, Qualifier.MORE_THAN));
    assertEquals("upper_bound", ContextSeries.changePrecision(Qualifier.AT_LEAST, Qualifier.EXACT));
    assertEquals("undetermined", ContextSeries.changePrecision(Qualifier.MORE_THAN, Qualifier.MORE_THAN));
    assertEquals("undetermined", ContextSeries.changePrecision(Qualifier.APPROXIMATE, Qualifier.AT_LEAST));
  }

  @Test
  void aShareIsBoundedByTheBoundsOfItsParts() {
    assertEquals("more_than", WideRows.quotientQualifier(0.5, Qualifier.MORE_THAN, Qualifier.EXACT));
    assertEquals("less_than", WideRows.quotientQualifier(0.5, Qualifier.EXACT, Qualifier.MORE_THAN));
    assertEquals("at_most", WideRows.quotientQualifier(0.5, Qualifier.EXACT, Qualifier.AT_LEAST));
    assertEquals("undetermined", WideRows.quotientQualifier(0.5, Qualifier.AT_LEAST, Qualifier.MORE_THAN));
    assertEquals("approximate", WideRows.quotientQualifier(0.5, Qualifier.AT_LEAST, Qualifier.APPROXIMATE));
    assertEquals(null, WideRows.quotientQualifier(null, Qualifier.EXACT, Qualifier.EXACT));
  }
}
