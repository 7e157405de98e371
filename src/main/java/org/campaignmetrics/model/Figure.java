package org.campaignmetrics.model;

/** One resolved figure: the single value the job stands behind for (period, theater, metric). */
public record Figure(FigureTable table, Period period, String theater, String metric, long value, Qualifier qualifier,
    Derivation derivation, String sources, String quote) {

  @Override
  public String toString() {
    return period + " " + theater + " " + metric + "=" + qualifier.format(value) + " (" + derivation.code() + " from "
        + sources + ")";
  }
}
