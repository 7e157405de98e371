package org.campaignmetrics.derive;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.campaignmetrics.Grain;
import org.campaignmetrics.Metric;
import org.campaignmetrics.Period;
import org.campaignmetrics.Qualifier;

/**
 * Rules 3 to 5 on the statements of all reports: pick one figure per (period, theater, metric)
 * across reports, fill the ALL theater, leaders_removed and the calendar buckets until nothing
 * changes, then cross-check every way of getting a figure against the others.
 *
 * <p>It works on aggregated statements, whose number depends on periods, theaters and reports,
 * never on the input's row count.
 */
public final class DerivationEngine {

  /** Everything the derivation found: the figures and the disagreements between them. */
  public record Result(List<Figure> figures, List<Check> checks) {}

  /** Rule 3: official before media, then the latest publication date, undated last, then report id. */
  public static final Comparator<Statement> REPORT_PRIORITY =
      Comparator.comparingInt((Statement s) -> "official".equals(s.getSourceType()) ? 0 : 1)
          .thenComparing(Statement::getPublishedOn, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(Statement::getReportId);

  private record Series(String theater, String metric) {}

  private record Known(Period period, Series series, long value, Qualifier qualifier,
      Derivation derivation, SortedSet<String> sources, String quote) {

    String describe() {
      return period.label() + " " + series.theater() + " " + series.metric() + " = " + qualifier.format(value)
          + " (" + derivation.code() + ": " + String.join(";", sources) + ")";
    }
  }

  /** Within one start date, try coarse pieces first, then the best-founded and most exact. */
  private static final Comparator<Known> PIECE_ORDER =
      Comparator.comparing((Known k) -> k.period().end(), Comparator.reverseOrder())
          .thenComparing(Known::derivation)
          .thenComparing(Known::qualifier);

  /** For a difference, prefer the smallest containing figure, then the best-founded one. */
  private static final Comparator<Known> CONTAINER_ORDER =
      Comparator.comparingLong((Known k) -> k.period().days())
          .thenComparing(Known::derivation)
          .thenComparing(Known::qualifier)
          .thenComparing(Known::period);

  private final Map<Series, NavigableMap<Period, Known>> known = new HashMap<>();
  /** Per table, the theater codes other than ALL and the metrics that its reports state. */
  private final Map<String, SortedSet<String>> theatersByTable = new TreeMap<>();
  private final Map<String, SortedSet<String>> metricsByTable = new TreeMap<>();
  /** How often each series has had a figure added: a rule whose series did not change finds nothing new. */
  private final Map<Series, Long> versions = new HashMap<>();
  /** Per visit of a rule (its name and what it looks at), the versions it last started from. */
  private final Map<List<Object>, Long> visited = new HashMap<>();
  /** Keyed so that a disagreement met in several rounds is reported once. */
  private final Map<String, Check> checks = new LinkedHashMap<>();

  private DerivationEngine() {}

  public static Result derive(Iterable<Statement> statements) {
    DerivationEngine engine = new DerivationEngine();
    engine.resolveSources(statements);
    engine.fillUntilStable();
    engine.crossCheck();
    return new Result(engine.figures(), engine.sortedChecks());
  }

  // Rule 3

  private void resolveSources(Iterable<Statement> statements) {
    Map<Series, Map<Period, List<Statement>>> bySeries = new HashMap<>();
    for (Statement s : statements) {
      if (s.getValue() == null) {
        continue; // an empty cell states nothing
      }
      Series series = new Series(s.getTheater(), s.getMetric());
      Period period = new Period(s.getPeriodStart(), s.getPeriodEnd());
      bySeries.computeIfAbsent(series, k -> new HashMap<>())
          .computeIfAbsent(period, k -> new ArrayList<>()).add(s);
      metricsByTable.computeIfAbsent(s.getTable(), k -> new TreeSet<>()).add(s.getMetric());
      if (!Metric.ALL_THEATERS.equals(s.getTheater())) {
        theatersByTable.computeIfAbsent(s.getTable(), k -> new TreeSet<>()).add(s.getTheater());
      }
    }
    bySeries.forEach((series, periods) -> periods.forEach((period, stated) -> {
      stated.sort(REPORT_PRIORITY);
      Statement winner = stated.get(0);
      SortedSet<String> sources = new TreeSet<>();
      stated.forEach(s -> sources.add(s.getReportId()));
      Known figure = new Known(period, series, winner.getValue(), Qualifier.fromCode(winner.getQualifier()),
          Derivation.REPORTED, sources, winner.getQuote());
      add(figure);
      for (Statement loser : stated.subList(1, stated.size())) {
        checkSourcesAgree(figure, winner, loser);
      }
    }));
  }

  private void checkSourcesAgree(Known figure, Statement winner, Statement loser) {
    Qualifier wq = figure.qualifier();
    Qualifier lq = Qualifier.fromCode(loser.getQualifier());
    long w = figure.value();
    long l = loser.getValue();
    String severity = null;
    String kind = null;
    if (wq == Qualifier.EXACT && lq == Qualifier.EXACT && w != l) {
      severity = Check.WARNING;
      kind = "source_conflict";
    } else if ((wq == Qualifier.EXACT && violates(w, l, lq)) || (lq == Qualifier.EXACT && violates(l, w, wq))) {
      severity = Check.ERROR;
      kind = "bound_contradiction";
    }
    if (severity == null) {
      return;
    }
    SortedSet<String> sources = new TreeSet<>(Set.of(winner.getReportId(), loser.getReportId()));
    record(kind, severity, figure.period(), figure.series(), w, l, sources,
        winner.getReportId() + " says " + wq.format(w) + ", " + loser.getReportId() + " says " + lq.format(l),
        figure.period().label() + " " + figure.series().theater() + " " + figure.series().metric() + ": "
            + loser.getReportId() + " states " + lq.format(l) + " but " + winner.getReportId() + " (preferred) states "
            + wq.format(w));
  }

  /** Whether an exact value is impossible under a lower bound. */
  private static boolean violates(long exact, long bound, Qualifier qualifier) {
    return switch (qualifier) {
      case MORE_THAN -> exact <= bound;
      case AT_LEAST -> exact < bound;
      default -> false;
    };
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
    for (Map.Entry<String, SortedSet<String>> table : theatersByTable.entrySet()) {
      for (String metric : metricsOf(table.getKey())) {
        Series all = new Series(Metric.ALL_THEATERS, metric);
        List<Series> reads = new ArrayList<>(List.of(all));
        table.getValue().forEach(theater -> reads.add(new Series(theater, metric)));
        if (!changedSinceLastVisit("theaters", all, reads.toArray(new Series[0]))) {
          continue;
        }
        for (Map.Entry<Period, List<Known>> parts : theaterParts(table.getValue(), metric).entrySet()) {
          if (!series(all).containsKey(parts.getKey())) {
            add(combine(parts.getKey(), all, parts.getValue(), Derivation.SUMMED));
            added++;
          }
        }
      }
    }
    return added;
  }

  /** Periods where every theater knows the metric, with the theaters' figures, in period order. */
  private Map<Period, List<Known>> theaterParts(Set<String> theaters, String metric) {
    List<NavigableMap<Period, Known>> byTheater = new ArrayList<>();
    for (String theater : theaters) {
      byTheater.add(series(new Series(theater, metric)));
    }
    // a period every theater knows is one the least-known theater knows: walk its periods only
    NavigableMap<Period, Known> fewest = byTheater.stream().min(Comparator.comparingInt(Map::size)).orElse(EMPTY);
    Map<Period, List<Known>> complete = new LinkedHashMap<>();
    for (Period period : fewest.keySet()) {
      List<Known> parts = new ArrayList<>();
      for (NavigableMap<Period, Known> theater : byTheater) {
        Known part = theater.get(period);
        if (part == null) {
          break;
        }
        parts.add(part);
      }
      if (parts.size() == byTheater.size()) {
        complete.put(period, parts);
      }
    }
    return complete;
  }

  /** Metrics of a table, with leaders_removed wherever its two parts are stated. */
  private Set<String> metricsOf(String table) {
    SortedSet<String> metrics = new TreeSet<>(metricsByTable.getOrDefault(table, new TreeSet<>()));
    if (metrics.contains(Metric.LEADERS_KILLED) && metrics.contains(Metric.LEADERS_DETAINED)) {
      metrics.add(Metric.LEADERS_REMOVED);
    }
    return metrics;
  }

  /** leaders_removed = leaders_killed + leaders_detained, where a release does not state it. */
  private int sumLeadersRemoved() {
    int added = 0;
    for (Series killed : new ArrayList<>(known.keySet())) {
      if (!killed.metric().equals(Metric.LEADERS_KILLED)) {
        continue;
      }
      Series detained = new Series(killed.theater(), Metric.LEADERS_DETAINED);
      Series removed = new Series(killed.theater(), Metric.LEADERS_REMOVED);
      if (!changedSinceLastVisit("leaders", removed, killed, detained, removed)) {
        continue;
      }
      for (Known k : new ArrayList<>(series(killed).values())) {
        Known d = series(detained).get(k.period());
        if (d != null && !series(removed).containsKey(k.period())) {
          add(combine(k.period(), removed, List.of(k, d), Derivation.SUMMED));
          added++;
        }
      }
    }
    return added;
  }

  /** Rule 5, first half: a calendar bucket exactly tiled by known figures is their sum. */
  private int sumTilings() {
    int added = 0;
    for (Series series : new ArrayList<>(known.keySet())) {
      if (!changedSinceLastVisit("tiling", series, series)) {
        continue;
      }
      for (Period bucket : unknownBuckets(series)) {
        List<Known> tiling = tile(series, bucket.start(), bucket.end(), k -> true);
        if (tiling != null) {
          add(combine(bucket, series, tiling, Derivation.SUMMED));
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
    for (Series series : new ArrayList<>(known.keySet())) {
      if (!changedSinceLastVisit("difference", series, series)) {
        continue;
      }
      Collection<Known> figures = series(series).values();
      for (Period bucket : unknownBuckets(series)) {
        List<Known> containers = figures.stream()
            .filter(f -> f.period().contains(bucket) && !f.period().equals(bucket))
            .sorted(CONTAINER_ORDER)
            .toList();
        for (Known whole : containers) {
          // a subtracted part that is not exact would make the difference a guess
          List<Known> rest = restTiling(series, whole.period(), bucket, k -> k.qualifier() == Qualifier.EXACT);
          if (rest == null) {
            continue;
          }
          long value = whole.value() - sum(rest);
          if (value < 0) {
            recordNegativeDifference(bucket, series, whole, rest, value);
            continue;
          }
          List<Known> inputs = new ArrayList<>(rest);
          inputs.add(whole);
          found.add(new Known(bucket, series, value, whole.qualifier(), Derivation.DIFFERENCE,
              sourcesOf(inputs), null));
          break;
        }
      }
    }
    found.forEach(this::add);
    return found.size();
  }

  private void recordNegativeDifference(Period bucket, Series series, Known whole, List<Known> rest, long value) {
    List<Known> involved = new ArrayList<>(rest);
    involved.add(0, whole);
    record("negative_difference", Check.ERROR, bucket, series, whole.value(), sum(rest), sourcesOf(involved),
        describe(involved),
        bucket.label() + " " + series.theater() + " " + series.metric() + " would be " + whole.period().label()
            + " (" + whole.value() + ") minus " + labels(rest) + " (" + sum(rest) + ") = " + value
            + ": a part is larger than its whole, so no difference is derived");
  }

  /** Pieces that exactly cover whole minus bucket, or null where some day is not covered. */
  private List<Known> restTiling(Series series, Period whole, Period bucket, Predicate<Known> usable) {
    List<Known> rest = new ArrayList<>();
    if (whole.start().isBefore(bucket.start())) {
      List<Known> before = tile(series, whole.start(), bucket.start().minusDays(1), usable);
      if (before == null) {
        return null;
      }
      rest.addAll(before);
    }
    if (whole.end().isAfter(bucket.end())) {
      List<Known> after = tile(series, bucket.end().plusDays(1), whole.end(), usable);
      if (after == null) {
        return null;
      }
      rest.addAll(after);
    }
    return rest;
  }

  /**
   * Usable known figures whose periods follow each other without gap or overlap from first to
   * last, the fewest such pieces (a breadth-first walk over their start dates), or null.
   */
  private List<Known> tile(Series series, LocalDate first, LocalDate last, Predicate<Known> usable) {
    Map<LocalDate, List<Known>> byStart = new HashMap<>();
    for (Known k : series(series).subMap(new Period(first, first), true, new Period(last, last), true).values()) {
      if (!k.period().end().isAfter(last) && usable.test(k)) {
        byStart.computeIfAbsent(k.period().start(), d -> new ArrayList<>()).add(k);
      }
    }
    byStart.values().forEach(pieces -> pieces.sort(PIECE_ORDER));
    LocalDate target = last.plusDays(1);
    Map<LocalDate, Known> reachedBy = new HashMap<>();
    Deque<LocalDate> queue = new ArrayDeque<>();
    queue.add(first);
    while (!queue.isEmpty()) {
      LocalDate day = queue.poll();
      for (Known piece : byStart.getOrDefault(day, List.of())) {
        LocalDate next = piece.period().end().plusDays(1);
        if (reachedBy.containsKey(next)) {
          continue;
        }
        reachedBy.put(next, piece);
        if (next.equals(target)) {
          List<Known> pieces = new ArrayList<>();
          for (LocalDate d = target; !d.equals(first); ) {
            Known p = reachedBy.get(d);
            pieces.add(0, p);
            d = p.period().start();
          }
          return pieces;
        }
        queue.add(next);
      }
    }
    return null;
  }

  /** Calendar buckets that share a day with a known figure of the series and are not known yet. */
  private SortedSet<Period> unknownBuckets(Series series) {
    Map<Period, Known> figures = series(series);
    SortedSet<Period> buckets = new TreeSet<>();
    LocalDate monthDone = null; // figures come in period order: the periods inside one month share its buckets
    for (Period period : figures.keySet()) {
      LocalDate month = period.start().withDayOfMonth(1);
      boolean insideMonth = period.end().withDayOfMonth(1).equals(month);
      if (insideMonth && month.equals(monthDone)) {
        continue;
      }
      if (insideMonth) {
        monthDone = month;
      }
      for (Period bucket : period.overlappingCalendarBuckets()) {
        if (!figures.containsKey(bucket)) {
          buckets.add(bucket);
        }
      }
    }
    return buckets;
  }

  // Cross-checks, once every figure is known

  private void crossCheck() {
    // stated ALL against the sum of the theaters
    for (Map.Entry<String, SortedSet<String>> table : theatersByTable.entrySet()) {
      for (String metric : metricsOf(table.getKey())) {
        Series all = new Series(Metric.ALL_THEATERS, metric);
        theaterParts(table.getValue(), metric).forEach((period, parts) -> {
          Known whole = series(all).get(period);
          if (whole != null && whole.derivation() == Derivation.REPORTED) {
            checkWholeAgainstParts("theater_sum", whole, parts, "the theaters");
          }
          for (Known part : parts) {
            if (whole != null && exceeds(part, whole)) {
              checkPartExceedsWhole(part, whole);
            }
          }
        });
      }
    }
    for (Series series : known.keySet()) {
      NavigableMap<Period, Known> figures = series(series);
      for (Known whole : figures.values()) {
        if (whole.period().grain() == Grain.DAY) {
          continue;
        }
        // a stated figure against the stated figures that exactly tile it
        if (whole.derivation() == Derivation.REPORTED) {
          List<Known> tiling = tile(series, whole.period().start(), whole.period().end(),
              k -> k.derivation() == Derivation.REPORTED && !k.period().equals(whole.period()));
          if (tiling != null) {
            checkWholeAgainstParts("tiling", whole, tiling, "the periods that tile it");
          }
        }
        // a part larger than its whole: a quarter above its half-year
        for (Known part : figures.subMap(new Period(whole.period().start(), whole.period().start()), true,
            new Period(whole.period().end(), whole.period().end()), true).values()) {
          if (!part.period().equals(whole.period()) && whole.period().contains(part.period()) && exceeds(part, whole)) {
            checkPartExceedsWhole(part, whole);
          }
        }
      }
    }
  }

  /** Parts that should add up to the whole: larger is impossible (error), smaller a disagreement. */
  private void checkWholeAgainstParts(String kind, Known whole, List<Known> parts, String partsName) {
    Known total = combine(whole.period(), whole.series(), parts, Derivation.SUMMED);
    String severity = wholeVersusParts(whole, total);
    if (severity == null) {
      return;
    }
    List<Known> involved = new ArrayList<>(parts);
    involved.add(0, whole);
    record(kind, severity, whole.period(), whole.series(), whole.value(), total.value(), sourcesOf(involved),
        describe(involved),
        whole.period().label() + " " + whole.series().theater() + " " + whole.series().metric() + " is stated as "
            + whole.qualifier().format(whole.value()) + " but " + partsName + " (" + labels(parts) + ") add up to "
            + total.qualifier().format(total.value()));
  }

  private void checkPartExceedsWhole(Known part, Known whole) {
    record("part_exceeds_whole", Check.ERROR, part.period(), part.series(), part.value(), whole.value(),
        sourcesOf(List.of(part, whole)), describe(List.of(part, whole)),
        part.period().label() + " " + part.series().theater() + " " + part.series().metric() + " ("
            + part.qualifier().format(part.value()) + ") is larger than " + whole.period().label() + " "
            + whole.series().theater() + " (" + whole.qualifier().format(whole.value()) + "), which contains it");
  }

  /** error if the parts cannot fit the whole, warning if they do not add up to it, else null. */
  private static String wholeVersusParts(Known whole, Known parts) {
    Qualifier wq = whole.qualifier();
    Qualifier pq = parts.qualifier();
    long w = whole.value();
    long p = parts.value();
    if (wq == Qualifier.APPROXIMATE || pq == Qualifier.APPROXIMATE) {
      return null; // "about" neither proves nor disproves
    }
    if (wq == Qualifier.EXACT && pq == Qualifier.EXACT) {
      return p > w ? Check.ERROR : p < w ? Check.WARNING : null;
    }
    if (wq == Qualifier.EXACT) {
      return exceeds(p, pq, w) ? Check.ERROR : null;
    }
    if (pq == Qualifier.EXACT) {
      return violates(p, w, wq) ? Check.WARNING : null;
    }
    return null;
  }

  private static boolean exceeds(Known part, Known whole) {
    return whole.qualifier() == Qualifier.EXACT && part.qualifier() != Qualifier.APPROXIMATE
        && exceeds(part.value(), part.qualifier(), whole.value());
  }

  /** Whether a part (exact, or a lower bound) is certainly larger than an exact whole. */
  private static boolean exceeds(long part, Qualifier qualifier, long whole) {
    return qualifier == Qualifier.MORE_THAN ? part >= whole : part > whole;
  }

  private void record(String kind, String severity, Period period, Series series, long value, long compared,
      SortedSet<String> sources, String figures, String message) {
    String key = kind + "|" + period + "|" + series + "|" + figures;
    if (checks.containsKey(key)) {
      return;
    }
    Check c = new Check();
    c.setCheck(kind);
    c.setSeverity(severity);
    c.setPeriodStart(period.start());
    c.setPeriodEnd(period.end());
    c.setPeriodLabel(period.label());
    c.setTheater(series.theater());
    c.setMetric(series.metric());
    c.setValue(value);
    c.setComparedValue(compared);
    c.setDifference(value - compared);
    c.setFigures(figures);
    c.setSources(String.join(";", sources));
    c.setMessage(message);
    checks.put(key, c);
  }

  // Bookkeeping

  private NavigableMap<Period, Known> series(Series series) {
    return known.getOrDefault(series, EMPTY);
  }

  private static final NavigableMap<Period, Known> EMPTY = new TreeMap<>();

  private void add(Known figure) {
    known.computeIfAbsent(figure.series(), k -> new TreeMap<>()).put(figure.period(), figure);
    versions.merge(figure.series(), 1L, Long::sum);
  }

  /**
   * Whether the series a rule reads changed since the rule last started on them, and the rule starts
   * now. Each rule is a function of the series it reads, so a visit to unchanged series would find
   * nothing: skipping it saves rounds of re-reading every figure, and changes no outcome.
   */
  private boolean changedSinceLastVisit(String rule, Object scope, Series... reads) {
    long version = 0;
    for (Series series : reads) {
      version += versions.getOrDefault(series, 0L); // versions only grow: an equal sum is no change
    }
    Long last = visited.put(List.of(rule, scope), version);
    return last == null || last != version;
  }

  private static Known combine(Period period, Series series, List<Known> parts, Derivation derivation) {
    Qualifier qualifier = Qualifier.EXACT;
    for (Known k : parts) {
      qualifier = qualifier.plus(k.qualifier());
    }
    return new Known(period, series, sum(parts), qualifier, derivation, sourcesOf(parts), null);
  }

  private static SortedSet<String> sourcesOf(List<Known> figures) {
    SortedSet<String> sources = new TreeSet<>();
    figures.forEach(k -> sources.addAll(k.sources()));
    return sources;
  }

  private static long sum(List<Known> parts) {
    long total = 0;
    for (Known k : parts) {
      total = Math.addExact(total, k.value());
    }
    return total;
  }

  private static String describe(List<Known> figures) {
    return String.join(" | ", figures.stream().map(Known::describe).toList());
  }

  private static String labels(List<Known> figures) {
    return String.join(" + ", figures.stream().map(k -> k.period().label()).toList());
  }

  private List<Figure> figures() {
    List<Figure> out = new ArrayList<>();
    for (Map<Period, Known> figures : known.values()) {
      for (Known k : figures.values()) {
        Figure f = new Figure();
        f.setTable(Metric.tableOf(k.series().metric()));
        f.setPeriodStart(k.period().start());
        f.setPeriodEnd(k.period().end());
        f.setPeriodLabel(k.period().label());
        f.setGrain(k.period().grain().code());
        f.setTheater(k.series().theater());
        f.setMetric(k.series().metric());
        f.setValue(k.value());
        f.setQualifier(k.qualifier().code());
        f.setDerivation(k.derivation().code());
        f.setSources(String.join(";", k.sources()));
        f.setQuote(k.quote());
        out.add(f);
      }
    }
    out.sort(FIGURE_ORDER);
    return out;
  }

  /** Period, theater, metric: written out, as a sort of every figure compares often. */
  private static final Comparator<Figure> FIGURE_ORDER = (a, b) -> {
    int order = a.getPeriodStart().compareTo(b.getPeriodStart());
    if (order == 0) {
      order = a.getPeriodEnd().compareTo(b.getPeriodEnd());
    }
    if (order == 0) {
      order = a.getTheater().compareTo(b.getTheater());
    }
    return order != 0 ? order : a.getMetric().compareTo(b.getMetric());
  };

  private List<Check> sortedChecks() {
    List<Check> out = new ArrayList<>(checks.values());
    out.sort(Comparator.comparing(Check::getPeriodStart).thenComparing(Check::getPeriodEnd)
        .thenComparing(Check::getTheater).thenComparing(Check::getMetric).thenComparing(Check::getCheck)
        .thenComparing(Check::getFigures));
    return out;
  }
}
