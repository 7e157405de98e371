package org.campaignmetrics.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.campaignmetrics.model.Check;
import org.campaignmetrics.model.Claim;
import org.campaignmetrics.model.Claim.Basis;
import org.campaignmetrics.model.Claim.Comparison;
import org.campaignmetrics.model.ClaimVerdict;
import org.campaignmetrics.model.ContextObservation;
import org.campaignmetrics.model.Metric;
import org.campaignmetrics.model.Period;
import org.campaignmetrics.model.Qualifier;
import org.campaignmetrics.model.Report;
import org.campaignmetrics.model.Statement;
import org.junit.jupiter.api.Test;

/** Claims against small sets of figures: every operator, comparison, basis and qualifier, and what is missing. */
class ClaimChecksTest {
  private static final Report A = new Report("a", "official", LocalDate.parse("2024-07-16"), null);
  private static final Report B = new Report("b", "media", null, null);
  private static final Period H1_2024 = Period.half(2024, 1);
  private static final Period YEAR_2023 = Period.year(2023);

  private final List<Statement> statements = new ArrayList<>();
  private final List<ContextObservation> context = new ArrayList<>();

  private ClaimChecksTest state(Report report, Period period, String theater, String metric, long value,
      Qualifier qualifier) {
    statements.add(new Statement(org.campaignmetrics.model.FigureTable.of(metric), report, period, theater, metric,
        value, qualifier, null, org.campaignmetrics.model.Derivation.REPORTED));
    return this;
  }

  private ClaimChecksTest state(Period period, String metric, long value) {
    return state(A, period, "ALL", metric, value, Qualifier.EXACT);
  }

  /** 2024-H1 claimed attacks (qualified) against 2023's. */
  private ClaimChecksTest attacks(long h1, Qualifier h1Qualifier, long year, Qualifier yearQualifier) {
    state(A, H1_2024, "ALL", Metric.CLAIMED_ATTACKS, h1, h1Qualifier);
    return state(A, YEAR_2023, "ALL", Metric.CLAIMED_ATTACKS, year, yearQualifier);
  }

  private static Claim claim(String metric, String theater, Period period, Basis basis, Period baseline,
      String baselineTheater, Comparison comparison, String operator, double threshold, Double tolerance) {
    return new Claim("c1", "a", "a sentence", metric, theater, period, basis, baseline, baselineTheater, comparison,
        Claim.Operator.fromSymbol(operator), threshold, tolerance);
  }

  /** H1 2024 attacks against 2023, as a total. */
  private static Claim attacksClaim(Comparison comparison, String operator, double threshold) {
    return claim(Metric.CLAIMED_ATTACKS, "ALL", H1_2024, Basis.TOTAL, YEAR_2023, "ALL", comparison, operator,
        threshold, null);
  }

  private ClaimChecks.Result check(Claim... claims) {
    return ClaimChecks.evaluate(List.of(claims), DerivationEngine.derive(statements).figures(), context,
        Map.of("a", A, "b", B));
  }

  private ClaimVerdict verdict(Claim claim) {
    return check(claim).verdicts().get(0);
  }

  private String verdictOf(Claim claim) {
    return verdict(claim).verdict().code();
  }

  @Test
  void everyOperatorOnAnExactRatio() {
    attacks(242, Qualifier.EXACT, 121, Qualifier.EXACT); // exactly 2
    String[][] cases = {
        {">", "2", "contradicted"}, {">=", "2", "supported"}, {"<", "2", "contradicted"}, {"<=", "2", "supported"},
        {"=", "2", "supported"}, {"~", "2", "supported"}, {">", "1.9", "supported"}, {"<", "2.1", "supported"},
        {"=", "2.01", "contradicted"}, {"~", "2.1", "supported"}, {"~", "2.2", "contradicted"},
        {">=", "2.0000001", "contradicted"}, {"<=", "1.9999999", "contradicted"}};
    for (String[] c : cases) {
      assertEquals(c[2], verdictOf(attacksClaim(Comparison.RATIO, c[0], Double.parseDouble(c[1]))),
          "242 / 121 " + c[0] + " " + c[1]);
    }
    // = with a tolerance, ~ with a narrower one
    assertEquals("supported", verdictOf(claim(Metric.CLAIMED_ATTACKS, "ALL", H1_2024, Basis.TOTAL, YEAR_2023, "ALL",
        Comparison.RATIO, "=", 2.01, 0.01)));
    assertEquals("contradicted", verdictOf(claim(Metric.CLAIMED_ATTACKS, "ALL", H1_2024, Basis.TOTAL, YEAR_2023,
        "ALL", Comparison.RATIO, "~", 2.1, 0.01)));
    assertEquals("242 claimed attacks in 2024-H1 against 121 in 2023: 2 times, about 2.1 (within 5%)",
        verdict(attacksClaim(Comparison.RATIO, "~", 2.1)).reason());
  }

