package org.campaignmetrics.derive;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.campaignmetrics.derive.KnownFigures.Known;
import org.campaignmetrics.derive.KnownFigures.Series;
import org.campaignmetrics.model.Check;
import org.campaignmetrics.model.Derivation;
import org.campaignmetrics.model.Figure;
import org.campaignmetrics.model.FigureTable;
import org.campaignmetrics.model.Metric;
import org.campaignmetrics.model.Period;
import org.campaignmetrics.model.Qualifier;
import org.campaignmetrics.model.Report;
import org.campaignmetrics.model.Statement;
import org.campaignmetrics.model.Theater;

/**
 * Rules 3 to 5 on the statements of all reports: pick one figure per (period, theater, metric)
 * across reports, fill the ALL theater, leaders_removed and the calendar buckets until nothing
 * changes; then {@link CrossChecks} compares every way of getting a figure with the others.
 *
 * <p>It works on aggregated statements, whose number depends on periods, theaters and reports,
 * never on the input's row count.
 */
public final class DerivationEngine {

  /** Everything the derivation found: the figures and the disagreements between them. */
  public record Result(List<Figure> figures, List<Check> checks) {}

  /** Rule 3's order of the statements of one figure: their reports' priority. */
  private static final Comparator<Statement> BY_REPORT_PRIORITY =
      Comparator.comparing(Statement::report, Report.PRIORITY);

  /** For a difference, prefer the smallest containing figure, then the best-founded one. */
  private static final Comparator<Known> CONTAINER_ORDER =
      Comparator.comparingLong((Known k) -> k.period().days())
          .thenComparing(Known::derivation)
          .thenComparing(Known::qualifier)
          .thenComparing(Known::period);

  private final KnownFigures known = new KnownFigures();
  private final CheckLog checks = new CheckLog();

  private DerivationEngine() {}

  public static Result derive(Iterable<Statement> statements) {
    DerivationEngine engine = new DerivationEngine();
    engine.resolveSources(statements);
    engine.fillUntilStable();
    CrossChecks.run(engine.known, engine.checks);
    return new Result(engine.known.figures(), engine.checks.sorted());
  }

  // Rule 3

  private void resolveSources(Iterable<Statement> statements) {
    Map<Series, Map<Period, List<Statement>>> bySeries = new HashMap<>();
    for (Statement s : statements) {
      if (!s.stated()) {
        continue; // an empty cell states nothing
      }
      bySeries.computeIfAbsent(new Series(s.theater(), s.metric()), k -> new HashMap<>())
          .computeIfAbsent(s.period(), k -> new ArrayList<>()).add(s);
      known.noteStated(s.table(), s.theater(), s.metric());
    }
    bySeries.forEach((series, periods) -> periods.forEach((period, stated) -> {
      stated.sort(BY_REPORT_PRIORITY);
      Statement winner = stated.get(0);
      SortedSet<String> sources = new TreeSet<>();
      stated.forEach(s -> sources.add(s.reportId()));
      // a sum of a report's own rows (rule 1) or of its coverage (rule 2) stays a sum: reported means one row
      Known figure = new Known(period, series, winner.value(), winner.qualifier(), winner.derivation(), sources,
          winner.quote());
      known.add(figure);
      for (Statement loser : stated.subList(1, stated.size())) {
        checkSourcesAgree(figure, winner, loser);
      }
    }));
  }

  private void checkSourcesAgree(Known figure, Statement winner, Statement loser) {
    Qualifier wq = figure.qualifier();
    Qualifier lq = loser.qualifier();
    long w = figure.value();
    long l = loser.value();
    Check.Severity severity = null;
    String kind = null;
    if (wq == Qualifier.EXACT && lq == Qualifier.EXACT && w != l) {
      severity = Check.Severity.WARNING;
      kind = "source_conflict";
    } else if ((wq == Qualifier.EXACT && CrossChecks.violates(w, l, lq))
        || (lq == Qualifier.EXACT && CrossChecks.violates(l, w, wq))) {
      severity = Check.Severity.ERROR;
      kind = "bound_contradiction";
    }
    if (severity == null) {
      return;
    }
    SortedSet<String> sources = new TreeSet<>(Set.of(winner.reportId(), loser.reportId()));
    checks.record(kind, severity, figure.period(), figure.series(), w, l, sources,
        winner.reportId() + " says " + wq.format(w) + ", " + loser.reportId() + " says " + lq.format(l),
        figure.period().label() + " " + figure.series().theater() + " " + figure.series().metric() + ": "
            + loser.reportId() + " states " + lq.format(l) + " but " + winner.reportId() + " (preferred) states "
            + wq.format(w));
  }

  // Rules 4 and 5

  private void fillUntilStable() {
    while (true) {
      while (sumTheaters() + sumLeadersRemoved() + sumTilings() > 0) {
        // sums first: a sum beats a difference, so exhaust them before trying differences
      }
      if (applyDifferences() == 0) {
        return;
      }
    }
  }

