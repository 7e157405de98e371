package org.campaignmetrics.derive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.campaignmetrics.model.Derivation;
import org.campaignmetrics.model.FigureTable;
import org.campaignmetrics.model.Period;
import org.campaignmetrics.model.Qualifier;
import org.campaignmetrics.model.Report;
import org.campaignmetrics.model.Statement;

/**
 * Rule 2: a report that declares coverage is complete for it. For every calendar month, quarter,
 * half and year inside the coverage, each theater the report names (in that table) and each metric
 * it states anywhere, the report's records inside the bucket are summed, and a bucket with none is
 * 0. A bucket that one of the report's records straddles, or that holds a record with the metric
 * empty, is unknown. Works on the records after rule 1, so its cost does not grow with row count.
 */
public final class CoverageRule {
  private CoverageRule() {}

  private record Key(String reportId, FigureTable table, Period period, String theater, String metric) {}

  private record Scope(String reportId, FigureTable table, String metric) {}

  /**
   * The statements after rule 2: every record (value may be null: unknown), with each coverage
   * bucket added and replacing a record of the same period, since the bucket also counts the
   * records inside it. The records are not changed: the result is a new list.
   */
  public static List<Statement> apply(List<Statement> records) {
    Map<Key, Statement> byKey = new LinkedHashMap<>();
    Map<Scope, Set<String>> theatersByScope = new HashMap<>();
    Map<Scope, List<Statement>> recordsByScope = new HashMap<>();
    Map<String, Report> reports = new HashMap<>();
    for (Statement r : records) {
      byKey.put(key(r), r);
      if (r.report().coverage() != null) {
        reports.put(r.reportId(), r.report());
        recordsByScope.computeIfAbsent(new Scope(r.reportId(), r.table(), r.metric()), s -> new ArrayList<>()).add(r);
      }
    }
    // theaters named by a covering report in a table, whatever the metric
    recordsByScope.forEach((scope, list) -> list.forEach(r -> theatersByScope
        .computeIfAbsent(new Scope(scope.reportId(), scope.table(), null), s -> new TreeSet<>())
        .add(r.theater())));

    for (Map.Entry<Scope, List<Statement>> entry : recordsByScope.entrySet()) {
      List<Statement> scoped = entry.getValue();
      if (scoped.stream().noneMatch(Statement::stated)) {
        continue; // a metric the report never states stays unknown
      }
      Scope scope = entry.getKey();
      Report report = reports.get(scope.reportId());
      Set<String> theaters = theatersByScope.get(new Scope(scope.reportId(), scope.table(), null));
      Map<String, ByStart> byTheater = new HashMap<>();
      for (String theater : theaters) {
        byTheater.put(theater, new ByStart(scoped.stream().filter(r -> r.theater().equals(theater)).toList()));
      }
      for (Period bucket : report.coverage().calendarBucketsInside()) {
        for (String theater : theaters) {
          Statement s = bucketStatement(report, scope, bucket, theater, byTheater.get(theater).meeting(bucket));
          byKey.put(key(s), s);
        }
      }
    }
    return new ArrayList<>(byKey.values());
  }

  /**
   * One theater's records of a scope, by start date, so that the records meeting a bucket are found
   * without looking at every record of the coverage (event-level reports have thousands).
   */
  private static final class ByStart {
    private final List<Statement> records;
    private final long longestDays;

    ByStart(List<Statement> records) {
      this.records = new ArrayList<>(records);
      this.records.sort(java.util.Comparator.comparing(r -> r.period().start()));
      this.longestDays = records.stream().mapToLong(r -> r.period().days()).max().orElse(1);
    }

    /** The records that share a day with the bucket: those starting before it by less than the longest record. */
    List<Statement> meeting(Period bucket) {
      java.time.LocalDate earliest = bucket.start().minusDays(longestDays - 1);
      int low = 0;
      int high = records.size();
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (records.get(middle).period().start().isBefore(earliest)) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      List<Statement> meeting = new ArrayList<>();
      for (int i = low; i < records.size() && !records.get(i).period().start().isAfter(bucket.end()); i++) {
        if (!records.get(i).period().end().isBefore(bucket.start())) {
          meeting.add(records.get(i));
        }
      }
      return meeting;
    }
  }

  private static Statement bucketStatement(Report report, Scope scope, Period bucket, String theater,
      List<Statement> meeting) {
    Long total = 0L;
    Qualifier qualifier = Qualifier.EXACT;
    for (Statement r : meeting) {
      if (!bucket.contains(r.period()) || !r.stated()) {
        total = null; // straddles the bucket's edge, or unknown: the bucket cannot be summed
        break;
      }
      total = Math.addExact(total, r.value());
      qualifier = qualifier.plus(r.qualifier());
    }
    return new Statement(scope.table(), report, bucket, theater, scope.metric(), total,
        total == null ? null : qualifier, null, Derivation.SUMMED);
  }

  private static Key key(Statement s) {
    return new Key(s.reportId(), s.table(), s.period(), s.theater(), s.metric());
  }
}
