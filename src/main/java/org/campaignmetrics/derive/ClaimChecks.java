package org.campaignmetrics.derive;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.campaignmetrics.model.Check;
import org.campaignmetrics.model.Claim;
import org.campaignmetrics.model.ClaimVerdict.Verdict;
import org.campaignmetrics.model.ClaimVerdict;
import org.campaignmetrics.model.ContextObservation;
import org.campaignmetrics.model.Figure;
import org.campaignmetrics.model.FigureTable;
import org.campaignmetrics.model.Grain;
import org.campaignmetrics.model.Period;
import org.campaignmetrics.model.Qualifier;
import org.campaignmetrics.model.Report;
import org.campaignmetrics.model.Theater;

/**
 * Every claim of claims.csv checked against what the job derived: the figures (stated, summed or by
 * difference) and, for a context metric, the context observations of its date.
 *
 * <p>A figure is an interval of the values it allows: exact 44 is [44, 44], ~35 is 35 &plusmn; the
 * claim's tolerance (5% by default), &gt;30 is (30, &infin;), &ge;7 is [7, &infin;). The basis scales
 * both sides (annualised: &times; days in that calendar year / days; per 30 days: &times; 30 / days),
 * the comparison combines them (ratio, difference, or the claimed side alone), and the operator and
 * threshold give the values that satisfy the claim. The claim is supported when every value the
 * figures allow satisfies it, contradicted when none does, undetermined otherwise: a lower bound can
 * support "more than" but never contradict it, and two lower bounds cannot show a fall. The
 * arithmetic is exact (fractions), so that 242 / 121 is 2 and not 2 more or less a rounding.
 */
public final class ClaimChecks {
  public static final String CHECK = "claim_contradicted";

  /** The verdicts, in the claims' order, and a {@link #CHECK} warning per contradicted claim. */
  public record Result(List<ClaimVerdict> verdicts, List<Check> checks) {}

  /** One side of a claim as the job has it: the figure's value, qualifier, sources, and how it is described. */
  private record Side(Period period, String theater, String metric, long value, Qualifier qualifier, String sources,
      String derivation) {
    String name() {
      return period.label() + " " + theater + " " + metric;
    }

    String describe() {
      return name() + " = " + qualifier.format(value) + " (" + derivation + ": " + sources + ")";
    }
  }

  private record FigureKey(Period period, String theater, String metric) {}

  private final Map<FigureKey, Figure> figures = new HashMap<>();
  private final Map<FigureKey, List<ContextObservation>> observations = new HashMap<>();
  private final Map<String, Report> reports;

  private ClaimChecks(List<Figure> figures, List<ContextObservation> context, Map<String, Report> reports) {
    this.reports = reports;
    figures.forEach(f -> this.figures.put(new FigureKey(f.period(), f.theater(), f.metric()), f));
    for (ContextObservation o : context) {
      if (reports.containsKey(o.reportId())) {
        observations.computeIfAbsent(new FigureKey(new Period(o.asOf(), o.asOf()), o.scope(), o.metric()),
            k -> new ArrayList<>()).add(o);
      }
    }
  }

  public static Result evaluate(List<Claim> claims, List<Figure> figures, List<ContextObservation> context,
      Map<String, Report> reports) {
    ClaimChecks checker = new ClaimChecks(figures, context, reports);
    List<ClaimVerdict> verdicts = new ArrayList<>();
    List<Check> checks = new ArrayList<>();
    for (Claim claim : claims) {
      ClaimVerdict verdict = checker.evaluate(claim);
      verdicts.add(verdict);
      if (verdict.verdict() == Verdict.CONTRADICTED) {
        checks.add(checker.contradicted(verdict));
      }
    }
    checks.sort(Check.ORDER);
    return new Result(verdicts, checks);
  }

  /** Whether a metric is a figure metric (operations, attacks) rather than a context metric (a stock at a date). */
  private static boolean isFigureMetric(String metric) {
    for (FigureTable table : FigureTable.values()) {
      if (table.metrics().contains(metric)) {
        return true;
      }
    }
    return false;
  }

