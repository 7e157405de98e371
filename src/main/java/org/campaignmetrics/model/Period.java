package org.campaignmetrics.model;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Set;

/** An inclusive date interval: the span a figure covers. */
public record Period(LocalDate start, LocalDate end) implements Serializable, Comparable<Period> {

  public Period {
    if (start == null || end == null) {
      throw new IllegalArgumentException("a period needs a start and an end");
    }
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("period ends before it starts: " + start + "/" + end);
    }
  }

  /** A DATE value as Spark hands it over: LocalDate under its Java 8 time API, java.sql.Date otherwise; null stays null. */
  public static LocalDate day(Object sparkDate) {
    return sparkDate == null || sparkDate instanceof LocalDate ? (LocalDate) sparkDate
        : ((java.sql.Date) sparkDate).toLocalDate();
  }

  public static Period of(String start, String end) {
    return new Period(LocalDate.parse(start), LocalDate.parse(end));
  }

  public static Period month(int year, int month) {
    LocalDate start = LocalDate.of(year, month, 1);
    return new Period(start, start.plusMonths(1).minusDays(1));
  }

  public static Period quarter(int year, int quarter) {
    LocalDate start = LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
    return new Period(start, start.plusMonths(3).minusDays(1));
  }

  public static Period half(int year, int half) {
    LocalDate start = LocalDate.of(year, half == 1 ? 1 : 7, 1);
    return new Period(start, start.plusMonths(6).minusDays(1));
  }

  public static Period year(int year) {
    return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  /** Days covered, both ends included. */
  public long days() {
    return ChronoUnit.DAYS.between(start, end) + 1;
  }

  public boolean contains(Period other) {
    return !other.start.isBefore(start) && !other.end.isAfter(end);
  }

  public boolean overlaps(Period other) {
    return !other.end.isBefore(start) && !other.start.isAfter(end);
  }

  public Grain grain() {
    if (start.equals(end)) {
      return Grain.DAY;
    }
    if (start.getDayOfMonth() != 1) {
      return Grain.CUSTOM;
    }
    int month = start.getMonthValue();
    if (end.equals(start.plusMonths(1).minusDays(1))) {
      return Grain.MONTH;
    }
    if ((month - 1) % 3 == 0 && end.equals(start.plusMonths(3).minusDays(1))) {
      return Grain.QUARTER;
    }
    if ((month == 1 || month == 7) && end.equals(start.plusMonths(6).minusDays(1))) {
      return Grain.HALF;
    }
    if (month == 1 && end.equals(start.plusYears(1).minusDays(1))) {
      return Grain.YEAR;
    }
    return Grain.CUSTOM;
  }

  /** 2024-03-05, 2024-03, 2024-Q2, 2024-H1, 2024, or the ISO interval 2024-08-29/2024-11-04. */
  public String label() {
    int year = start.getYear();
    return switch (grain()) {
      case DAY -> start.toString();
      case MONTH -> year + (start.getMonthValue() < 10 ? "-0" : "-") + start.getMonthValue(); // not String.format: every table row asks
      case QUARTER -> year + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
      case HALF -> year + "-H" + (start.getMonthValue() == 1 ? 1 : 2);
      case YEAR -> Integer.toString(year);
      case CUSTOM -> start + "/" + end;
    };
  }

  /** Every calendar month, quarter, half and year that shares at least one day with this period. */
  public Set<Period> overlappingCalendarBuckets() {
    Set<Period> buckets = new LinkedHashSet<>();
    for (LocalDate m = start.withDayOfMonth(1); !m.isAfter(end); m = m.plusMonths(1)) {
      int year = m.getYear();
      int month = m.getMonthValue();
      buckets.add(month(year, month));
      buckets.add(quarter(year, (month - 1) / 3 + 1));
      buckets.add(half(year, month <= 6 ? 1 : 2));
      buckets.add(year(year));
    }
    return buckets;
  }

  /** Calendar buckets lying wholly inside this period (rule 2: a report's declared coverage). */
  public Set<Period> calendarBucketsInside() {
    Set<Period> inside = new LinkedHashSet<>();
    for (Period bucket : overlappingCalendarBuckets()) {
      if (contains(bucket)) {
        inside.add(bucket);
      }
    }
    return inside;
  }

  @Override
  public int compareTo(Period other) {
    int byStart = start.compareTo(other.start);
    return byStart != 0 ? byStart : end.compareTo(other.end);
  }

  @Override
  public String toString() {
    return start + "/" + end;
  }
}
