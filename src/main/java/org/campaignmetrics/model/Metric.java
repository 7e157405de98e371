package org.campaignmetrics.model;

/** The names of the figures the job knows: column names of the input files and values of {@code metric}. */
public final class Metric {
  public static final String MISSIONS = "missions";
  public static final String KILLED = "killed";
  public static final String DETAINED = "detained";
  public static final String LEADERS_KILLED = "leaders_killed";
  public static final String LEADERS_DETAINED = "leaders_detained";
  /** Leaders killed or detained, for releases that do not split them. */
  public static final String LEADERS_REMOVED = "leaders_removed";
  public static final String CLAIMED_ATTACKS = "claimed_attacks";

  private Metric() {}
}
