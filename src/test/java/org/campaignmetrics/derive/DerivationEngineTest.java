package org.campaignmetrics.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.campaignmetrics.model.Figure;
import org.campaignmetrics.model.Metric;
import org.campaignmetrics.model.Period;
import org.campaignmetrics.model.Report;
import org.campaignmetrics.model.Statement;
import org.junit.jupiter.api.Test;

class DerivationEngineTest {
  private static final LocalDate JULY_16 = LocalDate.of(2024, 7, 16);
  private static final LocalDate JULY_17 = LocalDate.of(2024, 7, 17);
  private final List<Statement> statements = new ArrayList<>();

  private DerivationEngineTest state(String report, String sourceType, LocalDate published, Period period,
      String theater, String metric, long value) {
    statements.add(Statement.exact(new Report(report, sourceType, published, null), period, theater, metric,
        value, "quote of " + report));
    return this;
  }

  private DerivationEngineTest official(Period period, String theater, String metric, long value) {
    return state("release", "official", JULY_16, period, theater, metric, value);
  }

  private Figure find(List<Figure> figures, Period period, String theater, String metric) {
    for (Figure f : figures) {
      if (f.period().start().equals(period.start()) && f.period().end().equals(period.end())
          && f.theater().equals(theater) && f.metric().equals(metric)) {
        return f;
      }
    }
    return null;
  }

  private Figure derived(Period period, String theater, String metric) {
    Figure f = find(DerivationEngine.derive(statements).figures(), period, theater, metric);
    assertNotNull(f, "no figure for " + period + " " + theater + " " + metric);
    return f;
  }

  private void assertFigure(Period period, String theater, String metric, long value, String derivation,
      String sources) {
    Figure f = derived(period, theater, metric);
    assertEquals(value, f.value(), f.toString());
    assertEquals(derivation, f.derivation().code(), f.toString());
    assertEquals(sources, f.sources(), f.toString());
  }

  private void assertAbsent(Period period, String theater, String metric) {
    Figure f = find(DerivationEngine.derive(statements).figures(), period, theater, metric);
    assertNull(f, () -> "expected no figure but got " + f);
  }

  // Rule 3

  @Test
  void officialBeatsMediaAndEveryStatingReportIsASource() {
    Period h1 = Period.half(2024, 1);
    state("outlet", "media", JULY_17, h1, "ALL", Metric.KILLED, 45);
    state("centcom", "official", JULY_16, h1, "ALL", Metric.KILLED, 44);
    assertFigure(h1, "ALL", Metric.KILLED, 44, "reported", "centcom;outlet");
    assertEquals("quote of centcom", derived(h1, "ALL", Metric.KILLED).quote());
  }

  @Test
  void theLatestPublicationWinsAndAnUndatedSourceComesLast() {
    Period q1 = Period.quarter(2024, 1);
    state("undated", "media", null, q1, "ALL", Metric.MISSIONS, 90);
    state("early", "media", JULY_16, q1, "ALL", Metric.MISSIONS, 93);
    state("late", "media", JULY_17, q1, "ALL", Metric.MISSIONS, 94);
    assertFigure(q1, "ALL", Metric.MISSIONS, 94, "reported", "early;late;undated");
    statements.removeIf(s -> s.reportId().equals("late"));
    assertFigure(q1, "ALL", Metric.MISSIONS, 93, "reported", "early;undated");
  }

  @Test
  void betweenUndatedSourcesTheReportIdDecides() {
    Period q1 = Period.quarter(2024, 1);
    state("b-outlet", "media", null, q1, "ALL", Metric.MISSIONS, 95);
    state("a-outlet", "media", null, q1, "ALL", Metric.MISSIONS, 94);
    assertFigure(q1, "ALL", Metric.MISSIONS, 94, "reported", "a-outlet;b-outlet");
  }

  // Rule 4

  @Test
  void allIsTheSumOfTheTheatersWhenEveryTheaterIsKnown() {
    Period q1 = Period.quarter(2024, 1);
    official(q1, "IRAQ", Metric.MISSIONS, 66).official(q1, "SYRIA", Metric.MISSIONS, 28);
    assertFigure(q1, "ALL", Metric.MISSIONS, 94, "summed", "release");
  }

