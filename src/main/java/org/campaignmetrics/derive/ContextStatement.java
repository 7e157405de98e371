package org.campaignmetrics.derive;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.campaignmetrics.model.ContextObservation;
import org.campaignmetrics.model.Report;

/**
 * Rule 3 for a stock: of the reports that state one observation (a scope and metric at a date), the
 * highest-priority one gives the value, and every one of them is a source. The context_series table
 * and the claim checks both read observations this way.
 */
public record ContextStatement(ContextObservation winner, SortedSet<String> sources) {

  /** The observation that {@code stated} (one scope, metric and date; not empty) make together. */
  public static ContextStatement of(List<ContextObservation> stated, Map<String, Report> reports) {
    ContextObservation winner = stated.stream()
        .min(Comparator.comparing(o -> reports.get(o.reportId()), Report.PRIORITY)).orElseThrow();
    SortedSet<String> sources = new TreeSet<>();
    stated.forEach(o -> sources.add(o.reportId()));
    return new ContextStatement(winner, sources);
  }
}
