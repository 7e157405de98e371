package org.campaignmetrics.model;

import java.util.Locale;

/**
 * How a figure differs from the one the previous published run had for the same period, theater and
 * metric: {@code previous} or {@code current} is null where the figure is new or gone.
 */
public record FigureChange(Kind kind, Figure previous, Figure current) {

  public enum Kind {
    /** A figure the previous run did not have. */
    ADDED,
    /** A figure the previous run had and this one does not. */
    REMOVED,
    /** Another value. */
    REVISED,
    /** The same value with another qualifier (44 became >44, or ~35 became 35). */
    REQUALIFIED;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The figure either side has: the key of the change. */
  public Figure either() {
    return current != null ? current : previous;
  }
}
