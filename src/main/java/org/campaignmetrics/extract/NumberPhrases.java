package org.campaignmetrics.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.campaignmetrics.model.Qualifier;

/**
 * Number phrases: counts written in digits ({@code 2,500}), in words ({@code seven},
 * {@code thirty-one}, {@code a dozen}, {@code two hundred}), with the qualifier words before them
 * ({@code approximately}, {@code more than}, {@code at least}). One small table of number words, not
 * a general spelled-out-number parser: releases spell out small counts only.
 *
 * <p>Each number found is classified: a {@link Role#COUNT} is something the extractor must place in a
 * figure row or send to review; the other roles are the numbers that are not counts by rule (dates,
 * years, release numbers, parts of names), listed in docs/extract-figures.md.
 */
public final class NumberPhrases {
  private NumberPhrases() {}

  /** What a number in a text is. Only COUNT numbers are accounted for in figures or review. */
  public enum Role {
    COUNT, DATE, YEAR, RELEASE_NUMBER, NAME_PART, PAGE_FURNITURE, PERCENTAGE, DECIMAL
  }

  /** A number in a sentence: where it is, its value, the qualifier before it, and its role. */
  public record Mention(int start, int end, int qualifierStart, long value, Qualifier qualifier, String text,
      Role role) {
    /** The number as written, with its qualifier words. */
    public String written(String sentence) {
      return sentence.substring(qualifierStart, end);
    }
  }

  private static final Map<String, Integer> UNITS = Map.ofEntries(Map.entry("zero", 0), Map.entry("one", 1),
      Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
      Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
      Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
      Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
      Map.entry("nineteen", 19));
  private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50,
      "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);

  private static final String UNIT_WORDS = String.join("|", UNITS.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList());
  private static final String TEN_WORDS = String.join("|", TENS.keySet());

  /** Digits, optionally with thousands separators; a decimal part is kept to be recognised as one. */
  static final Pattern DIGITS = Pattern.compile("(?<![\\w.,])(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?![\\w]|,\\d)");

  /** Words: "seven", "thirty-one", "ninety", "a dozen", "two hundred", "a hundred". */
  static final Pattern WORDS = Pattern.compile("(?i)\\b(?:(?:a|two|three)\\s+dozen|(a|" + UNIT_WORDS + "|(?:" + TEN_WORDS + ")(?:[- ](?:"
      + UNIT_WORDS + "))?)\\s+hundred|a\\s+dozen|(?:" + TEN_WORDS + ")(?:-(?:" + UNIT_WORDS + "))?|" + UNIT_WORDS
      + ")\\b");
  /** "Release Number 20240405 - 01": every number in it is the release's. */
  static final Pattern RELEASE = Pattern.compile("(?i)\\brelease\\s+(?:number|no\\.?)\\s*:?\\s*\\d+(?:\\s*-\\s*\\d+)?");
  /** "2:57 a.m.": a time of day. */
  static final Pattern TIME = Pattern.compile("\\b\\d{1,2}:\\d{2}\\b");

  /** Qualifier words right before a number, longest first. */
  private static final List<Map.Entry<Pattern, Qualifier>> QUALIFIERS = List.of(
      Map.entry(word("at least"), Qualifier.AT_LEAST),
      Map.entry(word("no fewer than"), Qualifier.AT_LEAST),
      Map.entry(word("more than"), Qualifier.MORE_THAN),
      Map.entry(word("over"), Qualifier.MORE_THAN),
      Map.entry(word("upwards of"), Qualifier.MORE_THAN),
      Map.entry(word("approximately"), Qualifier.APPROXIMATE),
      Map.entry(word("an estimated"), Qualifier.APPROXIMATE),
      Map.entry(word("roughly"), Qualifier.APPROXIMATE),
      Map.entry(word("about"), Qualifier.APPROXIMATE),
      Map.entry(word("around"), Qualifier.APPROXIMATE),
      Map.entry(word("nearly"), Qualifier.APPROXIMATE),
      Map.entry(word("almost"), Qualifier.APPROXIMATE),
      Map.entry(word("some"), Qualifier.APPROXIMATE));

  private static Pattern word(String words) {
    return Pattern.compile("(?i)(?<![\\w-])" + words.replace(" ", "\\s+") + "\\s+$");
  }

  private static final String MONTH = "(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|Jun(?:e|\\.)?|"
      + "Jul(?:y|\\.)?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)";
  /** A day of the month next to its month: "July 16", "Nov. 6", "16 July". */
  private static final Pattern DAY_BEFORE = Pattern.compile("\\b" + MONTH + "\\s*$");
  private static final Pattern DAY_AFTER = Pattern.compile("^\\s+" + MONTH + "\\b");
  /** "(the) 22nd", "1st": ordinals are dates or ranks, never counts. */
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  /** A number joined by a hyphen or slash to a word or another number: F-16, 25-year-old, 20230809-01, -30-. */
  private static final Pattern JOINED_BEFORE = Pattern.compile("[\\p{L}\\d][-/]$");
  /**
   * Words after a number that make it a count of anything, so that "one" is only read as a number
   * when it counts (not "one of", "one such raid", "no one").
   */
  static final Pattern COUNTED_NOUN_AFTER = Pattern.compile("(?i)^(?!\\s+(?:such|of|another)\\b)\\s+(?:[\\p{L}.-]+\\s+){0,3}?(?:operations?|missions?|"
      + "operatives?|members?|militants?|fighters?|suspects?|leaders?|attacks?|terrorists?|individuals?|detainees?|"
      + "combatants?|insurgents?|officials?|commanders?|others?|troops?|raids?|strikes?)\\b");

