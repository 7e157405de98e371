package org.campaignmetrics.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.campaignmetrics.model.Derivation;
import org.campaignmetrics.model.FigureTable;
import org.campaignmetrics.model.Metric;
import org.campaignmetrics.model.Period;
import org.campaignmetrics.model.Qualifier;
import org.campaignmetrics.model.Report;
import org.campaignmetrics.model.Statement;
import org.junit.jupiter.api.Test;

class CoverageRuleTest {
  private static final Report EVENTS = new Report("events", "official", LocalDate.of(2024, 4, 2),
      Period.of("2024-01-01", "2024-03-31"));
  private static final Report RELEASE = new Report("release", "official", LocalDate.of(2024, 4, 2), null);
  private final List<Statement> records = new ArrayList<>();

  private CoverageRuleTest record(Report report, String start, String end, String theater, String metric, Long value) {
    records.add(new Statement(FigureTable.of(metric), report, Period.of(start, end), theater, metric, value,
        value == null ? null : Qualifier.EXACT, null, Derivation.REPORTED));
    return this;
  }

  private Statement find(List<Statement> statements, String report, Period period, String theater, String metric) {
    return statements.stream().filter(s -> s.reportId().equals(report)
            && s.period().start().equals(period.start()) && s.period().end().equals(period.end())
            && s.theater().equals(theater) && s.metric().equals(metric))
        .findFirst().orElseThrow(() -> new AssertionError("no statement " + period + " " + theater + " " + metric));
  }

  private List<Statement> apply() {
    return CoverageRule.apply(records);
  }

  @Test
  void bucketsInsideTheCoverageAreSummedOrZero() {
    record(EVENTS, "2024-01-05", "2024-01-05", "IRAQ", Metric.KILLED, 2L)
        .record(EVENTS, "2024-01-09", "2024-01-09", "IRAQ", Metric.KILLED, 1L)
        .record(EVENTS, "2024-03-02", "2024-03-02", "SYRIA", Metric.KILLED, 4L);
    List<Statement> statements = apply();
    assertEquals(3L, find(statements, "events", Period.month(2024, 1), "IRAQ", Metric.KILLED).value());
    assertEquals(0L, find(statements, "events", Period.month(2024, 2), "IRAQ", Metric.KILLED).value());
    assertEquals(0L, find(statements, "events", Period.month(2024, 1), "SYRIA", Metric.KILLED).value());
    assertEquals(4L, find(statements, "events", Period.quarter(2024, 1), "SYRIA", Metric.KILLED).value());
    Statement quarter = find(statements, "events", Period.quarter(2024, 1), "IRAQ", Metric.KILLED);
    assertEquals(3L, quarter.value());
    assertEquals("official", quarter.report().sourceType());
    // a half-year reaches past the coverage: no bucket for it
    assertFalse(statements.stream().anyMatch(s -> s.period().end().equals(LocalDate.of(2024, 6, 30))));
  }

  @Test
  void aMetricTheReportNeverStatesStaysUnknown() {
    record(EVENTS, "2024-01-05", "2024-01-05", "IRAQ", Metric.KILLED, 2L)
        .record(EVENTS, "2024-01-05", "2024-01-05", "IRAQ", Metric.DETAINED, null);
    assertFalse(apply().stream().anyMatch(s -> s.metric().equals(Metric.DETAINED) && s.value() != null));
  }

  @Test
  void aStraddlingRecordOrAnUnknownValueMakesTheBucketUnknown() {
    record(EVENTS, "2024-01-25", "2024-02-05", "IRAQ", Metric.KILLED, 5L)
        .record(EVENTS, "2024-03-05", "2024-03-05", "IRAQ", Metric.KILLED, null)
        .record(EVENTS, "2024-03-07", "2024-03-07", "IRAQ", Metric.KILLED, 1L);
    List<Statement> statements = apply();
    assertNull(find(statements, "events", Period.month(2024, 1), "IRAQ", Metric.KILLED).value());
    assertNull(find(statements, "events", Period.month(2024, 2), "IRAQ", Metric.KILLED).value());
    assertNull(find(statements, "events", Period.month(2024, 3), "IRAQ", Metric.KILLED).value());
    assertNull(find(statements, "events", Period.quarter(2024, 1), "IRAQ", Metric.KILLED).value());
  }

  @Test
  void aBucketReplacesARecordOfTheSamePeriodAndAReportWithoutCoverageGetsNoBuckets() {
    record(EVENTS, "2024-02-01", "2024-02-29", "IRAQ", Metric.MISSIONS, 10L)
        .record(EVENTS, "2024-02-14", "2024-02-14", "IRAQ", Metric.MISSIONS, 1L)
        .record(RELEASE, "2024-02-14", "2024-02-14", "IRAQ", Metric.MISSIONS, 7L);
    List<Statement> statements = apply();
    assertEquals(11L, find(statements, "events", Period.month(2024, 2), "IRAQ", Metric.MISSIONS).value());
    assertEquals(1, statements.stream().filter(s -> s.reportId().equals("release")).count());
  }
}
