package org.campaignmetrics;

/** How a period sits on the calendar; written lower-case in the outputs. */
public enum Grain {
  DAY, MONTH, QUARTER, HALF, YEAR, CUSTOM;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** True for the calendar buckets that rule 5 may fill. */
  public boolean isCalendarBucket() {
    return this == MONTH || this == QUARTER || this == HALF || this == YEAR;
  }
}