  @Test
  void eachComparison() {
    attacks(242, Qualifier.EXACT, 121, Qualifier.EXACT);
    ClaimVerdict ratio = verdict(attacksClaim(Comparison.RATIO, ">=", 2));
    assertEquals(2.0, ratio.observed());
    ClaimVerdict difference = verdict(attacksClaim(Comparison.DIFFERENCE, ">", 100));
    assertEquals("supported", difference.verdict().code());
    assertEquals(121.0, difference.observed());
    assertEquals("242 claimed attacks in 2024-H1 against 121 in 2023: a difference of 121, more than 100",
        difference.reason());
    ClaimVerdict value = verdict(claim(Metric.CLAIMED_ATTACKS, "ALL", H1_2024, Basis.TOTAL, null, null,
        Comparison.VALUE, ">", 240, null));
    assertEquals("supported", value.verdict().code());
    assertEquals(242.0, value.observed());
    assertNull(value.baselineValue());
    assertEquals("242 claimed attacks in 2024-H1: more than 240", value.reason());
    assertEquals("contradicted", verdictOf(attacksClaim(Comparison.DIFFERENCE, "<", 0)));
  }

  @Test
  void annualisedCountsTheDaysOfALeapAndOfACommonYear() {
    // 182 days of 2024 (a leap year) annualise x 366/182; 181 days of 2023 x 365/181
    state(H1_2024, Metric.CLAIMED_ATTACKS, 182).state(Period.half(2023, 1), Metric.CLAIMED_ATTACKS, 181)
        .state(YEAR_2023, Metric.CLAIMED_ATTACKS, 366).state(Period.year(2022), Metric.CLAIMED_ATTACKS, 365);
    ClaimVerdict leap = verdict(claim(Metric.CLAIMED_ATTACKS, "ALL", H1_2024, Basis.ANNUALISED, YEAR_2023, "ALL",
        Comparison.RATIO, "=", 1, null));
    assertEquals("supported", leap.verdict().code(), leap.reason());
    assertEquals("182 x 366/182 = 366 claimed attacks a year (in 2024-H1) against 366 in 2023: 1 times, equal to 1",
        leap.reason());
    ClaimVerdict common = verdict(claim(Metric.CLAIMED_ATTACKS, "ALL", Period.half(2023, 1), Basis.ANNUALISED,
        Period.year(2022), "ALL", Comparison.RATIO, "=", 1, null));
    assertEquals("supported", common.verdict().code(), common.reason());
    assertEquals(1.0, common.observed());
    // annualised by 365 days, 2024-H1 would be 365, not 366
    assertEquals("contradicted", verdictOf(claim(Metric.CLAIMED_ATTACKS, "ALL", H1_2024, Basis.ANNUALISED, null,
        null, Comparison.VALUE, "=", 365, null)));
    // a baseline that is not a whole year is annualised too: 2023-H1 x 365/181 = 365
    ClaimVerdict halves = verdict(claim(Metric.CLAIMED_ATTACKS, "ALL", H1_2024, Basis.ANNUALISED,
        Period.half(2023, 1), "ALL", Comparison.DIFFERENCE, "=", 1, null));
    assertEquals("supported", halves.verdict().code(), halves.reason());
    assertEquals("182 x 366/182 = 366 claimed attacks a year (in 2024-H1) against 181 x 365/181 = 365 a year "
        + "(in 2023-H1): a difference of 1, equal to 1", halves.reason());
  }

