package org.campaignmetrics.model;

/** How a period sits on the calendar; written lower-case in the outputs. */
public enum Grain {
  DAY, MONTH, QUARTER, HALF, YEAR, CUSTOM;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
