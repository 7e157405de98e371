package org.campaignmetrics.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.campaignmetrics.model.Check;
import org.campaignmetrics.model.Figure;
import org.campaignmetrics.model.Metric;
import org.campaignmetrics.model.Period;
import org.campaignmetrics.model.Qualifier;
import org.campaignmetrics.model.Report;
import org.campaignmetrics.model.Statement;
import org.junit.jupiter.api.Test;

/** Qualified figures through every rule, and the cross-checks, on conflicting fixtures. */
class QualifiersAndChecksTest {
  private static final Period H1 = Period.half(2024, 1);
  private static final Period Q1 = Period.quarter(2024, 1);
  private static final Period Q2 = Period.quarter(2024, 2);
  private final List<Statement> statements = new ArrayList<>();

  private QualifiersAndChecksTest state(String report, String type, Period period, String theater, String metric,
      long value, Qualifier qualifier) {
    statements.add(Statement.exact(new Report(report, type, LocalDate.of(2024, 7, 16), null), period, theater,
        metric, value, null).withQualifier(qualifier));
    return this;
  }

  private QualifiersAndChecksTest official(Period period, String theater, String metric, long value, Qualifier q) {
    return state("centcom", "official", period, theater, metric, value, q);
  }

  private QualifiersAndChecksTest official(Period period, String theater, String metric, long value) {
    return official(period, theater, metric, value, Qualifier.EXACT);
  }

  private Figure figure(Period period, String theater, String metric) {
    return DerivationEngine.derive(statements).figures().stream()
        .filter(f -> f.period().start().equals(period.start()) && f.period().end().equals(period.end())
            && f.theater().equals(theater) && f.metric().equals(metric))
        .findFirst().orElse(null);
  }

  private List<Check> checks() {
    return DerivationEngine.derive(statements).checks();
  }

  private Check onlyCheck() {
    List<Check> checks = checks();
    assertEquals(1, checks.size(), checks.toString());
    return checks.get(0);
  }

  // Qualifiers

  @Test
  void aSumWithAnApproximatePartIsApproximate() {
    official(Q1, "IRAQ", Metric.KILLED, 11).official(Q1, "SYRIA", Metric.KILLED, 35, Qualifier.APPROXIMATE);
    Figure all = figure(Q1, "ALL", Metric.KILLED);
    assertEquals(46, all.value());
    assertEquals("approximate", all.qualifier().code());
  }

  @Test
  void aSumOfLowerBoundsIsALowerBound() {
    official(Q1, "IRAQ", Metric.KILLED, 7, Qualifier.AT_LEAST).official(Q1, "SYRIA", Metric.KILLED, 3);
    assertEquals("at_least", figure(Q1, "ALL", Metric.KILLED).qualifier().code());
    official(Q1, "IRAQ", Metric.DETAINED, 30, Qualifier.MORE_THAN).official(Q1, "SYRIA", Metric.DETAINED, 2, Qualifier.AT_LEAST);
    assertEquals("more_than", figure(Q1, "ALL", Metric.DETAINED).qualifier().code());
  }

  @Test
  void aDifferenceWhoseSubtractedPartIsNotExactIsNotDerived() {
    official(H1, "ALL", Metric.KILLED, 44).official(Q1, "ALL", Metric.KILLED, 18, Qualifier.APPROXIMATE);
    assertNull(figure(Q2, "ALL", Metric.KILLED));
  }

  @Test
  void aDifferenceFromAnApproximateWholeIsApproximate() {
    official(H1, "ALL", Metric.KILLED, 44, Qualifier.APPROXIMATE).official(Q1, "ALL", Metric.KILLED, 18);
    Figure q2 = figure(Q2, "ALL", Metric.KILLED);
    assertEquals(26, q2.value());
    assertEquals("approximate", q2.qualifier().code());
  }

  @Test
  void leadersRemovedIsStatedOrTheSumOfKilledAndDetained() {
    Period since = Period.of("2024-08-29", "2024-11-04");
    official(since, "ALL", Metric.LEADERS_REMOVED, 30, Qualifier.MORE_THAN)
        .official(H1, "ALL", Metric.LEADERS_KILLED, 8).official(H1, "ALL", Metric.LEADERS_DETAINED, 32);
    Figure stated = figure(since, "ALL", Metric.LEADERS_REMOVED);
    assertEquals("more_than", stated.qualifier().code());
    assertEquals("reported", stated.derivation().code());
    Figure summed = figure(H1, "ALL", Metric.LEADERS_REMOVED);
    assertEquals(40, summed.value());
    assertEquals("summed", summed.derivation().code());
  }