  @Test
  void aTheaterMissingAMetricLeavesAllUnknownForThatMetricOnly() {
    Period q1 = Period.quarter(2024, 1);
    official(q1, "IRAQ", Metric.MISSIONS, 66).official(q1, "IRAQ", Metric.KILLED, 11)
        .official(q1, "SYRIA", Metric.MISSIONS, 28);
    assertFigure(q1, "ALL", Metric.MISSIONS, 94, "summed", "release");
    assertAbsent(q1, "ALL", Metric.KILLED);
  }

  @Test
  void aStatedAllIsNeverReplacedBySumOfTheaters() {
    Period q1 = Period.quarter(2024, 1);
    official(q1, "IRAQ", Metric.MISSIONS, 66).official(q1, "SYRIA", Metric.MISSIONS, 28)
        .official(q1, "ALL", Metric.MISSIONS, 100);
    assertFigure(q1, "ALL", Metric.MISSIONS, 100, "reported", "release");
  }

  @Test
  void everyTheaterOfTheTableCountsEvenIfAnotherPeriodNamesIt() {
    Period q1 = Period.quarter(2024, 1);
    Period q2 = Period.quarter(2024, 2);
    official(q1, "IRAQ", Metric.MISSIONS, 66).official(q1, "SYRIA", Metric.MISSIONS, 28)
        .official(q2, "IRAQ", Metric.MISSIONS, 70);
    assertAbsent(q2, "ALL", Metric.MISSIONS);
  }

  // Rule 5: sums

  /**
   * Rule 4 walks the periods of the theater with the fewest figures: here IRAQ, whose one quarter
   * SYRIA (with more periods) lacks. ALL must stay unknown, not become IRAQ alone; in the other cases
   * the theater missing the figure is always the least-known one, so a rule that summed whichever
   * theaters are known would pass them.
   */
  @Test
  void allStaysUnknownWhenATheaterWithMorePeriodsLacksThePeriod() {
    Period q1 = Period.quarter(2023, 1);
    official(q1, "IRAQ", Metric.MISSIONS, 66)
        .official(Period.quarter(2023, 3), "SYRIA", Metric.MISSIONS, 28)
        .official(Period.quarter(2023, 4), "SYRIA", Metric.MISSIONS, 30);
    assertAbsent(q1, "ALL", Metric.MISSIONS);
    assertFigure(Period.half(2023, 2), "SYRIA", Metric.MISSIONS, 58, "summed", "release");
    assertAbsent(Period.half(2023, 2), "ALL", Metric.MISSIONS);
  }

  @Test
  void aMonthlySeriesSumsToQuartersHalvesAndTheYear() {
    for (int month = 1; month <= 12; month++) {
      state("monthly-" + month, "official", JULY_16, Period.month(2024, month), "ALL", Metric.MISSIONS, month);
    }
    assertFigure(Period.quarter(2024, 1), "ALL", Metric.MISSIONS, 6, "summed", "monthly-1;monthly-2;monthly-3");
    assertEquals(33, derived(Period.quarter(2024, 4), "ALL", Metric.MISSIONS).value());
    assertEquals(21, derived(Period.half(2024, 1), "ALL", Metric.MISSIONS).value());
    assertEquals(57, derived(Period.half(2024, 2), "ALL", Metric.MISSIONS).value());
    Figure year = derived(Period.year(2024), "ALL", Metric.MISSIONS);
    assertEquals(78, year.value());
    assertEquals("summed", year.derivation().code());
    assertEquals(12, year.sources().split(";").length);
  }

  @Test
  void aGapInTheMonthsLeavesTheQuarterUnknown() {
    official(Period.month(2024, 1), "ALL", Metric.KILLED, 5).official(Period.month(2024, 3), "ALL", Metric.KILLED, 7);
    assertAbsent(Period.quarter(2024, 1), "ALL", Metric.KILLED);
  }

  // Rule 5: differences

