package org.campaignmetrics.input;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A report whose row of reports.csv was rejected while rows of other files cite it: their figures
 * are left out of every table, which a run must not do silently.
 */
public record RejectedReport(String reportId, long line, String column, String reason, Map<String, Long> citingRows) {
  public String describe() {
    return InputContract.REPORTS.fileName() + " line " + line + ": report '" + reportId + "' was rejected (" + column
        + ": " + reason + "), and its figures are left out: "
        + citingRows.entrySet().stream().map(e -> e.getValue() + " row(s) of " + e.getKey())
            .collect(Collectors.joining(", "))
        + " cite it";
  }
}