  /** The figure the job stands behind for a period, theater and metric; null where it has none. */
  private Side find(Period period, String theater, String metric) {
    if (isFigureMetric(metric)) {
      Figure f = figures.get(new FigureKey(period, theater, metric));
      return f == null ? null
          : new Side(period, theater, metric, f.value(), f.qualifier(), f.sources(), f.derivation().code());
    }
    List<ContextObservation> stated = observations.get(new FigureKey(period, theater, metric));
    if (stated == null) {
      return null;
    }
    ContextStatement statement = ContextStatement.of(stated, reports); // as context_series reads it
    ContextObservation winner = statement.winner();
    if (winner.value() == null) {
      return null;
    }
    return new Side(period, theater, metric, winner.value(), winner.qualifier(),
        String.join(";", statement.sources()), "context");
  }

  private ClaimVerdict evaluate(Claim claim) {
    boolean needsBaseline = claim.comparison() != Claim.Comparison.VALUE;
    Side claimed = find(claim.period(), claim.theater(), claim.metric());
    Side baseline = claim.baseline() == null ? null : find(claim.baseline(), claim.baselineTheater(), claim.metric());
    List<String> missing = new ArrayList<>();
    if (claimed == null) {
      missing.add(figureName(claim.period(), claim.theater(), claim.metric()));
    }
    if (needsBaseline && baseline == null) {
      missing.add(claim.baseline() == null ? "the baseline (none given)"
          : figureName(claim.baseline(), claim.baselineTheater(), claim.metric()));
    }
    if (!missing.isEmpty()) {
      String reason = "no figure for " + String.join(" nor for ", missing) + ": the job has none, so the claim "
          + "cannot be checked";
      if (!isFigureMetric(claim.metric()) && (!claim.period().start().equals(claim.period().end())
          || claim.baseline() != null && !claim.baseline().start().equals(claim.baseline().end()))) {
        reason += " (" + claim.metric() + " is not a figure metric: a context metric is observed at a date, with "
            + "period_start = period_end and baseline_start = baseline_end)";
      }
      return verdict(claim, claimed, baseline, null, Verdict.UNDETERMINED, reason);
    }
    if (!isFigureMetric(claim.metric()) && claim.basis() != Claim.Basis.TOTAL) {
      return verdict(claim, claimed, baseline, null, Verdict.UNDETERMINED, claim.metric() + " is a stock observed "
          + "at a date, with no " + claim.basis().code() + " basis: a claim on it is checked as a total");
    }

    Fraction claimedFactor = factor(claim.basis(), claim.period());
    Interval claimedRange = Interval.of(claimed.value(), claimed.qualifier(), claim.approximation())
        .times(claimedFactor);
    Fraction claimedPoint = Fraction.of(claimed.value()).times(claimedFactor);
    String head = sideText(claimed, claim, claimedFactor, true);
    Interval observed;
    Fraction point;
    String measure;
    if (!needsBaseline) {
      observed = claimedRange;
      point = claimedPoint;
      measure = null;
    } else {
      Fraction baselineFactor = factor(claim.basis(), claim.baseline());
      Interval baselineRange = Interval.of(baseline.value(), baseline.qualifier(), claim.approximation())
          .times(baselineFactor);
      Fraction baselinePoint = Fraction.of(baseline.value()).times(baselineFactor);
      head += " against " + sideText(baseline, claim, baselineFactor, false);
      if (claim.comparison() == Claim.Comparison.RATIO) {
        if (baselineRange.isZero()) {
          return verdict(claim, claimed, baseline, null, Verdict.UNDETERMINED,
              head + ": no ratio to a baseline of 0");
        }
        observed = claimedRange.over(baselineRange);
        point = baselinePoint.isZero() ? null : claimedPoint.over(baselinePoint);
        measure = point == null ? "no ratio to 0 as stated" : number(point) + " times";
      } else {
        observed = claimedRange.minus(baselineRange);
        point = claimedPoint.minus(baselinePoint);
        measure = "a difference of " + number(point);
      }
    }
    Interval satisfying = Interval.satisfying(claim.operator(), Fraction.of(claim.threshold()),
        Fraction.of(claim.operatorTolerance()));
    Verdict verdict = satisfying.contains(observed) ? Verdict.SUPPORTED
        : satisfying.disjoint(observed) ? Verdict.CONTRADICTED : Verdict.UNDETERMINED;
    boolean within = claim.operatorTolerance() > 0
        && (claim.operator() == Claim.Operator.ABOUT || claim.operator() == Claim.Operator.EQUALS);
    String relation = claim.operator().words() + " " + number(Fraction.of(claim.threshold()))
        + (within ? " (within " + number(Fraction.of(claim.operatorTolerance()).times(Fraction.of(100))) + "%)" : "");
    String conclusion = switch (verdict) {
      case SUPPORTED -> relation;
      case CONTRADICTED -> "not " + relation;
      case UNDETERMINED -> "cannot tell whether " + relation;
    };
    String range = observed.isPoint() ? null : observed.describe() + " with the qualifiers";
    String reason;
    if (measure == null) {
      reason = head + ": " + (range == null ? "" : range + ", ") + conclusion;
    } else {
      reason = head + ": " + measure + (range == null ? "" : " as stated, " + range) + ", " + conclusion;
    }
    return verdict(claim, claimed, baseline, point == null ? null : point.toDouble(), verdict, reason);
  }

