package org.campaignmetrics.model;

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

  public long difference() {
    return value - comparedValue;
  }

  @Override
  public String toString() {
    return severity.code() + " " + check + ": " + message;
  }
}
