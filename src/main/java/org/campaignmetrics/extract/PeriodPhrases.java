package org.campaignmetrics.extract;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Period phrases: the spans of time a figure can be stated for, each a named pattern resolved to
 * dates. Explicit ranges ("from January to June 2024", "Oct. 1 to Nov. 6", "between December 20 and
 * 29"), named periods ("the first half of 2024", "the first quarter", "the month of July 2023",
 * "in 2023"), one day ("On October 22"), periods relative to the reference date, the document's
 * publication date ("since August 29", "this year", "last month"), back-references to the period
 * already stated ("During this period", "The above operations") and vague phrases ("late October",
 * "recent weeks") that no date can be read from, which send their figures to review.
 *
 * <p>Month names are matched capitalised only, so that the verb "may" is never a month.
 */
public final class PeriodPhrases {
  private PeriodPhrases() {}

  /** A period found in a text: its dates, or a back-reference, or a vague phrase (why it has no dates). */
  public record Mention(int start, int end, String text, LocalDate from, LocalDate to, Kind kind, String problem) {
    public boolean dated() {
      return kind == Kind.DATED;
    }
  }

  public enum Kind {
    /** From and to are known. */
    DATED,
    /** "During this period", "the above operations": the period stated before. */
    CARRY,
    /** A period no dates can be read from: "late October", "recent weeks", a month without a year and no date to place it. */
    VAGUE,
    /** The day a statement was made ("said on Friday"): not a period of any figure. */
    REPORT
  }

  static final String MONTH = "(Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|Jun(?:e|\\.)?|Jul(?:y|\\.)?|"
      + "Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)";
  private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
  private static final String YEAR = "((?:19|20)\\d{2})";
  private static final String TO = "\\s*(?:to|through|thru|until|till|and|–|—|-)\\s*";

