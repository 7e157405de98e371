package org.campaignmetrics.model;

import java.util.Comparator;
import java.util.Locale;

/**
 * One place where two ways of getting the same figure disagree: validation results as data.
 * {@code difference} is value - comparedValue; {@code figures} describes each figure involved.
 */
public record Check(String check, Severity severity, Period period, String theater, String metric, long value,
    long comparedValue, String figures, String sources, String message) {

  /** How bad a disagreement is: an error cannot be true, a warning may be a difference of counting. */
  public enum Severity {
    ERROR, WARNING;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** By period, theater, metric, check and figures: the checks table's key, and its order. */
  public static final Comparator<Check> ORDER = Comparator.comparing((Check c) -> c.period().start())
      .thenComparing(c -> c.period().end()).thenComparing(Check::theater).thenComparing(Check::metric)
      .thenComparing(Check::check).thenComparing(Check::figures);

  public long difference() {
    return value - comparedValue;
  }

  @Override
  public String toString() {
    return severity.code() + " " + check + ": " + message;
  }
}
