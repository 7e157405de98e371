package org.campaignmetrics.model;

import java.util.Locale;

/**
 * One claim that a report makes about its figures, as an analyst keyed it in {@code claims.csv}: the
 * claimed figure (metric, theater, period), put on a {@link Basis}, compared ({@link Comparison}) with
 * a baseline figure, and the relation the claim asserts ({@link Operator} and threshold). A context
 * metric (a stock) is claimed at a date: {@code period} is one day, as is {@code baseline}.
 * {@code baseline} is null for a {@link Comparison#VALUE} claim without one; {@code tolerance} is
 * null where the claim gives none.
 */
public record Claim(String claimId, String reportId, String quote, String metric, String theater, Period period,
    Basis basis, Period baseline, String baselineTheater, Comparison comparison, Operator operator, double threshold,
    Double tolerance) {

  /** How the claimed period is put against the baseline: as it is, as a whole-year pace, or per 30 days. */
  public enum Basis {
    TOTAL, ANNUALISED, PER_30_DAYS;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Basis fromCode(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }

  /** What is compared with the threshold: claimed over baseline, claimed minus baseline, or the claimed figure. */
  public enum Comparison {
    RATIO, DIFFERENCE, VALUE;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Comparison fromCode(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }

  /** The relation a claim asserts between what is observed and its threshold. */
  public enum Operator {
    MORE_THAN(">", "more than"), AT_LEAST(">=", "at least"), LESS_THAN("<", "less than"),
    AT_MOST("<=", "at most"), EQUALS("=", "equal to"), ABOUT("~", "about");

    private final String symbol;
    private final String words;

    Operator(String symbol, String words) {
      this.symbol = symbol;
      this.words = words;
    }

    /** As written in claims.csv: {@code >}, {@code >=}, {@code <}, {@code <=}, {@code =}, {@code ~}. */
    public String symbol() {
      return symbol;
    }

    /** For a person: "more than", "about". */
    public String words() {
      return words;
    }

    public static Operator fromSymbol(String symbol) {
      for (Operator operator : values()) {
        if (operator.symbol.equals(symbol)) {
          return operator;
        }
      }
      throw new IllegalArgumentException("unknown operator: " + symbol);
    }
  }

  /** The tolerance the operator applies to the threshold: as given, else 5% for {@code ~} and none otherwise. */
  public double operatorTolerance() {
    return tolerance != null ? tolerance : operator == Operator.ABOUT ? DEFAULT_TOLERANCE : 0;
  }

  /** How far an approximate figure (~2,500) may be from its value, relative: the tolerance if positive, else 5%. */
  public double approximation() {
    return tolerance != null && tolerance > 0 ? tolerance : DEFAULT_TOLERANCE;
  }

  /** The relative tolerance of {@code ~}, and of an approximate figure, when a claim gives none. */
  public static final double DEFAULT_TOLERANCE = 0.05;
}