  @Test
  void thePace153AttacksSetInTheFirstHalfOf2024() {
    attacks(153, Qualifier.EXACT, 121, Qualifier.EXACT);
    ClaimVerdict pace = verdict(claim(Metric.CLAIMED_ATTACKS, "ALL", H1_2024, Basis.ANNUALISED, YEAR_2023, "ALL",
        Comparison.RATIO, ">", 2, null));
    assertEquals("supported", pace.verdict().code());
    assertEquals(153.0 * 366 / 182 / 121, pace.observed(), 1e-12);
    assertEquals("153 x 366/182 = 307.7 claimed attacks a year (in 2024-H1) against 121 in 2023: 2.54 times, "
        + "more than 2", pace.reason());
    assertEquals("contradicted", verdictOf(attacksClaim(Comparison.RATIO, ">", 2)));
  }

  @Test
  void per30DaysAppliesToBothSides() {
    state(Period.quarter(2024, 1), Metric.MISSIONS, 91).state(Period.quarter(2023, 1), Metric.MISSIONS, 60);
    ClaimVerdict rate = verdict(claim(Metric.MISSIONS, "ALL", Period.quarter(2024, 1), Basis.PER_30_DAYS,
        Period.quarter(2023, 1), "ALL", Comparison.RATIO, "=", 1.5, null));
    assertEquals("supported", rate.verdict().code(), rate.reason());
    assertEquals(1.5, rate.observed());
    assertEquals("91 x 30/91 = 30 missions per 30 days (in 2024-Q1) against 60 x 30/90 = 20 per 30 days "
        + "(in 2023-Q1): 1.5 times, equal to 1.5", rate.reason());
  }

  @Test
  void qualifiersAreIntervals() {
    // a lower bound supports "more than" but never contradicts it
    attacks(200, Qualifier.MORE_THAN, 100, Qualifier.EXACT);
    assertEquals("supported", verdictOf(attacksClaim(Comparison.RATIO, ">", 2)));
    assertEquals("contradicted", verdictOf(attacksClaim(Comparison.RATIO, "<", 2)));
    assertEquals("undetermined", verdictOf(attacksClaim(Comparison.RATIO, ">", 3)));
    ClaimVerdict bound = verdict(attacksClaim(Comparison.RATIO, ">", 3));
    assertEquals(">200 claimed attacks in 2024-H1 against 100 in 2023: 2 times as stated, more than 2 with the "
        + "qualifiers, cannot tell whether more than 3", bound.reason());
    assertEquals("more_than", bound.claimedQualifier().code());
  }

  @Test
  void atLeastIncludesItsBound() {
    attacks(200, Qualifier.AT_LEAST, 100, Qualifier.EXACT);
    assertEquals("undetermined", verdictOf(attacksClaim(Comparison.RATIO, ">", 2)));
    assertEquals("supported", verdictOf(attacksClaim(Comparison.RATIO, ">=", 2)));
    assertEquals("contradicted", verdictOf(attacksClaim(Comparison.RATIO, "<", 2)));
    assertEquals("undetermined", verdictOf(attacksClaim(Comparison.RATIO, "<=", 2)));
  }

  @Test
  void aLowerBoundBaselineLeavesTheRatioOpenBelow() {
    attacks(300, Qualifier.EXACT, 100, Qualifier.MORE_THAN); // ratio in (0, 3)
    assertEquals("undetermined", verdictOf(attacksClaim(Comparison.RATIO, ">", 2)));
    assertEquals("supported", verdictOf(attacksClaim(Comparison.RATIO, "<", 3)));
    assertEquals("contradicted", verdictOf(attacksClaim(Comparison.RATIO, ">=", 3)));
    // an exact figure below a lower bound is a fall
    assertEquals("undetermined", verdictOf(attacksClaim(Comparison.DIFFERENCE, "<", 0)));
    assertEquals("supported", verdictOf(attacksClaim(Comparison.DIFFERENCE, "<", 200)));
  }

