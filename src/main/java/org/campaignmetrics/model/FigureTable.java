package org.campaignmetrics.model;

import java.util.List;
import java.util.Locale;

/**
 * The two kinds of figures, each with its own input file and its own theaters: rule 4 sums into ALL
 * the theater codes that the reports of one kind use.
 */
public enum FigureTable {
  OPERATIONS(List.of(Metric.MISSIONS, Metric.KILLED, Metric.DETAINED, Metric.LEADERS_KILLED, Metric.LEADERS_DETAINED,
      Metric.LEADERS_REMOVED)),
  ATTACKS(List.of(Metric.CLAIMED_ATTACKS));

  private final List<String> metrics;

  FigureTable(List<String> metrics) {
    this.metrics = metrics;
  }

  /** The metrics of this kind, in the order of its input file's columns. */
  public List<String> metrics() {
    return metrics;
  }

  /** operations, attacks: the input file's base name. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static FigureTable of(String metric) {
    for (FigureTable table : values()) {
      if (table.metrics.contains(metric)) {
        return table;
      }
    }
    throw new IllegalArgumentException("unknown metric: " + metric);
  }
}
