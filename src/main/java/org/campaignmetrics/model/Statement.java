package org.campaignmetrics.model;

/**
 * One report's value for one (period, theater, metric), after rules 1 and 2. {@code value} is null
 * where the report's records leave it unknown (a sum with an empty part), and then so is
 * {@code qualifier}. {@code derivation} is {@code REPORTED} when one row of the report states it,
 * {@code SUMMED} when it is the sum of several of its rows (rule 1) or of a coverage bucket (rule 2).
 */
public record Statement(FigureTable table, Report report, Period period, String theater, String metric, Long value,
    Qualifier qualifier, String quote, Derivation derivation) {

  /** An exact statement of one row, as most releases make them. */
  public static Statement exact(Report report, Period period, String theater, String metric, long value, String quote) {
    return new Statement(FigureTable.of(metric), report, period, theater, metric, value, Qualifier.EXACT, quote,
        Derivation.REPORTED);
  }

  public String reportId() {
    return report.reportId();
  }

  public boolean stated() {
    return value != null;
  }

  public Statement withQualifier(Qualifier other) {
    return new Statement(table, report, period, theater, metric, value, other, quote, derivation);
  }
}