  @Test
  void approximateFiguresWidenByTheTolerance() {
    attacks(300, Qualifier.APPROXIMATE, 100, Qualifier.EXACT); // 2.85 to 3.15 at 5%
    assertEquals("supported", verdictOf(attacksClaim(Comparison.RATIO, ">", 2.8)));
    assertEquals("undetermined", verdictOf(attacksClaim(Comparison.RATIO, ">", 2.9)));
    assertEquals("contradicted", verdictOf(attacksClaim(Comparison.RATIO, ">", 3.15)));
    // a tolerance of 10% widens it to 2.7 to 3.3
    assertEquals("undetermined", verdictOf(claim(Metric.CLAIMED_ATTACKS, "ALL", H1_2024, Basis.TOTAL, YEAR_2023,
        "ALL", Comparison.RATIO, ">", 2.8, 0.1)));
    // "about 3" allows 2.85 to 3.15 too: every value the figures allow
    ClaimVerdict about = verdict(attacksClaim(Comparison.RATIO, "~", 3));
    assertEquals("supported", about.verdict().code());
    assertEquals("~300 claimed attacks in 2024-H1 against 100 in 2023: 3 times as stated, between 2.85 and 3.15 "
        + "with the qualifiers, about 3 (within 5%)", about.reason());
  }

  @Test
  void twoApproximateFigures() {
    attacks(300, Qualifier.APPROXIMATE, 100, Qualifier.APPROXIMATE); // 285/105 = 2.71 to 315/95 = 3.32
    assertEquals("supported", verdictOf(attacksClaim(Comparison.RATIO, ">", 2.7)));
    assertEquals("undetermined", verdictOf(attacksClaim(Comparison.RATIO, ">", 3)));
    assertEquals("contradicted", verdictOf(attacksClaim(Comparison.RATIO, ">", 3.4)));
  }

  @Test
  void twoLowerBoundsCannotShowAFall() {
    attacks(43000, Qualifier.MORE_THAN, 70000, Qualifier.MORE_THAN);
    ClaimVerdict fall = verdict(attacksClaim(Comparison.DIFFERENCE, "<", 0));
    assertEquals("undetermined", fall.verdict().code());
    assertEquals(-27000.0, fall.observed());
    assertEquals("undetermined", verdictOf(attacksClaim(Comparison.RATIO, "<", 1)));
    assertEquals("undetermined", verdictOf(attacksClaim(Comparison.DIFFERENCE, ">", 0)));
  }

  @Test
  void aMissingFigureIsNamed() {
    state(H1_2024, Metric.CLAIMED_ATTACKS, 153);
    ClaimVerdict missing = verdict(attacksClaim(Comparison.RATIO, ">", 2));
    assertEquals("undetermined", missing.verdict().code());
    assertNull(missing.observed());
    assertEquals(153L, missing.claimedValue());
    assertNull(missing.baselineValue());
    assertEquals("no figure for 2023 ALL claimed_attacks: the job has none, so the claim cannot be checked",
        missing.reason());
    ClaimVerdict both = verdict(claim(Metric.KILLED, "IRAQ", H1_2024, Basis.TOTAL, YEAR_2023, "IRAQ",
        Comparison.RATIO, ">", 2, null));
    assertEquals("no figure for 2024-H1 IRAQ killed nor for 2023 IRAQ killed: the job has none, so the claim "
        + "cannot be checked", both.reason());
    assertEquals(List.of(), check(attacksClaim(Comparison.RATIO, ">", 2)).checks());
    ClaimVerdict noBaseline = verdict(claim(Metric.CLAIMED_ATTACKS, "ALL", H1_2024, Basis.TOTAL, null, null,
        Comparison.RATIO, ">", 2, null));
    assertEquals("no figure for the baseline (none given): the job has none, so the claim cannot be checked",
        noBaseline.reason());
  }

  @Test
  void aBaselineFromAnotherTheater() {
    state(A, H1_2024, "IRAQ", Metric.KILLED, 30, Qualifier.EXACT).state(A, H1_2024, "SYRIA", Metric.KILLED, 14,
        Qualifier.EXACT);
    ClaimVerdict twice = verdict(claim(Metric.KILLED, "IRAQ", H1_2024, Basis.TOTAL, H1_2024, "SYRIA",
        Comparison.RATIO, ">", 2, null));
    assertEquals("supported", twice.verdict().code());
    assertEquals(14L, twice.baselineValue());
    assertEquals("30 killed in 2024-H1 in IRAQ against 14 in 2024-H1 in SYRIA: 2.14 times, more than 2",
        twice.reason());
  }

