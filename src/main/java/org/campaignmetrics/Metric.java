package org.campaignmetrics;

import java.util.List;

/** The figures the job knows, and the input table each comes from. */
public final class Metric {
  public static final String MISSIONS = "missions";
  public static final String KILLED = "killed";
  public static final String DETAINED = "detained";
  public static final String LEADERS_KILLED = "leaders_killed";
  public static final String LEADERS_DETAINED = "leaders_detained";
  /** Leaders killed or detained, for releases that do not split them. */
  public static final String LEADERS_REMOVED = "leaders_removed";
  public static final String CLAIMED_ATTACKS = "claimed_attacks";

  public static final String OPERATIONS = "operations";
  public static final String ATTACKS = "attacks";

  public static final List<String> OPERATIONS_METRICS =
      List.of(MISSIONS, KILLED, DETAINED, LEADERS_KILLED, LEADERS_DETAINED, LEADERS_REMOVED);
  public static final List<String> ATTACKS_METRICS = List.of(CLAIMED_ATTACKS);

  /** The theater code meaning the whole campaign area as reported. */
  public static final String ALL_THEATERS = "ALL";

  private Metric() {}

  public static String tableOf(String metric) {
    if (OPERATIONS_METRICS.contains(metric)) {
      return OPERATIONS;
    }
    if (ATTACKS_METRICS.contains(metric)) {
      return ATTACKS;
    }
    throw new IllegalArgumentException("unknown metric: " + metric);
  }
}
