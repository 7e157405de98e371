package org.campaignmetrics.extract;

import java.util.Locale;

/**
 * How exact a figure is, as the input contract writes it: {@code 44}, {@code ~35}, {@code >30},
 * {@code >=7}. The extractor's own copy (the package is self-contained until the lead wires the
 * shared model in).
 */
public enum Qualifier {
  EXACT(""), APPROXIMATE("~"), MORE_THAN(">"), AT_LEAST(">=");

  private final String prefix;

  Qualifier(String prefix) {
    this.prefix = prefix;
  }

  /** {@code exact}, {@code approximate}, {@code more_than}, {@code at_least}: the output tables' words. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The value as the input contract writes it: 44, ~35, >30, >=7. */
  public String format(long value) {
    return prefix + value;
  }

  /** Reads a contract cell ({@code >=7}) or a word ({@code at_least}); null for anything else. */
  public static Qualifier parseCode(String code) {
    String c = code.trim().toLowerCase(Locale.ROOT);
    for (Qualifier q : values()) {
      if (q.code().equals(c)) {
        return q;
      }
    }
    return c.isEmpty() ? EXACT : null;
  }
}