  /** "from January to June 2024", "Oct. 1 to Nov. 6", "Jan. 1, 2024 – March 31, 2024", "between December 20 and 29". */
  static final Pattern RANGE = Pattern.compile("(?:(?i:from|between)\\s+)?\\b" + MONTH + "(?:\\s+" + DAY + ")?(?:,?\\s+"
      + YEAR + ")?,?" + TO + "(?:" + MONTH + "(?:\\s+" + DAY + ")?|" + DAY + ")(?:,?\\s+" + YEAR + ")?(?![\\w])");
  /** "On October 22", "on Oct. 22, 2024": one day. */
  static final Pattern DAY_ON = Pattern.compile("\\b(?i:on|of)\\s+" + MONTH + "\\s+" + DAY + "(?:,?\\s+" + YEAR + ")?(?![\\w])");
  /** "the first half of 2024", "second half 2023", "H1 2024". */
  static final Pattern HALF = Pattern.compile("(?i)\\b(?:(first|second)\\s+(?:half|six\\s+months)(?:\\s+of)?(?:\\s+(?:the\\s+)?(?:year\\s+)?"
      + YEAR + ")?|\\bH([12])\\s+" + YEAR + ")\\b");
  /** "the first quarter of 2024", "fourth quarter 2023", "Q1 2024". */
  static final Pattern QUARTER = Pattern.compile("(?i)\\b(?:(first|second|third|fourth|1st|2nd|3rd|4th)\\s+quarter"
      + "(?:\\s+of)?(?:\\s+(?:the\\s+)?(?:year\\s+)?" + YEAR + ")?|\\bQ([1-4])\\s+" + YEAR + ")\\b");
  /** "the month of July 2023", "July 2023", "May 2023". */
  static final Pattern MONTH_YEAR = Pattern.compile("\\b(?:(?i:the\\s+month\\s+of)\\s+)?" + MONTH + ",?\\s+" + YEAR + "\\b");
  /** "in July", "during the month of June", "last April", "Back in June": a month without its year. */
  static final Pattern MONTH_ALONE = Pattern.compile("\\b(?i:in|during|for|last|throughout|of)\\s+(?:(?i:the\\s+month\\s+of)\\s+)?"
      + MONTH + "(?!\\w)(?!\\s+\\d)");
  /** "The July missions", "the June numbers": the month of the figures, without its year. */
  static final Pattern MONTH_NOUN = Pattern.compile("\\b(?i:the)\\s+" + MONTH + "\\s+(?i:missions|operations|numbers|figures|"
      + "tally|totals?|raids|strikes)\\b");
  /** "in 2023", "throughout 2023", "during the year 2023", "for 2023", "of 2023". */
  static final Pattern YEAR_ALONE = Pattern.compile("(?i)\\b(?:in|throughout|during|for|over|of)\\s+(?:(?:the\\s+)?(?:calendar\\s+)?year\\s+)?"
      + YEAR + "\\b(?!\\s*[-–—]\\s*\\d)");
  /** "since August 29", "since Aug. 29, 2024", "since January", "since the start of the year". */
  static final Pattern SINCE = Pattern.compile("\\b(?i:since)\\s+(?:" + MONTH + "(?:\\s+" + DAY + ")?(?:,?\\s+" + YEAR
      + ")?|(?i:the\\s+(?:start|beginning)\\s+of\\s+(?:the\\s+|this\\s+)?year))(?![\\w])");
  /** "this year", "so far this year", "last year", "the previous year", "last month". */
  static final Pattern RELATIVE = Pattern.compile("(?i)\\b(this\\s+year|last\\s+year|the\\s+previous\\s+year|"
      + "the\\s+past\\s+year|year[- ]to[- ]date|last\\s+month|the\\s+previous\\s+month|the\\s+past\\s+month)\\b");
  static final String WEEKDAY_NAMES = "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
  /** "on Saturday": the last such day on or before the publication date. */
  static final Pattern WEEKDAY = Pattern.compile("\\b(?:(?i:on)\\s+)?" + WEEKDAY_NAMES + "\\b");
  /**
   * Words that make a weekday the date of the report rather than of the figures: "said on Friday",
   * "on Thursday announced", "a press release by CENTCOM on Wednesday".
   */
  static final Pattern REPORTING = Pattern.compile("(?i)\\b(?:said|says|announced|announces|reported|reports|declared|stated|"
      + "revealed|statement|press\\s+release|release|announcement|told)\\b");
  /** Back-references: the period stated before in the document. */
  static final Pattern CARRY = Pattern.compile("(?i)\\b(this\\s+period|that\\s+period|the\\s+same\\s+period|"
      + "the\\s+above\\s+operations|(?:over\\s+the\\s+course\\s+of|throughout|during)\\s+the\\s+year|these\\s+operations|those\\s+operations|the\\s+operations|this\\s+time|these\\s+missions)\\b");
  /** Periods no dates can be read from. */
  static final Pattern VAGUE = Pattern.compile("\\b(?:(?i:late|early|mid|mid-|the\\s+end\\s+of|the\\s+beginning\\s+of|"
      + "the\\s+start\\s+of|the\\s+middle\\s+of)\\s*" + MONTH + "(?!\\s+\\d)|(?i:(?:in\\s+)?recent\\s+(?:days|weeks|months)|"
      + "the\\s+(?:past|last)\\s+(?:few\\s+|several\\s+|\\w+\\s+)?(?:days|weeks|months)|last\\s+week|this\\s+week|"
      + "this\\s+month|the\\s+same\\s+month|over\\s+the\\s+weekend|since\\s+then|in\\s+years\\s+past))");