  // Checks

  @Test
  void twoSourcesStatingDifferentValuesGiveAWarningWithTheLosersValue() {
    official(H1, "ALL", Metric.KILLED, 44).state("outlet", "media", H1, "ALL", Metric.KILLED, 45, Qualifier.EXACT);
    Check c = onlyCheck();
    assertEquals("source_conflict", c.check());
    assertEquals("warning", c.severity().code());
    assertEquals(44, c.value());
    assertEquals(45, c.comparedValue());
    assertEquals(-1, c.difference());
    assertEquals("centcom;outlet", c.sources());
  }

  @Test
  void agreeingSourcesAndAConsistentBoundGiveNoCheck() {
    official(H1, "ALL", Metric.KILLED, 44).state("outlet", "media", H1, "ALL", Metric.KILLED, 44, Qualifier.EXACT)
        .state("wire", "media", H1, "ALL", Metric.KILLED, 40, Qualifier.MORE_THAN)
        .state("blog", "media", H1, "ALL", Metric.KILLED, 50, Qualifier.APPROXIMATE);
    assertEquals(List.of(), checks());
  }

  @Test
  void aBoundThatContradictsAnExactFigureIsAnError() {
    official(H1, "ALL", Metric.KILLED, 44).state("outlet", "media", H1, "ALL", Metric.KILLED, 50, Qualifier.MORE_THAN);
    Check c = onlyCheck();
    assertEquals("bound_contradiction", c.check());
    assertEquals("error", c.severity().code());
  }

  @Test
  void theatersAddingUpToLessThanAStatedAllIsAWarningAndToMoreAnError() {
    official(H1, "ALL", Metric.MISSIONS, 200).official(H1, "IRAQ", Metric.MISSIONS, 137)
        .official(H1, "SYRIA", Metric.MISSIONS, 59);
    Check c = onlyCheck();
    assertEquals("theater_sum", c.check());
    assertEquals("warning", c.severity().code());
    assertEquals(4, c.difference());

    statements.clear();
    official(H1, "ALL", Metric.MISSIONS, 190).official(H1, "IRAQ", Metric.MISSIONS, 137)
        .official(H1, "SYRIA", Metric.MISSIONS, 59);
    assertEquals("error", onlyCheck().severity().code());
  }

  @Test
  void aStatedQuarterAgainstItsStatedMonths() {
    official(Q1, "ALL", Metric.MISSIONS, 94);
    for (int month = 1; month <= 3; month++) {
      state("monthly", "official", Period.month(2024, month), "ALL", Metric.MISSIONS, 30, Qualifier.EXACT);
    }
    Check c = onlyCheck();
    assertEquals("tiling", c.check());
    assertEquals("warning", c.severity().code());
    assertEquals(94, c.value());
    assertEquals(90, c.comparedValue());
    assertEquals("centcom;monthly", c.sources());
    assertTrue(c.message().contains("2024-01 + 2024-02 + 2024-03"), c.message());
  }

  @Test
  void aQuarterAboveItsHalfYearIsAnErrorAndItsNegativeDifferenceIsRejected() {
    official(H1, "ALL", Metric.KILLED, 10).official(Q1, "ALL", Metric.KILLED, 18);
    List<Check> checks = checks();
    assertEquals(List.of("negative_difference", "part_exceeds_whole"),
        checks.stream().map(Check::check).sorted().toList(), checks.toString());
    assertTrue(checks.stream().allMatch(c -> c.severity().code().equals("error")));
    assertNull(figure(Q2, "ALL", Metric.KILLED));
  }

  @Test
  void aTheaterAboveAllIsAnError() {
    official(H1, "ALL", Metric.KILLED, 20).official(H1, "IRAQ", Metric.KILLED, 30);
    List<Check> checks = checks();
    assertNotNull(checks.stream().filter(c -> c.check().equals("part_exceeds_whole")).findFirst().orElse(null),
        checks.toString());
  }
}