  private static String figureName(Period period, String theater, String metric) {
    return period.label() + " " + theater + " " + metric;
  }

  private static ClaimVerdict verdict(Claim claim, Side claimed, Side baseline, Double observed, Verdict verdict,
      String reason) {
    return new ClaimVerdict(claim,
        claimed == null ? null : claimed.value(), claimed == null ? null : claimed.qualifier(),
        claimed == null ? null : claimed.sources(),
        baseline == null ? null : baseline.value(), baseline == null ? null : baseline.qualifier(),
        baseline == null ? null : baseline.sources(), observed, verdict, reason);
  }

  /** The factor a basis puts on a period's figure: 1, days in that calendar year / days, or 30 / days. */
  static Fraction factor(Claim.Basis basis, Period period) {
    long days = period.days();
    return switch (basis) {
      case TOTAL -> Fraction.of(1);
      case ANNUALISED -> new Fraction(BigInteger.valueOf(yearDays(period)), BigInteger.valueOf(days));
      case PER_30_DAYS -> new Fraction(BigInteger.valueOf(30), BigInteger.valueOf(days));
    };
  }

  /**
   * The days of the year a period is annualised to: of its calendar year (366 in a leap year), as
   * attack_trends does; for a period across two calendar years, of the year from its first day.
   */
  static long yearDays(Period period) {
    LocalDate start = period.start();
    return start.getYear() == period.end().getYear() ? start.lengthOfYear()
        : ChronoUnit.DAYS.between(start, start.plusYears(1));
  }

  /** "153 claimed attacks in 2024-H1", "153 x 366/182 = 307.7 claimed attacks a year (2024-H1)". */
  private static String sideText(Side side, Claim claim, Fraction factor, boolean withUnit) {
    String unit = withUnit ? " " + side.metric().replace('_', ' ') : "";
    String where = (side.period().grain() == Grain.DAY ? "on " : "in ")
        + side.period().label() + (Theater.ALL.equals(side.theater()) ? "" : " in " + side.theater());
    if (factor.isOne()) {
      return side.qualifier().format(side.value()) + unit + " " + where;
    }
    String per = claim.basis() == Claim.Basis.ANNUALISED ? " a year" : " per 30 days";
    long days = side.period().days();
    String multiplier = (claim.basis() == Claim.Basis.ANNUALISED ? yearDays(side.period()) : 30) + "/" + days;
    return side.qualifier().format(side.value()) + " x " + multiplier + " = "
        + number(Fraction.of(side.value()).times(factor)) + unit + per + " (" + where + ")";
  }

  private Check contradicted(ClaimVerdict v) {
    Claim claim = v.claim();
    Side claimed = find(claim.period(), claim.theater(), claim.metric());
    Side baseline = claim.baseline() == null ? null : find(claim.baseline(), claim.baselineTheater(), claim.metric());
    SortedSet<String> sources = new TreeSet<>();
    sources.add(claim.reportId());
    String figuresText = "claim " + claim.claimId() + ": " + claimed.describe();
    sources.addAll(List.of(claimed.sources().split(";")));
    long compared = Math.round(claim.threshold());
    if (baseline != null && claim.comparison() != Claim.Comparison.VALUE) {
      figuresText += " | " + baseline.describe();
      sources.addAll(List.of(baseline.sources().split(";")));
      compared = baseline.value();
    }
    return new Check(CHECK, Check.Severity.WARNING, claim.period(), claim.theater(), claim.metric(), claimed.value(),
        compared, figuresText, String.join(";", sources),
        "claim " + claim.claimId() + " of " + claim.reportId() + " is contradicted by the figures: " + v.reason());
  }

