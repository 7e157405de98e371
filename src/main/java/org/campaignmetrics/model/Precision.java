package org.campaignmetrics.model;

import java.util.Collection;
import java.util.Locale;

/**
 * How exact a row built from several figures is: the weakest of their qualifiers, so that nothing
 * built on a figure that is not exact reads as exact.
 */
public enum Precision {
  EXACT, LOWER_BOUND, APPROXIMATE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** approximate if any is, else lower_bound if any is more_than or at_least, else exact; nulls are ignored. */
  public static Precision of(Collection<Qualifier> qualifiers) {
    if (qualifiers.contains(Qualifier.APPROXIMATE)) {
      return APPROXIMATE;
    }
    return qualifiers.contains(Qualifier.MORE_THAN) || qualifiers.contains(Qualifier.AT_LEAST) ? LOWER_BOUND : EXACT;
  }
}
