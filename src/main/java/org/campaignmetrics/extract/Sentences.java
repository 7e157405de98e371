package org.campaignmetrics.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document's text cut into the units figures are read from, each with its 1-based line and its
 * exact text: sentences of prose, items of a bulleted list (with the theater of the heading above
 * them, if any), and rows of CENTCOM's two-column tables flattened to text (with the theaters of
 * the header "In Iraq In Syria").
 *
 * <p>Every line break ends a paragraph, except where a line stops without final punctuation and
 * the next non-blank line starts in lower case (a sentence broken by a scraper, as in the seeds).
 */
public final class Sentences {
  private Sentences() {}

  /** How a unit was laid out in the document. */
  public enum Layout { PROSE, LIST_ITEM, TABLE_ROW }

  /**
   * One unit. {@code headline}: a line without final punctuation before the first prose sentence
   * (a title, a kicker). {@code columns}: the theaters of a table row, left to right.
   * {@code heading}: the theater heading above a list item, or null. {@code datelineEnd}: the
   * offset in {@code text} where a dateline ("TAMPA, Fla. –") ends, 0 if none.
   */
  public record Sentence(String text, int start, int line, int paragraph, Layout layout, boolean headline,
      String[] columns, String heading, int datelineEnd) {}

  private static final Pattern LIST_MARK = Pattern.compile("^[-•*·▪◦–]\\s+");
  /** A table row: two cells, each starting with a number ("20 partnered operations 11 partnered operations"). */
  static final Pattern TABLE_ROW = Pattern.compile("^[-•*·\\s]*(\\d[\\d,]*\\s+[^\\d]*?[^\\d\\s•-])\\s+[-•*·]?\\s*(\\d[\\d,]*\\s+[^\\d]+?)\\s*$");
  private static final Pattern FINAL_PUNCTUATION = Pattern.compile("[.!?:;][\"”’')\\]]*\\s*$|[\"”]\\s*$");
  /** A sentence ends at . ! ? (and closing quotes) before a capital, a digit or an opening quote. */
  private static final Pattern BOUNDARY = Pattern.compile("[.!?][\"”’')\\]]*\\s+(?=[\"“‘(]?[\\p{Lu}\\d])");
  /** Words whose period does not end a sentence: titles, states, months, initials (U.S.). */
  private static final Set<String> ABBREVIATIONS = Set.of("gen", "lt", "col", "maj", "brig", "adm", "sgt", "capt", "cmdr",
      "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "fla", "va", "calif", "no", "jan", "feb", "mar", "apr", "jun",
      "jul", "aug", "sep", "sept", "oct", "nov", "dec", "etc", "vs", "approx", "inc", "corp", "ft", "mt", "u.s", "u.n",
      "d.c", "a.m", "p.m", "e.g", "i.e", "lt.gen", "gens", "spc", "pfc", "cpl", "sgt.maj");
  /**
   * A dateline at a paragraph's start: "TAMPA, Fla. –", "ERBIL (Kurdistan 24) –", "BAGHDAD (AP) —",
   * "WASHINGTON (UrduPoint News / Sputnik - 02nd February, 2023)". Its numbers and dates are the
   * outlet's, not figures.
   */
  static final Pattern DATELINE = Pattern.compile("^\\p{Lu}{3,}(?:[ -]\\p{Lu}{2,})*(?:,\\s*(?:\\p{Lu}[\\p{L}.]*|D\\.C\\.)(?:\\s+\\p{Lu}[\\p{L}.]*)?)?"
      + "(?:\\s*\\([^)]{1,80}\\))?\\s*(?:[-–—]+\\s*|\\s{2,}|(?<=\\))\\s+)");

