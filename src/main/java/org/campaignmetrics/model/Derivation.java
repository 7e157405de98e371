package org.campaignmetrics.model;

/** How a figure was obtained, in order of preference: stated beats derived, a sum beats a difference. */
public enum Derivation {
  REPORTED, SUMMED, DIFFERENCE;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
