package org.campaignmetrics.derive;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.campaignmetrics.Metric;
import org.campaignmetrics.Period;

/**
 * Rules 3 to 5 on one table's statements: pick one figure per (period, theater, metric) across
 * reports, then fill the ALL theater and the calendar buckets until nothing changes.
 *
 * <p>It works on aggregated statements, whose number depends on periods, theaters and reports,
 * never on the input's row count, so it runs as plain Java inside one Spark task per table.
 */
public final class DerivationEngine {

  /** Rule 3: official before media, then the latest publication date, undated last, then report id. */
  public static final Comparator<Statement> REPORT_PRIORITY =
      Comparator.comparingInt((Statement s) -> "official".equals(s.getSourceType()) ? 0 : 1)
          .thenComparing(Statement::getPublishedOn, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(Statement::getReportId);

  private record Series(String theater, String metric) {}

  private record Known(Period period, Series series, long value, Derivation derivation,
      SortedSet<String> sources, String quote) {}

  /** Within one start date, try coarse pieces first, and stated ones before derived ones. */
  private static final Comparator<Known> PIECE_ORDER =
      Comparator.comparing((Known k) -> k.period().end(), Comparator.reverseOrder())
          .thenComparing(Known::derivation);

  /** For a difference, prefer the smallest containing figure, then the best-founded one. */
  private static final Comparator<Known> CONTAINER_ORDER =
      Comparator.comparingLong((Known k) -> k.period().days())
          .thenComparing(Known::derivation)
          .thenComparing(Known::period);

  private final Map<Series, Map<Period, Known>> known = new HashMap<>();
  /** Per table, the theater codes other than ALL and the metrics that its reports state. */
  private final Map<String, SortedSet<String>> theatersByTable = new TreeMap<>();
  private final Map<String, SortedSet<String>> metricsByTable = new TreeMap<>();

  private DerivationEngine() {}

  public static List<Figure> derive(Iterable<Statement> statements) {
    DerivationEngine engine = new DerivationEngine();
    engine.resolveSources(statements);
    engine.fillUntilStable();
    return engine.figures();
  }

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
      add(new Known(period, series, winner.getValue(), Derivation.REPORTED, sources, winner.getQuote()));
    }));
  }

  private void fillUntilStable() {
    while (true) {
      while (sumTheaters() + sumTilings() > 0) {
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
      Set<String> theaters = table.getValue();
      for (String metric : metricsByTable.get(table.getKey())) {
        SortedSet<Period> periods = new TreeSet<>();
        for (String theater : theaters) {
          periods.addAll(series(new Series(theater, metric)).keySet());
        }
        Series all = new Series(Metric.ALL_THEATERS, metric);
        for (Period period : periods) {
          if (series(all).containsKey(period)) {
            continue;
          }
          List<Known> parts = new ArrayList<>();
          for (String theater : theaters) {
            Known part = series(new Series(theater, metric)).get(period);
            if (part == null) {
              break;
            }
            parts.add(part);
          }
          if (parts.size() == theaters.size()) {
            add(combine(period, all, sum(parts), Derivation.SUMMED, parts));
            added++;
          }
        }
      }
    }
    return added;
  }

  /** Rule 5, first half: a calendar bucket exactly tiled by known figures is their sum. */
  private int sumTilings() {
    int added = 0;
    for (Series series : new ArrayList<>(known.keySet())) {
      for (Period bucket : unknownBuckets(series)) {
        List<Known> tiling = tile(series, bucket.start(), bucket.end());
        if (tiling != null) {
          add(combine(bucket, series, sum(tiling), Derivation.SUMMED, tiling));
          added++;
        }
      }
    }
    return added;
  }

  /**
   * Rule 5, second half: a known longer figure minus known figures that exactly tile the rest. All
   * differences of a round are found against the same known set, so that any bucket a sum can reach
   * afterwards gets the sum.
   */
  private int applyDifferences() {
    List<Known> found = new ArrayList<>();
    for (Series series : new ArrayList<>(known.keySet())) {
      Collection<Known> figures = series(series).values();
      for (Period bucket : unknownBuckets(series)) {
        List<Known> containers = figures.stream()
            .filter(f -> f.period().contains(bucket) && !f.period().equals(bucket))
            .sorted(CONTAINER_ORDER)
            .toList();
        for (Known whole : containers) {
          List<Known> rest = restTiling(series, whole.period(), bucket);
          if (rest == null) {
            continue;
          }
          long value = whole.value() - sum(rest);
          if (value < 0) {
            continue; // a negative difference means the inputs disagree; it is not used
          }
          List<Known> inputs = new ArrayList<>(rest);
          inputs.add(whole);
          found.add(combine(bucket, series, value, Derivation.DIFFERENCE, inputs));
          break;
        }
      }
    }
    found.forEach(this::add);
    return found.size();
  }

  /** Pieces that exactly cover whole minus bucket, or null where some day is not covered. */
  private List<Known> restTiling(Series series, Period whole, Period bucket) {
    List<Known> rest = new ArrayList<>();
    if (whole.start().isBefore(bucket.start())) {
      List<Known> before = tile(series, whole.start(), bucket.start().minusDays(1));
      if (before == null) {
        return null;
      }
      rest.addAll(before);
    }
    if (whole.end().isAfter(bucket.end())) {
      List<Known> after = tile(series, bucket.end().plusDays(1), whole.end());
      if (after == null) {
        return null;
      }
      rest.addAll(after);
    }
    return rest;
  }

  /**
   * Known figures whose periods follow each other without gap or overlap from first to last, the
   * fewest such pieces (a breadth-first walk over their start dates), or null if there is none.
   */
  private List<Known> tile(Series series, LocalDate first, LocalDate last) {
    Map<LocalDate, List<Known>> byStart = new HashMap<>();
    for (Known k : series(series).values()) {
      if (!k.period().start().isBefore(first) && !k.period().end().isAfter(last)) {
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
    for (Period period : figures.keySet()) {
      for (Period bucket : period.overlappingCalendarBuckets()) {
        if (!figures.containsKey(bucket)) {
          buckets.add(bucket);
        }
      }
    }
    return buckets;
  }

  private Map<Period, Known> series(Series series) {
    return known.getOrDefault(series, Map.of());
  }

  private void add(Known figure) {
    known.computeIfAbsent(figure.series(), k -> new HashMap<>()).put(figure.period(), figure);
  }

  private static Known combine(Period period, Series series, long value, Derivation derivation,
      List<Known> inputs) {
    SortedSet<String> sources = new TreeSet<>();
    inputs.forEach(k -> sources.addAll(k.sources()));
    return new Known(period, series, value, derivation, sources, null);
  }

  private static long sum(List<Known> parts) {
    long total = 0;
    for (Known k : parts) {
      total = Math.addExact(total, k.value());
    }
    return total;
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
        f.setDerivation(k.derivation().code());
        f.setSources(String.join(";", k.sources()));
        f.setQuote(k.quote());
        out.add(f);
      }
    }
    out.sort(Comparator.comparing(Figure::getPeriodStart).thenComparing(Figure::getPeriodEnd)
        .thenComparing(Figure::getTheater).thenComparing(Figure::getMetric));
    return out;
  }
}
