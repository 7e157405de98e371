package org.campaignmetrics.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.campaignmetrics.Metric;
import org.campaignmetrics.Period;
import org.campaignmetrics.Qualifier;
import org.junit.jupiter.api.Test;

/** Qualified figures through every rule, and the cross-checks, on conflicting fixtures. */
class QualifiersAndChecksTest {
  private static final Period H1 = Period.half(2024, 1);
  private static final Period Q1 = Period.quarter(2024, 1);
  private static final Period Q2 = Period.quarter(2024, 2);
  private final List<Statement> statements = new ArrayList<>();

  private QualifiersAndChecksTest state(String report, String type, Period period, String theater, String metric,
      long value, Qualifier qualifier) {
    Statement s = new Statement(report, type, LocalDate.of(2024, 7, 16), period.start(), period.end(), theater,
        metric, value, null);
    s.setQualifier(qualifier.code());
    statements.add(s);
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
        .filter(f -> f.getPeriodStart().equals(period.start()) && f.getPeriodEnd().equals(period.end())
            && f.getTheater().equals(theater) && f.getMetric().equals(metric))
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
    assertEquals(46, all.getValue());
    assertEquals("approximate", all.getQualifier());
  }

  @Test
  void aSumOfLowerBoundsIsALowerBound() {
    official(Q1, "IRAQ", Metric.KILLED, 7, Qualifier.AT_LEAST).official(Q1, "SYRIA", Metric.KILLED, 3);
    assertEquals("at_least", figure(Q1, "ALL", Metric.KILLED).getQualifier());
    official(Q1, "IRAQ", Metric.DETAINED, 30, Qualifier.MORE_THAN).official(Q1, "SYRIA", Metric.DETAINED, 2, Qualifier.AT_LEAST);
    assertEquals("more_than", figure(Q1, "ALL", Metric.DETAINED).getQualifier());
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
    assertEquals(26, q2.getValue());
    assertEquals("approximate", q2.getQualifier());
  }

  @Test
  void leadersRemovedIsStatedOrTheSumOfKilledAndDetained() {
    Period since = Period.of("2024-08-29", "2024-11-04");
    official(since, "ALL", Metric.LEADERS_REMOVED, 30, Qualifier.MORE_THAN)
        .official(H1, "ALL", Metric.LEADERS_KILLED, 8).official(H1, "ALL", Metric.LEADERS_DETAINED, 32);
    Figure stated = figure(since, "ALL", Metric.LEADERS_REMOVED);
    assertEquals("more_than", stated.getQualifier());
    assertEquals("reported", stated.getDerivation());
    Figure summed = figure(H1, "ALL", Metric.LEADERS_REMOVED);
    assertEquals(40, summed.getValue());
    assertEquals("summed", summed.getDerivation());
  }

  // Checks

  @Test
  void twoSourcesStatingDifferentValuesGiveAWarningWithTheLosersValue() {
    official(H1, "ALL", Metric.KILLED, 44).state("outlet", "media", H1, "ALL", Metric.KILLED, 45, Qualifier.EXACT);
    Check c = onlyCheck();
    assertEquals("source_conflict", c.getCheck());
    assertEquals("warning", c.getSeverity());
    assertEquals(44, c.getValue());
    assertEquals(45, c.getComparedValue());
    assertEquals(-1, c.getDifference());
    assertEquals("centcom;outlet", c.getSources());
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
    assertEquals("bound_contradiction", c.getCheck());
    assertEquals("error", c.getSeverity());
  }

  @Test
  void theatersAddingUpToLessThanAStatedAllIsAWarningAndToMoreAnError() {
    official(H1, "ALL", Metric.MISSIONS, 200).official(H1, "IRAQ", Metric.MISSIONS, 137)
        .official(H1, "SYRIA", Metric.MISSIONS, 59);
    Check c = onlyCheck();
    assertEquals("theater_sum", c.getCheck());
    assertEquals("warning", c.getSeverity());
    assertEquals(4, c.getDifference());

    statements.clear();
    official(H1, "ALL", Metric.MISSIONS, 190).official(H1, "IRAQ", Metric.MISSIONS, 137)
        .official(H1, "SYRIA", Metric.MISSIONS, 59);
    assertEquals("error", onlyCheck().getSeverity());
  }

  @Test
  void aStatedQuarterAgainstItsStatedMonths() {
    official(Q1, "ALL", Metric.MISSIONS, 94);
    for (int month = 1; month <= 3; month++) {
      state("monthly", "official", Period.month(2024, month), "ALL", Metric.MISSIONS, 30, Qualifier.EXACT);
    }
    Check c = onlyCheck();
    assertEquals("tiling", c.getCheck());
    assertEquals("warning", c.getSeverity());
    assertEquals(94, c.getValue());
    assertEquals(90, c.getComparedValue());
    assertEquals("centcom;monthly", c.getSources());
    assertTrue(c.getMessage().contains("2024-01 + 2024-02 + 2024-03"), c.getMessage());
  }

  @Test
  void aQuarterAboveItsHalfYearIsAnErrorAndItsNegativeDifferenceIsRejected() {
    official(H1, "ALL", Metric.KILLED, 10).official(Q1, "ALL", Metric.KILLED, 18);
    List<Check> checks = checks();
    assertEquals(List.of("negative_difference", "part_exceeds_whole"),
        checks.stream().map(Check::getCheck).sorted().toList(), checks.toString());
    assertTrue(checks.stream().allMatch(c -> c.getSeverity().equals("error")));
    assertNull(figure(Q2, "ALL", Metric.KILLED));
  }

  @Test
  void aTheaterAboveAllIsAnError() {
    official(H1, "ALL", Metric.KILLED, 20).official(H1, "IRAQ", Metric.KILLED, 30);
    List<Check> checks = checks();
    assertNotNull(checks.stream().filter(c -> c.getCheck().equals("part_exceeds_whole")).findFirst().orElse(null),
        checks.toString());
  }
}
