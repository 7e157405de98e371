package org.campaignmetrics.derive;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
import org.campaignmetrics.model.Derivation;
import org.campaignmetrics.model.Figure;
import org.campaignmetrics.model.FigureTable;
import org.campaignmetrics.model.Metric;
import org.campaignmetrics.model.Period;
import org.campaignmetrics.model.Qualifier;
import org.campaignmetrics.model.Theater;

/**
 * The figures known so far, by series (theater and metric) and period, and the lookups the rules and
 * the cross-checks share: exact tilings of a span, the theaters of a table, the unknown calendar
 * buckets of a series.
 */
final class KnownFigures {

  record Series(String theater, String metric) {}

  /** A known figure, with the reports behind it. */
  record Known(Period period, Series series, long value, Qualifier qualifier, Derivation derivation,
      SortedSet<String> sources, String quote) {

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

  private static final NavigableMap<Period, Known> EMPTY = new TreeMap<>();

  private final Map<Series, NavigableMap<Period, Known>> known = new HashMap<>();
  /** Per table, the theater codes other than ALL and the metrics that its reports state. */
  private final Map<FigureTable, SortedSet<String>> theatersByTable = new TreeMap<>();
  private final Map<FigureTable, SortedSet<String>> metricsByTable = new TreeMap<>();
  /** How often each series has had a figure added: a rule whose series did not change finds nothing new. */
  private final Map<Series, Long> versions = new HashMap<>();
  /** Per visit of a rule (its name and what it looks at), the versions it last started from. */
  private final Map<List<Object>, Long> visited = new HashMap<>();

  /** Notes a stated figure's table, theater and metric: what rule 4 sums over. */
  void noteStated(FigureTable table, String theater, String metric) {
    metricsByTable.computeIfAbsent(table, k -> new TreeSet<>()).add(metric);
    if (!Theater.ALL.equals(theater)) {
      theatersByTable.computeIfAbsent(table, k -> new TreeSet<>()).add(theater);
    }
  }

  Map<FigureTable, SortedSet<String>> theatersByTable() {
    return theatersByTable;
  }

  /** Metrics of a table, with leaders_removed wherever its two parts are stated. */
  Set<String> metricsOf(FigureTable table) {
    SortedSet<String> metrics = new TreeSet<>(metricsByTable.getOrDefault(table, new TreeSet<>()));
    if (metrics.contains(Metric.LEADERS_KILLED) && metrics.contains(Metric.LEADERS_DETAINED)) {
      metrics.add(Metric.LEADERS_REMOVED);
    }
    return metrics;
  }

  NavigableMap<Period, Known> series(Series series) {
    return known.getOrDefault(series, EMPTY);
  }

  /** Every series known, as a copy: rules add to the map while they walk it. */
  List<Series> allSeries() {
    return new ArrayList<>(known.keySet());
  }

  void add(Known figure) {
    known.computeIfAbsent(figure.series(), k -> new TreeMap<>()).put(figure.period(), figure);
    versions.merge(figure.series(), 1L, Long::sum);
  }

  /**
   * Whether the series a rule reads changed since the rule last started on them, and the rule starts
   * now. Each rule is a function of the series it reads, so a visit to unchanged series would find
   * nothing: skipping it saves rounds of re-reading every figure, and changes no outcome.
   */
  boolean changedSinceLastVisit(String rule, Object scope, Series... reads) {
    long version = 0;
    for (Series series : reads) {
      version += versions.getOrDefault(series, 0L); // versions only grow: an equal sum is no change
    }
    Long last = visited.put(List.of(rule, scope), version);
    return last == null || last != version;
  }

  /** Periods where every theater knows the metric, with the theaters' figures, in period order. */
  Map<Period, List<Known>> theaterParts(Set<String> theaters, String metric) {
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

  /**
   * Usable known figures whose periods follow each other without gap or overlap from first to
   * last, the fewest such pieces (a breadth-first walk over their start dates), or null.
   */
  List<Known> tile(Series series, LocalDate first, LocalDate last, Predicate<Known> usable) {
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

  /** Pieces that exactly cover whole minus bucket, or null where some day is not covered. */
  List<Known> restTiling(Series series, Period whole, Period bucket, Predicate<Known> usable) {
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

  /** Calendar buckets that share a day with a known figure of the series and are not known yet. */
  SortedSet<Period> unknownBuckets(Series series) {
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

  /** The sum of parts as one figure: its qualifier the weakest of theirs, its sources all of theirs. */
  static Known combine(Period period, Series series, List<Known> parts, Derivation derivation) {
    Qualifier qualifier = Qualifier.EXACT;
    for (Known k : parts) {
      qualifier = qualifier.plus(k.qualifier());
    }
    return new Known(period, series, sum(parts), qualifier, derivation, sourcesOf(parts), null);
  }

  static SortedSet<String> sourcesOf(List<Known> figures) {
    SortedSet<String> sources = new TreeSet<>();
    figures.forEach(k -> sources.addAll(k.sources()));
    return sources;
  }

  /** Exact: a sum past the range of a long stops the run (see the job), never wraps around. */
  static long sum(List<Known> parts) {
    long total = 0;
    for (Known k : parts) {
      total = Math.addExact(total, k.value());
    }
    return total;
  }

  static String describe(List<Known> figures) {
    return String.join(" | ", figures.stream().map(Known::describe).toList());
  }

  static String labels(List<Known> figures) {
    return String.join(" + ", figures.stream().map(k -> k.period().label()).toList());
  }

  /** Every known figure, sorted by period, theater and metric. */
  List<Figure> figures() {
    List<Figure> out = new ArrayList<>();
    for (Map<Period, Known> figures : known.values()) {
      for (Known k : figures.values()) {
        out.add(new Figure(FigureTable.of(k.series().metric()), k.period(), k.series().theater(), k.series().metric(),
            k.value(), k.qualifier(), k.derivation(), String.join(";", k.sources()), k.quote()));
      }
    }
    out.sort(FIGURE_ORDER);
    return out;
  }

  /** Period, theater, metric: written out, as a sort of every figure compares often. */
  private static final Comparator<Figure> FIGURE_ORDER = (a, b) -> {
    int order = a.period().start().compareTo(b.period().start());
    if (order == 0) {
      order = a.period().end().compareTo(b.period().end());
    }
    if (order == 0) {
      order = a.theater().compareTo(b.theater());
    }
    return order != 0 ? order : a.metric().compareTo(b.metric());
  };
}