  /**
   * Every period phrase in the text. {@code reference} (the publication date, may be null) places
   * phrases without a year and relative ones; {@code contextYear} (the year of the period stated
   * before, may be null) places "the first quarter" and "the first half".
   */
  public static List<Mention> find(String text, LocalDate reference, Integer contextYear) {
    List<Mention> found = new ArrayList<>();
    Matcher m = RANGE.matcher(text);
    while (m.find()) {
      range(m, reference, found);
    }
    m = DAY_ON.matcher(text);
    while (m.find()) {
      int month = month(m.group(1));
      int day = Integer.parseInt(m.group(2));
      Integer year = m.group(3) != null ? Integer.valueOf(m.group(3)) : latestYear(reference, month, day);
      add(found, m, year == null ? null : safeDate(year, month, day), year == null ? null : safeDate(year, month, day),
          "no year for " + m.group().trim());
    }
    m = HALF.matcher(text);
    while (m.find()) {
      int half = m.group(1) != null ? (m.group(1).equalsIgnoreCase("first") ? 1 : 2) : Integer.parseInt(m.group(3));
      String y = m.group(2) != null ? m.group(2) : m.group(4);
      Integer year = y != null ? Integer.valueOf(y) : contextYear;
      add(found, m, year == null ? null : LocalDate.of(year, half == 1 ? 1 : 7, 1),
          year == null ? null : LocalDate.of(year, half == 1 ? 6 : 12, half == 1 ? 30 : 31), "no year for " + m.group());
    }
    m = QUARTER.matcher(text);
    while (m.find()) {
      int quarter = m.group(1) != null ? ordinal(m.group(1)) : Integer.parseInt(m.group(3));
      String y = m.group(2) != null ? m.group(2) : m.group(4);
      Integer year = y != null ? Integer.valueOf(y) : contextYear;
      LocalDate from = year == null ? null : LocalDate.of(year, quarter * 3 - 2, 1);
      add(found, m, from, from == null ? null : YearMonth.of(year, quarter * 3).atEndOfMonth(), "no year for " + m.group());
    }
    m = MONTH_YEAR.matcher(text);
    while (m.find()) {
      YearMonth month = YearMonth.of(Integer.parseInt(m.group(2)), month(m.group(1)));
      add(found, m, month.atDay(1), month.atEndOfMonth(), null);
    }
    m = MONTH_ALONE.matcher(text);
    while (m.find()) {
      int month = month(m.group(1));
      boolean last = m.group().toLowerCase(Locale.ROOT).startsWith("last");
      YearMonth placed = reference == null ? null : latestMonth(reference, month, last);
      add(found, m, placed == null ? null : placed.atDay(1), placed == null ? null : placed.atEndOfMonth(),
          "no year for " + m.group(1));
    }
    m = MONTH_NOUN.matcher(text);
    while (m.find()) {
      YearMonth placed = reference == null ? null : latestMonth(reference, month(m.group(1)), false);
      add(found, m, placed == null ? null : placed.atDay(1), placed == null ? null : placed.atEndOfMonth(),
          "no year for " + m.group(1));
    }
    m = YEAR_ALONE.matcher(text);
    while (m.find()) {
      int year = Integer.parseInt(m.group(1));
      add(found, m, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null);
    }
    m = SINCE.matcher(text);
    while (m.find()) {
      LocalDate from;
      if (m.group(1) == null) { // since the start of the year
        from = reference == null ? null : reference.withDayOfYear(1);
      } else {
        int month = month(m.group(1));
        int day = m.group(2) != null ? Integer.parseInt(m.group(2)) : 1;
        Integer year = m.group(3) != null ? Integer.valueOf(m.group(3)) : latestYear(reference, month, day);
        from = year == null ? null : safeDate(year, month, day);
      }
      add(found, m, reference == null ? null : from, reference, "no publication date for " + m.group().trim());
    }
    m = RELATIVE.matcher(text);
    while (m.find()) {
      String phrase = m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      LocalDate from = null;
      LocalDate to = null;
      if (reference != null) {
        switch (phrase) {
          case "this year", "year to date", "year-to-date" -> {
            from = reference.withDayOfYear(1);
            to = reference;
          }
          case "last year", "the previous year" -> {
            from = LocalDate.of(reference.getYear() - 1, 1, 1);
            to = LocalDate.of(reference.getYear() - 1, 12, 31);
          }
          case "last month", "the previous month", "the past month" -> {
            YearMonth previous = YearMonth.from(reference).minusMonths(1);
            from = previous.atDay(1);
            to = previous.atEndOfMonth();
          }
          default -> { } // "the past year": twelve months to a day nobody states
        }
      }
      add(found, m, from, to, (reference == null ? "no publication date for " : "vague period: ") + m.group(1));
    }
    m = WEEKDAY.matcher(text);
    while (m.find()) {
      String before = text.substring(Math.max(0, m.start() - 80), m.start());
      String[] words = before.trim().split("\\s+");
      String lastWords = String.join(" ", java.util.Arrays.copyOfRange(words, Math.max(0, words.length - 8), words.length));
      String after = text.substring(m.end(), Math.min(text.length(), m.end() + 20));
      boolean report = REPORTING.matcher(lastWords).find() || after.matches("(?is)^\\s*(?:that\\s+)?(?:said|says|announced|"
          + "reported|declared|stated|revealed)\\b.*") || !m.group().toLowerCase(Locale.ROOT).startsWith("on");
      if (report) {
        found.add(new Mention(m.start(), m.end(), m.group().trim(), null, null, Kind.REPORT, null));
        continue;
      }
      LocalDate day = null;
      if (reference != null) {
        int wanted = java.time.DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT)).getValue();
        day = reference.minusDays(Math.floorMod(reference.getDayOfWeek().getValue() - wanted, 7));
      }
      add(found, m, day, day, "no publication date for " + m.group().trim());
    }
    m = CARRY.matcher(text);
    while (m.find()) {
      found.add(new Mention(m.start(), m.end(), m.group(), null, null, Kind.CARRY, null));
    }
    m = VAGUE.matcher(text);
    while (m.find()) {
      found.add(new Mention(m.start(), m.end(), m.group().trim(), null, null, Kind.VAGUE, "vague period: " + m.group().trim()));
    }
    return withoutInner(found);
  }

  private static void range(Matcher m, LocalDate reference, List<Mention> found) {
    int month1 = month(m.group(1));
    Integer day1 = m.group(2) == null ? null : Integer.valueOf(m.group(2));
    Integer year1 = m.group(3) == null ? null : Integer.valueOf(m.group(3));
    int month2 = m.group(4) != null ? month(m.group(4)) : month1;
    Integer day2 = m.group(5) != null ? Integer.valueOf(m.group(5)) : m.group(6) != null ? Integer.valueOf(m.group(6)) : null;
    Integer year2 = m.group(7) == null ? null : Integer.valueOf(m.group(7));
    if (m.group(4) == null && (day1 == null || day2 == null)) {
      return; // "May 2023 and 2024": not a range of days
    }
    if (day1 == null && m.group(4) == null) {
      return;
    }
    if (year2 == null && year1 != null) {
      year2 = month2 >= month1 ? year1 : year1 + 1;
    }
    if (year2 == null) {
      year2 = latestYear(reference, month2, day2 == null ? YearMonth.of(2001, month2).lengthOfMonth() : day2);
    }
    if (year2 == null) {
      found.add(new Mention(m.start(), m.end(), m.group().trim(), null, null, Kind.VAGUE, "no year for " + m.group().trim()));
      return;
    }
    if (year1 == null) {
      year1 = month1 <= month2 ? year2 : year2 - 1;
    }
    LocalDate from = safeDate(year1, month1, day1 == null ? 1 : day1);
    LocalDate to = day2 == null ? YearMonth.of(year2, month2).atEndOfMonth() : safeDate(year2, month2, day2);
    if (from == null || to == null || to.isBefore(from)) {
      return;
    }
    found.add(new Mention(m.start(), m.end(), m.group().trim(), from, to, Kind.DATED, null));
  }

  private static void add(List<Mention> found, Matcher m, LocalDate from, LocalDate to, String problem) {
    if (from != null && to != null && !to.isBefore(from)) {
      found.add(new Mention(m.start(), m.end(), m.group().trim(), from, to, Kind.DATED, null));
    } else {
      found.add(new Mention(m.start(), m.end(), m.group().trim(), null, null, Kind.VAGUE, problem));
    }
  }

  /**
   * Keeps the longest of overlapping phrases ("for January – June 2024" over "for January" and
   * "June 2024"), in text order.
   */
  private static List<Mention> withoutInner(List<Mention> found) {
    List<Mention> byLength = new ArrayList<>(found);
    byLength.sort((a, b) -> (b.end() - b.start()) != (a.end() - a.start()) ? Integer.compare(b.end() - b.start(), a.end() - a.start())
        : Integer.compare(a.start(), b.start()));
    List<Mention> kept = new ArrayList<>();
    for (Mention candidate : byLength) {
      if (kept.stream().noneMatch(k -> k.start() < candidate.end() && candidate.start() < k.end())) {
        kept.add(candidate);
      }
    }
    kept.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return kept;
  }

  /** The year in which month/day last fell on or before the reference date; null without one. */
  static Integer latestYear(LocalDate reference, int month, int day) {
    if (reference == null) {
      return null;
    }
    LocalDate candidate = safeDate(reference.getYear(), month, Math.min(day, YearMonth.of(reference.getYear(), month).lengthOfMonth()));
    return candidate != null && candidate.isAfter(reference) ? reference.getYear() - 1 : reference.getYear();
  }

  /**
   * The latest month of that name that has begun by the reference date ("in July" published in
   * August is this July); "last July" in July is the year before.
   */
  static YearMonth latestMonth(LocalDate reference, int month, boolean strictlyBefore) {
    YearMonth candidate = YearMonth.of(reference.getYear(), month);
    YearMonth current = YearMonth.from(reference);
    if (candidate.isAfter(current) || strictlyBefore && candidate.equals(current)) {
      candidate = candidate.minusYears(1);
    }
    return candidate;
  }

  static int month(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    String[] months = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < months.length; i++) {
      if (n.startsWith(months[i])) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("not a month: " + name);
  }

  private static int ordinal(String word) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "first", "1st" -> 1;
      case "second", "2nd" -> 2;
      case "third", "3rd" -> 3;
      default -> 4;
    };
  }

  private static LocalDate safeDate(int year, int month, int day) {
    try {
      return LocalDate.of(year, month, day);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }
}