  /** A number for a person: whole numbers as they are, else 2 decimals (1 from 100 up), trailing zeros dropped. */
  static String number(Fraction value) {
    BigDecimal decimal = value.toBigDecimal(20);
    int scale = decimal.abs().compareTo(BigDecimal.valueOf(100)) >= 0 ? 1 : 2;
    BigDecimal rounded = decimal.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
  }

  /** An exact fraction, always in lowest terms with a positive denominator. */
  record Fraction(BigInteger numerator, BigInteger denominator) implements Comparable<Fraction> {
    Fraction {
      if (denominator.signum() == 0) {
        throw new ArithmeticException("division by zero");
      }
      if (denominator.signum() < 0) {
        numerator = numerator.negate();
        denominator = denominator.negate();
      }
      BigInteger gcd = numerator.gcd(denominator);
      if (gcd.signum() != 0 && !gcd.equals(BigInteger.ONE)) {
        numerator = numerator.divide(gcd);
        denominator = denominator.divide(gcd);
      }
    }

    static Fraction of(long value) {
      return new Fraction(BigInteger.valueOf(value), BigInteger.ONE);
    }

    /** A decimal as written (0.05 is 1/20, not the double nearest it). */
    static Fraction of(double value) {
      BigDecimal decimal = new BigDecimal(Double.toString(value));
      return decimal.scale() <= 0 ? new Fraction(decimal.toBigIntegerExact(), BigInteger.ONE)
          : new Fraction(decimal.unscaledValue(), BigInteger.TEN.pow(decimal.scale()));
    }