  public static List<Sentence> split(String text) {
    List<Sentence> units = new ArrayList<>();
    List<int[]> lines = lines(text);
    int paragraph = 0;
    String[] columns = null;
    String heading = null;
    boolean proseSeen = false;
    int i = 0;
    while (i < lines.size()) {
      int[] line = lines.get(i);
      String raw = text.substring(line[0], line[1]);
      String trimmed = raw.strip();
      if (trimmed.isEmpty()) {
        paragraph++;
        i++;
        continue;
      }
      int start = line[0] + raw.indexOf(trimmed);
      String[] twoColumns = TheaterScopes.twoColumns(trimmed);
      if (twoColumns != null) {
        columns = twoColumns;
        heading = null;
        i++;
        continue;
      }
      if (columns != null && TABLE_ROW.matcher(trimmed).matches()) {
        units.add(new Sentence(trimmed, start, i + 1, paragraph, Layout.TABLE_ROW, false, columns, null, 0));
        i++;
        continue;
      }
      columns = null;
      String headingTheater = TheaterScopes.heading(trimmed);
      if (headingTheater != null) {
        heading = headingTheater;
        i++;
        continue;
      }
      if (LIST_MARK.matcher(trimmed).find()) {
        units.add(new Sentence(trimmed, start, i + 1, paragraph, Layout.LIST_ITEM, false, null, heading, 0));
        i++;
        continue;
      }
      heading = null;
      // a prose paragraph: this line, and the next ones while they continue a broken sentence
      int end = line[1];
      int last = i;
      while (!FINAL_PUNCTUATION.matcher(text.substring(start, end)).find()) {
        int next = last + 1;
        while (next < lines.size() && text.substring(lines.get(next)[0], lines.get(next)[1]).isBlank() && next - last < 3) {
          next++;
        }
        if (next >= lines.size()) {
          break;
        }
        String following = text.substring(lines.get(next)[0], lines.get(next)[1]).strip();
        if (following.isEmpty() || !Character.isLowerCase(following.codePointAt(0))) {
          break;
        }
        end = lines.get(next)[1];
        last = next;
      }
      boolean headline = !proseSeen && !FINAL_PUNCTUATION.matcher(text.substring(start, end)).find();
      proseSeen |= !headline;
      addSentences(text, start, end, paragraph, headline, units);
      i = last + 1;
    }
    return units;
  }

  private static void addSentences(String text, int start, int end, int paragraph, boolean headline, List<Sentence> units) {
    String unit = text.substring(start, end);
    Matcher dateline = DATELINE.matcher(unit);
    int datelineEnd = dateline.find() ? dateline.end() : 0;
    int from = 0;
    Matcher boundary = BOUNDARY.matcher(unit);
    while (boundary.find()) {
      if (boundary.start() < datelineEnd || abbreviation(unit, boundary.start())) {
        continue;
      }
      int stop = boundary.end();
      add(text, start + from, start + stop, paragraph, headline, from == 0 ? datelineEnd : 0, units);
      from = stop;
    }
    add(text, start + from, end, paragraph, headline, from == 0 ? datelineEnd : 0, units);
  }

  private static void add(String text, int from, int to, int paragraph, boolean headline, int datelineEnd, List<Sentence> units) {
    String raw = text.substring(from, to);
    String trimmed = raw.strip();
    if (trimmed.isEmpty()) {
      return;
    }
    int start = from + raw.indexOf(trimmed);
    units.add(new Sentence(trimmed, start, lineOf(text, start), paragraph, Layout.PROSE, headline, null, null,
        Math.max(0, datelineEnd - (start - from))));
  }

  /** Whether the period at {@code dot} ends an abbreviation (U.S., Gen., Oct.) rather than a sentence. */
  private static boolean abbreviation(String unit, int dot) {
    int wordStart = dot;
    while (wordStart > 0 && !Character.isWhitespace(unit.charAt(wordStart - 1)) && unit.charAt(wordStart - 1) != '(') {
      wordStart--;
    }
    String word = unit.substring(wordStart, dot).toLowerCase(java.util.Locale.ROOT).replaceAll("^[\"“(]+", "");
    if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
      return true; // an initial: "Michael E. Kurilla", "U. S."
    }
    return ABBREVIATIONS.contains(word) || word.matches("(?:\\p{L}\\.)+\\p{L}"); // U.S, U.N
  }

  /** Line [start, end) offsets, without the line break (\n, \r\n or \r). */
  static List<int[]> lines(String text) {
    List<int[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(new int[] {start, i});
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    lines.add(new int[] {start, text.length()});
    return lines;
  }

  static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
        line++;
      }
    }
    return line;
  }

  /** The two cells of a table row, as [start, end) offsets in the row's text. */
  public static int[][] cells(String row) {
    Matcher m = TABLE_ROW.matcher(row);
    if (!m.matches()) {
      return null;
    }
    return new int[][] {{m.start(1), m.end(1)}, {m.start(2), m.end(2)}};
  }
}