  @Test
  void aClaimOnADerivedFigure() {
    // Q2 = H1 - Q1 = 196 - 94 = 102 missions, by difference from two reports
    state(A, H1_2024, "ALL", Metric.MISSIONS, 196, Qualifier.EXACT)
        .state(B, Period.quarter(2024, 1), "ALL", Metric.MISSIONS, 94, Qualifier.EXACT);
    ClaimVerdict q2 = verdict(claim(Metric.MISSIONS, "ALL", Period.quarter(2024, 2), Basis.TOTAL,
        Period.quarter(2024, 1), "ALL", Comparison.DIFFERENCE, "=", 8, null));
    assertEquals("supported", q2.verdict().code(), q2.reason());
    assertEquals(102L, q2.claimedValue());
    assertEquals("a;b", q2.claimedSources());
    assertEquals("b", q2.baselineSources());
  }

  @Test
  void aContradictedClaimIsAWarningInChecks() {
    attacks(153, Qualifier.EXACT, 121, Qualifier.EXACT);
    ClaimChecks.Result result = check(attacksClaim(Comparison.RATIO, ">", 2),
        new Claim("c2", "b", "s", Metric.CLAIMED_ATTACKS, "ALL", H1_2024, Basis.ANNUALISED, YEAR_2023, "ALL",
            Comparison.RATIO, Claim.Operator.MORE_THAN, 2, null));
    assertEquals(List.of("contradicted", "supported"),
        result.verdicts().stream().map(v -> v.verdict().code()).toList());
    assertEquals(1, result.checks().size());
    Check check = result.checks().get(0);
    assertEquals(ClaimChecks.CHECK, check.check());
    assertEquals(Check.Severity.WARNING, check.severity());
    assertEquals(H1_2024, check.period());
    assertEquals(153, check.value());
    assertEquals(121, check.comparedValue());
    assertEquals("claim c1: 2024-H1 ALL claimed_attacks = 153 (reported: a) | 2023 ALL claimed_attacks = 121 "
        + "(reported: a)", check.figures());
    assertTrue(check.message().startsWith("claim c1 of a is contradicted by the figures: 153 claimed attacks"),
        check.message());
  }

  @Test
  void contextMetricsAreObservedAtADate() {
    LocalDate july = LocalDate.parse("2024-07-16");
    Period day = new Period(july, july);
    context.add(new ContextObservation("a", july, "ALL", "fighters_at_large", 2500L, Qualifier.APPROXIMATE, "q"));
    context.add(new ContextObservation("b", july, "ALL", "fighters_at_large", 2400L, Qualifier.APPROXIMATE, "q"));
    ClaimVerdict about = verdict(claim("fighters_at_large", "ALL", day, Basis.TOTAL, null, null, Comparison.VALUE,
        "~", 2500, null));
    assertEquals("supported", about.verdict().code(), about.reason());
    assertEquals(2500L, about.claimedValue()); // the official release wins, as in context_series
    assertEquals("a;b", about.claimedSources());
    assertEquals("undetermined", verdictOf(claim("fighters_at_large", "ALL", day, Basis.TOTAL, null, null,
        Comparison.VALUE, ">", 2500, null)));
    ClaimVerdict paced = verdict(claim("fighters_at_large", "ALL", day, Basis.ANNUALISED, null, null,
        Comparison.VALUE, ">", 2000, null));
    assertEquals("undetermined", paced.verdict().code());
    assertTrue(paced.reason().contains("no annualised basis"), paced.reason());
    ClaimVerdict period = verdict(claim("fighters_at_large", "ALL", H1_2024, Basis.TOTAL, null, null,
        Comparison.VALUE, ">", 2000, null));
    assertTrue(period.reason().startsWith("no figure for 2024-H1 ALL fighters_at_large"), period.reason());
    assertTrue(period.reason().contains("observed at a date"), period.reason());
  }

  @Test
  void noRatioToZero() {
    attacks(10, Qualifier.EXACT, 0, Qualifier.EXACT);
    ClaimVerdict zero = verdict(attacksClaim(Comparison.RATIO, ">", 2));
    assertEquals("undetermined", zero.verdict().code());
    assertNull(zero.observed());
    assertEquals("10 claimed attacks in 2024-H1 against 0 in 2023: no ratio to a baseline of 0", zero.reason());
  }
}