  /** Rule 4: ALL is the sum of the theaters where every theater of the table is known. */
  private int sumTheaters() {
    int added = 0;
    for (Map.Entry<FigureTable, SortedSet<String>> table : known.theatersByTable().entrySet()) {
      for (String metric : known.metricsOf(table.getKey())) {
        Series all = new Series(Theater.ALL, metric);
        List<Series> reads = new ArrayList<>(List.of(all));
        table.getValue().forEach(theater -> reads.add(new Series(theater, metric)));
        if (!known.changedSinceLastVisit("theaters", all, reads.toArray(new Series[0]))) {
          continue;
        }
        for (Map.Entry<Period, List<Known>> parts : known.theaterParts(table.getValue(), metric).entrySet()) {
          if (!known.series(all).containsKey(parts.getKey())) {
            known.add(KnownFigures.combine(parts.getKey(), all, parts.getValue(), Derivation.SUMMED));
            added++;
          }
        }
      }
    }
    return added;
  }

  /** leaders_removed = leaders_killed + leaders_detained, where a release does not state it. */
  private int sumLeadersRemoved() {
    int added = 0;
    for (Series killed : known.allSeries()) {
      if (!killed.metric().equals(Metric.LEADERS_KILLED)) {
        continue;
      }
      Series detained = new Series(killed.theater(), Metric.LEADERS_DETAINED);
      Series removed = new Series(killed.theater(), Metric.LEADERS_REMOVED);
      if (!known.changedSinceLastVisit("leaders", removed, killed, detained, removed)) {
        continue;
      }
      for (Known k : new ArrayList<>(known.series(killed).values())) {
        Known d = known.series(detained).get(k.period());
        if (d != null && !known.series(removed).containsKey(k.period())) {
          known.add(KnownFigures.combine(k.period(), removed, List.of(k, d), Derivation.SUMMED));
          added++;
        }
      }
    }
    return added;
  }

  /** Rule 5, first half: a calendar bucket exactly tiled by known figures is their sum. */
  private int sumTilings() {
    int added = 0;
    for (Series series : known.allSeries()) {
      if (!known.changedSinceLastVisit("tiling", series, series)) {
        continue;
      }
      for (Period bucket : known.unknownBuckets(series)) {
        List<Known> tiling = known.tile(series, bucket.start(), bucket.end(), k -> true);
        if (tiling != null) {
          known.add(KnownFigures.combine(bucket, series, tiling, Derivation.SUMMED));
          added++;
        }
      }
    }
    return added;
  }

  /**
   * Rule 5, second half: a known longer figure minus known exact figures that exactly tile the
   * rest. All differences of a round are found against the same known set, so that any bucket a
   * sum can reach afterwards gets the sum.
   */
  private int applyDifferences() {
    List<Known> found = new ArrayList<>();
    for (Series series : known.allSeries()) {
      if (!known.changedSinceLastVisit("difference", series, series)) {
        continue;
      }
      Collection<Known> figures = known.series(series).values();
      for (Period bucket : known.unknownBuckets(series)) {
        List<Known> containers = figures.stream()
            .filter(f -> f.period().contains(bucket) && !f.period().equals(bucket))
            .sorted(CONTAINER_ORDER)
            .toList();
        for (Known whole : containers) {
          // a subtracted part that is not exact would make the difference a guess
          List<Known> rest = known.restTiling(series, whole.period(), bucket, k -> k.qualifier() == Qualifier.EXACT);
          if (rest == null) {
            continue;
          }
          long value = whole.value() - KnownFigures.sum(rest);
          if (value < 0) {
            recordNegativeDifference(bucket, series, whole, rest, value);
            continue;
          }
          List<Known> inputs = new ArrayList<>(rest);
          inputs.add(whole);
          found.add(new Known(bucket, series, value, whole.qualifier(), Derivation.DIFFERENCE,
              KnownFigures.sourcesOf(inputs), null));
          break;
        }
      }
    }
    found.forEach(known::add);
    return found.size();
  }

  private void recordNegativeDifference(Period bucket, Series series, Known whole, List<Known> rest, long value) {
    List<Known> involved = new ArrayList<>(rest);
    involved.add(0, whole);
    long parts = KnownFigures.sum(rest);
    checks.record("negative_difference", Check.Severity.ERROR, bucket, series, whole.value(), parts,
        KnownFigures.sourcesOf(involved), KnownFigures.describe(involved),
        bucket.label() + " " + series.theater() + " " + series.metric() + " would be " + whole.period().label()
            + " (" + whole.value() + ") minus " + KnownFigures.labels(rest) + " (" + parts + ") = " + value
            + ": a part is larger than its whole, so no difference is derived");
  }
}
