package org.campaignmetrics.derive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.campaignmetrics.Period;
import org.campaignmetrics.Qualifier;

/**
 * Rule 2: a report that declares coverage is complete for it. For every calendar month, quarter,
 * half and year inside the coverage, each theater the report names (in that table) and each metric
 * it states anywhere, the report's records inside the bucket are summed, and a bucket with none is
 * 0. A bucket that one of the report's records straddles, or that holds a record with the metric
 * empty, is unknown. Works on the records after rule 1, so its cost does not grow with row count.
 */
public final class CoverageRule {
  private CoverageRule() {}

  private record Key(String reportId, String table, Period period, String theater, String metric) {}

  private record Scope(String reportId, String table, String metric) {}

  /**
   * The statements after rule 2: every record (value may be null: unknown), with each coverage
   * bucket added and replacing a record of the same period, since the bucket also counts the
   * records inside it. Each statement carries its report's source_type and published_on.
   */
  public static List<Statement> apply(List<Statement> records, Map<String, Report> reports) {
    Map<Key, Statement> byKey = new LinkedHashMap<>();
    Map<Scope, Set<String>> theatersByScope = new HashMap<>();
    Map<Scope, List<Statement>> recordsByScope = new HashMap<>();
    for (Statement r : records) {
      Report report = Objects.requireNonNull(reports.get(r.getReportId()), r.getReportId());
      r.setSourceType(report.sourceType());
      r.setPublishedOn(report.publishedOn());
      byKey.put(key(r), r);
      if (report.coverage() != null) {
        Scope scope = new Scope(r.getReportId(), r.getTable(), r.getMetric());
        recordsByScope.computeIfAbsent(scope, s -> new ArrayList<>()).add(r);
      }
    }
    // theaters named by a covering report in a table, whatever the metric
    recordsByScope.forEach((scope, list) -> list.forEach(r -> theatersByScope
        .computeIfAbsent(new Scope(scope.reportId(), scope.table(), null), s -> new TreeSet<>())
        .add(r.getTheater())));

    for (Map.Entry<Scope, List<Statement>> entry : recordsByScope.entrySet()) {
      List<Statement> scoped = entry.getValue();
      if (scoped.stream().allMatch(r -> r.getValue() == null)) {
        continue; // a metric the report never states stays unknown
      }
      Scope scope = entry.getKey();
      Report report = reports.get(scope.reportId());
      Set<String> theaters = theatersByScope.get(new Scope(scope.reportId(), scope.table(), null));
      Map<String, ByStart> byTheater = new HashMap<>();
      for (String theater : theaters) {
        byTheater.put(theater, new ByStart(scoped.stream().filter(r -> r.getTheater().equals(theater)).toList()));
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
      this.records.sort(java.util.Comparator.comparing(Statement::getPeriodStart));
      this.longestDays = records.stream().mapToLong(r -> new Period(r.getPeriodStart(), r.getPeriodEnd()).days())
          .max().orElse(1);
    }

    /** The records that share a day with the bucket: those starting before it by less than the longest record. */
    List<Statement> meeting(Period bucket) {
      java.time.LocalDate earliest = bucket.start().minusDays(longestDays - 1);
      int low = 0;
      int high = records.size();
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (records.get(middle).getPeriodStart().isBefore(earliest)) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      List<Statement> meeting = new ArrayList<>();
      for (int i = low; i < records.size() && !records.get(i).getPeriodStart().isAfter(bucket.end()); i++) {
        if (!records.get(i).getPeriodEnd().isBefore(bucket.start())) {
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
      Period period = new Period(r.getPeriodStart(), r.getPeriodEnd());
      if (!bucket.contains(period) || r.getValue() == null) {
        total = null; // straddles the bucket's edge, or unknown: the bucket cannot be summed
        break;
      }
      total = Math.addExact(total, r.getValue());
      qualifier = qualifier.plus(Qualifier.fromCode(r.getQualifier()));
    }
    Statement s = new Statement();
    s.setTable(scope.table());
    s.setReportId(report.reportId());
    s.setSourceType(report.sourceType());
    s.setPublishedOn(report.publishedOn());
    s.setPeriodStart(bucket.start());
    s.setPeriodEnd(bucket.end());
    s.setTheater(theater);
    s.setMetric(scope.metric());
    s.setValue(total);
    s.setQualifier(qualifier.code());
    return s;
  }

  private static Key key(Statement s) {
    return new Key(s.getReportId(), s.getTable(), new Period(s.getPeriodStart(), s.getPeriodEnd()),
        s.getTheater(), s.getMetric());
  }
}
