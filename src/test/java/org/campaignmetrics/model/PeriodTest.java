package org.campaignmetrics.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PeriodTest {

  @Test
  void labelsAndGrainsFollowTheCalendar() {
    assertLabel("2024-03-05", "2024-03-05", "2024-03-05", Grain.DAY);
    assertLabel("2024-02-01", "2024-02-29", "2024-02", Grain.MONTH);
    assertLabel("2023-02-01", "2023-02-28", "2023-02", Grain.MONTH);
    assertLabel("2024-04-01", "2024-06-30", "2024-Q2", Grain.QUARTER);
    assertLabel("2024-01-01", "2024-06-30", "2024-H1", Grain.HALF);
    assertLabel("2024-07-01", "2024-12-31", "2024-H2", Grain.HALF);
    assertLabel("2023-01-01", "2023-12-31", "2023", Grain.YEAR);
    assertLabel("2024-08-29", "2024-11-04", "2024-08-29/2024-11-04", Grain.CUSTOM);
    // Three months that are not a calendar quarter, and a leap-year February cut short.
    assertLabel("2024-02-01", "2024-04-30", "2024-02-01/2024-04-30", Grain.CUSTOM);
    assertLabel("2024-02-01", "2024-02-28", "2024-02-01/2024-02-28", Grain.CUSTOM);
  }

  @Test
  void daysIncludeBothEnds() {
    assertEquals(68, Period.of("2024-08-29", "2024-11-04").days());
    assertEquals(182, Period.half(2024, 1).days());
    assertEquals(181, Period.half(2023, 1).days());
    assertEquals(1, Period.of("2024-02-29", "2024-02-29").days());
  }

  @Test
  void calendarBucketsInsideAPeriod() {
    Set<Period> inside = Period.of("2024-03-15", "2024-07-31").calendarBucketsInside();
    assertEquals(Set.of(Period.month(2024, 4), Period.month(2024, 5), Period.month(2024, 6),
        Period.month(2024, 7), Period.quarter(2024, 2)), inside);
    assertTrue(Period.of("2024-08-29", "2024-11-04").overlappingCalendarBuckets()
        .containsAll(Set.of(Period.month(2024, 8), Period.month(2024, 11), Period.quarter(2024, 4),
            Period.half(2024, 2), Period.year(2024))));
  }

  @Test
  void aPeriodCannotEndBeforeItStarts() {
    assertThrows(IllegalArgumentException.class, () -> Period.of("2024-02-02", "2024-02-01"));
  }

  private static void assertLabel(String start, String end, String label, Grain grain) {
    Period period = Period.of(start, end);
    assertEquals(label, period.label(), period.toString());
    assertEquals(grain, period.grain(), period.toString());
  }
}