    Fraction plus(Fraction o) {
      return new Fraction(numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)),
          denominator.multiply(o.denominator));
    }

    Fraction minus(Fraction o) {
      return plus(o.negate());
    }

    Fraction negate() {
      return new Fraction(numerator.negate(), denominator);
    }

    Fraction times(Fraction o) {
      return new Fraction(numerator.multiply(o.numerator), denominator.multiply(o.denominator));
    }

    Fraction over(Fraction o) {
      return new Fraction(numerator.multiply(o.denominator), denominator.multiply(o.numerator));
    }

    Fraction abs() {
      return numerator.signum() < 0 ? negate() : this;
    }

    boolean isZero() {
      return numerator.signum() == 0;
    }

    boolean isOne() {
      return numerator.equals(denominator);
    }

    double toDouble() {
      return toBigDecimal(20).doubleValue();
    }

    BigDecimal toBigDecimal(int scale) {
      return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, RoundingMode.HALF_EVEN);
    }

    @Override
    public int compareTo(Fraction o) {
      return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
    }
  }

  /** One end of an interval: a value (null: unbounded) and whether the value itself is excluded. */
  record Bound(Fraction value, boolean open) {
    static final Bound UNBOUNDED = new Bound(null, true);

    boolean unbounded() {
      return value == null;
    }
  }

  /** The values a figure or a comparison allows: from {@code low} to {@code high}, each end open or closed. */
  record Interval(Bound low, Bound high) {

    static Interval point(Fraction value) {
      return new Interval(new Bound(value, false), new Bound(value, false));
    }

    /** exact: the value; approximate: &plusmn; the relative tolerance (never below 0); bounds: up without end. */
    static Interval of(long value, Qualifier qualifier, double approximation) {
      Fraction v = Fraction.of(value);
      return switch (qualifier) {
        case EXACT -> point(v);
        case AT_LEAST -> new Interval(new Bound(v, false), Bound.UNBOUNDED);
        case MORE_THAN -> new Interval(new Bound(v, true), Bound.UNBOUNDED);
        case APPROXIMATE -> {
          Fraction spread = v.times(Fraction.of(approximation));
          Fraction low = v.minus(spread);
          yield new Interval(new Bound(low.compareTo(Fraction.of(0)) < 0 ? Fraction.of(0) : low, false),
              new Bound(v.plus(spread), false));
        }
      };
    }

    /** The values that satisfy an operator and threshold ({@code =} and {@code ~} within the relative tolerance). */
    static Interval satisfying(Claim.Operator operator, Fraction threshold, Fraction tolerance) {
      Fraction spread = threshold.abs().times(tolerance);
      return switch (operator) {
        case MORE_THAN -> new Interval(new Bound(threshold, true), Bound.UNBOUNDED);
        case AT_LEAST -> new Interval(new Bound(threshold, false), Bound.UNBOUNDED);
        case LESS_THAN -> new Interval(Bound.UNBOUNDED, new Bound(threshold, true));
        case AT_MOST -> new Interval(Bound.UNBOUNDED, new Bound(threshold, false));
        case EQUALS, ABOUT -> new Interval(new Bound(threshold.minus(spread), false),
            new Bound(threshold.plus(spread), false));
      };
    }

    boolean isPoint() {
      return !low.unbounded() && !high.unbounded() && low.value().compareTo(high.value()) == 0;
    }

    boolean isZero() {
      return isPoint() && low.value().isZero();
    }

    /** Scaled by a positive factor. */
    Interval times(Fraction factor) {
      return new Interval(scale(low, factor), scale(high, factor));
    }

    private static Bound scale(Bound b, Fraction factor) {
      return b.unbounded() ? b : new Bound(b.value().times(factor), b.open());
    }

    /** This minus another: from low - other's high to high - other's low. */
    Interval minus(Interval o) {
      return new Interval(
          low.unbounded() || o.high.unbounded() ? Bound.UNBOUNDED
              : new Bound(low.value().minus(o.high.value()), low.open() || o.high.open()),
          high.unbounded() || o.low.unbounded() ? Bound.UNBOUNDED
              : new Bound(high.value().minus(o.low.value()), high.open() || o.low.open()));
    }

    /** This over another, both of non-negative values, the other not only 0. */
    Interval over(Interval o) {
      Bound lowest;
      if (o.high.unbounded()) {
        // a value over one without bound comes as near 0 as one likes; 0 over anything is 0
        lowest = low.value().isZero() && !low.open() ? low : new Bound(Fraction.of(0), true);
      } else {
        lowest = new Bound(low.value().over(o.high.value()), low.open() || o.high.open());
      }
      Bound highest = high.unbounded() || o.low.value().isZero() ? Bound.UNBOUNDED
          : new Bound(high.value().over(o.low.value()), high.open() || o.low.open());
      return new Interval(lowest, highest);
    }

    /** Whether every value of the other is in this one. */
    boolean contains(Interval o) {
      boolean lowOk = low.unbounded() || !o.low.unbounded() && (low.value().compareTo(o.low.value()) < 0
          || low.value().compareTo(o.low.value()) == 0 && (!low.open() || o.low.open()));
      boolean highOk = high.unbounded() || !o.high.unbounded() && (high.value().compareTo(o.high.value()) > 0
          || high.value().compareTo(o.high.value()) == 0 && (!high.open() || o.high.open()));
      return lowOk && highOk;
    }

    /** Whether no value is in both. */
    boolean disjoint(Interval o) {
      return below(high, o.low) || below(o.high, low);
    }

    /** Whether everything up to {@code high} lies below everything from {@code low}. */
    private static boolean below(Bound high, Bound low) {
      if (high.unbounded() || low.unbounded()) {
        return false;
      }
      int c = high.value().compareTo(low.value());
      return c < 0 || c == 0 && (high.open() || low.open());
    }

    /** "between 2.41 and 2.67", "more than 1.3", "at least 0", "less than 5", "any value". */
    String describe() {
      if (low.unbounded() && high.unbounded()) {
        return "any value";
      }
      if (high.unbounded()) {
        return (low.open() ? "more than " : "at least ") + number(low.value());
      }
      if (low.unbounded()) {
        return (high.open() ? "less than " : "at most ") + number(high.value());
      }
      return "between " + number(low.value()) + " and " + number(high.value());
    }
  }
}
