package org.campaignmetrics.model;

import java.util.Locale;

/**
 * How exact a figure is: {@code 44}, {@code ~35} (approximately), {@code >30} (more than),
 * {@code >=7} (at least). Declared from the most to the least informative, so combining figures
 * takes the later of two: a sum with an approximate part is approximate, a sum of lower bounds is a
 * lower bound.
 */
public enum Qualifier {
  EXACT(""), AT_LEAST(">="), MORE_THAN(">"), APPROXIMATE("~");

  private final String prefix;

  Qualifier(String prefix) {
    this.prefix = prefix;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Qualifier fromCode(String code) {
    return code == null ? EXACT : valueOf(code.toUpperCase(Locale.ROOT));
  }

  /** The qualifier of a sum of two figures. */
  public Qualifier plus(Qualifier other) {
    return compareTo(other) >= 0 ? this : other;
  }

  /** The value as written in a source: 44, ~35, >30, >=7. */
  public String format(long value) {
    return prefix + value;
  }
}