  /** Every number in the text, in order of position. */
  public static List<Mention> find(String text) {
    List<Mention> mentions = new ArrayList<>();
    Matcher d = DIGITS.matcher(text);
    while (d.find()) {
      String digits = d.group(1).replace(",", "");
      long value;
      try {
        value = Long.parseLong(digits);
      } catch (NumberFormatException tooLong) {
        value = -1;
      }
      Role role = d.group(2) != null ? Role.DECIMAL : digitRole(text, d.start(), d.end(), d.group(1), value);
      mentions.add(qualified(text, d.start(), d.end(), value, role));
    }
    Matcher w = WORDS.matcher(text);
    while (w.find()) {
      String phrase = w.group().toLowerCase(Locale.ROOT);
      if (phrase.equals("one") && !COUNTED_NOUN_AFTER.matcher(text.substring(w.end())).find()) {
        continue; // "one of", "one such raid": the pronoun, not a count (rule 'one')
      }
      if (overlaps(mentions, w.start(), w.end())) {
        continue;
      }
      mentions.add(qualified(text, w.start(), w.end(), wordValue(phrase), Role.COUNT));
    }
    mentions.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return mentions;
  }

  private static boolean overlaps(List<Mention> mentions, int start, int end) {
    return mentions.stream().anyMatch(m -> m.start() < end && start < m.end());
  }

  /** The value of a number written in words, from the one table above. */
  static long wordValue(String phrase) {
    String p = phrase.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
    if (p.endsWith(" dozen")) {
      return (p.startsWith("a ") ? 1 : wordValue(p.substring(0, p.indexOf(' ')))) * 12;
    }
    if (p.endsWith(" hundred")) {
      String head = p.substring(0, p.length() - " hundred".length());
      return (head.equals("a") ? 1 : wordValue(head)) * 100;
    }
    String[] parts = p.split("[- ]");
    long value = 0;
    for (String part : parts) {
      Integer unit = UNITS.get(part);
      value += unit != null ? unit : TENS.get(part);
    }
    return value;
  }

  private static Mention qualified(String text, int start, int end, long value, Role role) {
    String before = text.substring(Math.max(0, start - 20), start);
    for (Map.Entry<Pattern, Qualifier> q : QUALIFIERS) {
      Matcher m = q.getKey().matcher(before);
      if (m.find()) {
        int qualifierStart = start - (before.length() - m.start());
        return new Mention(start, end, qualifierStart, value, q.getValue(), text.substring(start, end), role);
      }
    }
    return new Mention(start, end, start, value, Qualifier.EXACT, text.substring(start, end), role);
  }

  private static boolean within(Pattern pattern, String text, int start, int end) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      if (m.start() <= start && end <= m.end()) {
        return true;
      }
    }
    return false;
  }

  /** The rule that sets dates, years, release numbers and parts of names apart from counts. */
  private static Role digitRole(String text, int start, int end, String digits, long value) {
    String before = text.substring(Math.max(0, start - 12), start);
    String after = text.substring(end, Math.min(text.length(), end + 24));
    if (within(RELEASE, text, start, end)) {
      return Role.RELEASE_NUMBER;
    }
    if (within(TIME, text, start, end)) {
      return Role.DATE; // a time of day
    }
    // 2023-07-06 and its parts
    int isoFrom = Math.max(0, start - 8);
    Matcher iso = ISO_DATE.matcher(text.substring(isoFrom, Math.min(text.length(), end + 8)));
    while (iso.find()) {
      if (isoFrom + iso.start() <= start && end <= isoFrom + iso.end()) {
        return Role.DATE;
      }
    }
    if (digits.length() >= 6 && (after.startsWith("-") || before.endsWith("-"))) {
      return Role.RELEASE_NUMBER; // Release Number 20230809-01
    }
    if (before.matches("(?s).*\\b(?i:release|no\\.|number|article)\\s*(?:number|no\\.)?\\s*#?$")) {
      return Role.RELEASE_NUMBER;
    }
    if (before.endsWith("-") && after.startsWith("-")) {
      return Role.PAGE_FURNITURE; // "-30-", the end mark of a press release
    }
    if (JOINED_BEFORE.matcher(before).find()
        || after.matches("(?s)^[-/][\\p{L}\\d].*")) {
      return Role.NAME_PART; // F-16, MQ-9, 25-year-old, 24/7
    }
    if (after.matches("(?s)^(?:st|nd|rd|th)\\b.*")) {
      return Role.DATE;
    }
    if (DAY_BEFORE.matcher(before).find() && value >= 1 && value <= 31
        || DAY_AFTER.matcher(after).find() && value >= 1 && value <= 31) {
      return Role.DATE; // July 16, Nov. 6, 16 July
    }
    if (digits.length() == 4 && value >= 1900 && value <= 2099
        && !COUNTED_NOUN_AFTER.matcher(after + " ").find()) {
      return Role.YEAR;
    }
    if (after.matches("(?is)^\\s*(?:%|percent\\b|per\\s*cent\\b).*")) {
      return Role.PERCENTAGE;
    }
    if (after.matches("(?is)^\\s*min(?:ute)?s?\\s+read\\b.*")) {
      return Role.PAGE_FURNITURE; // "2 min read"
    }
    return Role.COUNT;
  }
}