  @Test
  void theSecondQuarterIsTheHalfMinusTheFirstQuarter() {
    state("centcom", "official", JULY_16, Period.half(2024, 1), "ALL", Metric.MISSIONS, 196);
    state("outlet", "media", null, Period.quarter(2024, 1), "ALL", Metric.MISSIONS, 94);
    assertFigure(Period.quarter(2024, 2), "ALL", Metric.MISSIONS, 102, "difference", "centcom;outlet");
  }

  @Test
  void theSecondHalfIsTheYearMinusTheFirstHalfAndDifferencesChain() {
    official(Period.year(2023), "ALL", Metric.CLAIMED_ATTACKS, 121)
        .official(Period.half(2023, 1), "ALL", Metric.CLAIMED_ATTACKS, 50)
        .official(Period.quarter(2023, 3), "ALL", Metric.CLAIMED_ATTACKS, 30);
    assertFigure(Period.half(2023, 2), "ALL", Metric.CLAIMED_ATTACKS, 71, "difference", "release");
    assertFigure(Period.quarter(2023, 4), "ALL", Metric.CLAIMED_ATTACKS, 41, "difference", "release");
  }

  @Test
  void aNegativeDifferenceIsNotUsed() {
    official(Period.half(2024, 1), "ALL", Metric.KILLED, 10).official(Period.quarter(2024, 1), "ALL", Metric.KILLED, 18);
    assertAbsent(Period.quarter(2024, 2), "ALL", Metric.KILLED);
  }

  @Test
  void aSumBeatsADifference() {
    // April to June sum to 60; H1 - Q1 would say 102.
    official(Period.half(2024, 1), "ALL", Metric.MISSIONS, 196).official(Period.quarter(2024, 1), "ALL", Metric.MISSIONS, 94);
    for (int month = 4; month <= 6; month++) {
      official(Period.month(2024, month), "ALL", Metric.MISSIONS, 20);
    }
    assertFigure(Period.quarter(2024, 2), "ALL", Metric.MISSIONS, 60, "summed", "release");
  }

  @Test
  void statedBeatsDerived() {
    official(Period.half(2024, 1), "ALL", Metric.MISSIONS, 196).official(Period.quarter(2024, 1), "ALL", Metric.MISSIONS, 94)
        .official(Period.quarter(2024, 2), "ALL", Metric.MISSIONS, 101);
    assertFigure(Period.quarter(2024, 2), "ALL", Metric.MISSIONS, 101, "reported", "release");
  }

  @Test
  void aCustomPeriodDoesNotFillTheMonthsInsideIt() {
    official(Period.of("2024-08-29", "2024-11-04"), "ALL", Metric.MISSIONS, 95);
    List<Figure> figures = DerivationEngine.derive(statements).figures();
    assertEquals(1, figures.size(), figures.toString());
  }

  @Test
  void theatersDerivedByDifferenceAddUpToAnAllThatWasNeverStated() {
    Period h1 = Period.half(2024, 1);
    Period q1 = Period.quarter(2024, 1);
    official(h1, "IRAQ", Metric.DETAINED, 74).official(h1, "SYRIA", Metric.DETAINED, 92)
        .official(q1, "IRAQ", Metric.DETAINED, 36).official(q1, "SYRIA", Metric.DETAINED, 27);
    assertFigure(Period.quarter(2024, 2), "IRAQ", Metric.DETAINED, 38, "difference", "release");
    assertFigure(h1, "ALL", Metric.DETAINED, 166, "summed", "release");
    // ALL H1 and ALL Q1 are sums of theaters, so ALL Q2 comes in the same round as the theaters' Q2.
    assertFigure(Period.quarter(2024, 2), "ALL", Metric.DETAINED, 103, "difference", "release");
  }

  @Test
  void figuresCarryTheirLabelAndGrain() {
    official(Period.half(2024, 1), "ALL", Metric.KILLED, 44);
    Figure f = derived(Period.half(2024, 1), "ALL", Metric.KILLED);
    assertEquals("2024-H1", f.period().label());
    assertEquals("half", f.period().grain().code());
    assertEquals("operations", f.table().code());
  }
}
