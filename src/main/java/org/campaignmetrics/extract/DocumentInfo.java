package org.campaignmetrics.extract;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document's metadata, the reports.csv row it becomes: from its documents.csv row when there is
 * one, else read from the text. {@code referenceDate} is the date relative periods and context
 * figures are placed by: the publication date, else a statement date the text gives ("— U.S.
 * Central Command (@CENTCOM) November 4, 2024" in an undated article); null when neither is known.
 */
public record DocumentInfo(String file, String reportId, String publisher, LocalDate publishedOn, String sourceType,
    String title, String reference, LocalDate referenceDate) implements Serializable {

  /** US military and Defense Department publishers: official; everyone else: media. */
  static final Pattern OFFICIAL = Pattern.compile("(?i)\\b(?:U\\.?S\\.?\\s+Central\\s+Command|USCENTCOM|CENTCOM|Department\\s+of\\s+"
      + "(?:Defense|War)|Defense\\s+Department|DoD|Pentagon|CJTF-OIR|Combined\\s+Joint\\s+Task\\s+Force|Operation\\s+Inherent\\s+"
      + "Resolve|DVIDS|U\\.?S\\.?\\s+(?:Army|Navy|Air\\s+Force|Marine\\s+Corps|Space\\s+Force)|Inspector\\s+General)\\b");

  private static final String MONTH = PeriodPhrases.MONTH;
  /** A full date: "July 16, 2024", "Aug 9, 2023", "16 July 2024", "2023-07-06". */
  static final Pattern FULL_DATE = Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2}),?\\s+((?:19|20)\\d{2})\\b|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+"
      + MONTH + ",?\\s+((?:19|20)\\d{2})\\b|\\b((?:19|20)\\d{2})-(\\d{2})-(\\d{2})\\b");
  /** A line that starts with a date, after an optional "date", "Published", "Updated". */
  static final Pattern LEADING_DATE = Pattern.compile("^(?:(?i:date|published|updated|posted):?\\s+)?((?:" + MONTH
      + "\\s+\\d{1,2},?\\s+(?:19|20)\\d{2}|(?:19|20)\\d{2}-\\d{2}-\\d{2}))\\b");
  /** "From U.S. Central Command, July 16, 2024": the publisher and the date. */
  static final Pattern FROM_LINE = Pattern.compile("^(?:From|By)\\s+(.+?),\\s+" + MONTH + "\\s+\\d");
  /** "FPI / May 19, 2023". */
  static final Pattern SLASH_LINE = Pattern.compile("^([^/|]{2,40}?)\\s*/\\s*" + MONTH + "\\s+\\d");
  /** The outlet in a dateline: "ERBIL (Kurdistan 24) –", "BAGHDAD (AP) —". */
  static final Pattern DATELINE_OUTLET = Pattern.compile("^\\p{Lu}{3,}[^()\\n\\-–—]{0,30}\\(([^)/\\-–]{2,40})");
  /** CENTCOM's own releases: datelined at its headquarters, with a release number. */
  static final Pattern CENTCOM_RELEASE = Pattern.compile("(?s)(?=.*\\bRelease\\s+Number\\s+\\d{8})(?=.*\\bTAMPA,\\s+Fla\\.)");
  /** "Shafaq News/ US Central Command ...": an outlet's name before a slash at the very start. */
  static final Pattern SLASH_PREFIX = Pattern.compile("^(\\p{Lu}[\\p{L} ]{2,30})/\\s");

  /** A line that is only a date with a little furniture: at most this many words. */
  private static final int DATE_LINE_WORDS = 12;

  /** The metadata of a documents.csv row (columns file, report_id, publisher, published_on, source_type, title, reference). */
  public static DocumentInfo fromRow(Map<String, String> row, String text) {
    String file = row.getOrDefault("file", "").trim();
    String published = row.getOrDefault("published_on", "").trim();
    LocalDate publishedOn = published.isEmpty() ? null : LocalDate.parse(published);
    String reportId = row.getOrDefault("report_id", "").trim();
    String sourceType = row.getOrDefault("source_type", "").trim();
    String publisher = row.getOrDefault("publisher", "").trim();
    return new DocumentInfo(file, reportId.isEmpty() ? reportId(file) : reportId, publisher, publishedOn,
        sourceType.isEmpty() ? sourceType(publisher) : sourceType, row.getOrDefault("title", "").trim(),
        row.getOrDefault("reference", "").trim().isEmpty() ? file : row.get("reference").trim(),
        publishedOn != null ? publishedOn : textDate(text));
  }

  /** The metadata read from the text alone; {@code title} from HTML's title or h1, or null. */
  public static DocumentInfo fromText(String file, String text, String title) {
    LocalDate date = textDate(text);
    String publisher = textPublisher(text);
    String headline = title != null && !title.isBlank() ? title.strip() : headline(text);
    return new DocumentInfo(file, reportId(file), publisher, date, sourceType(publisher), headline, file, date);
  }

  /** The file's name without its directory and extension, in lower case, as a report id. */
  public static String reportId(String file) {
    String name = file.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return (dot > 0 ? name.substring(0, dot) : name).toLowerCase(Locale.ROOT);
  }

  static String sourceType(String publisher) {
    return publisher != null && OFFICIAL.matcher(publisher).find() && !publisher.toLowerCase(Locale.ROOT).contains("citing")
        ? "official" : "media";
  }

  /** The first short line that holds a full date: "Press Release | Feb. 2, 2023", "Jul. 17, 2024 • 2 min read". */
  static LocalDate textDate(String text) {
    for (String line : text.split("\\R")) {
      String l = line.strip();
      Matcher dateline = Sentences.DATELINE.matcher(l);
      if (dateline.find()) {
        Matcher m = FULL_DATE.matcher(dateline.group());
        if (m.find() && date(m) != null) {
          return date(m); // "WASHINGTON (UrduPoint News / Sputnik - 02nd February, 2023)"
        }
      }
      if (l.isEmpty() || l.split("\\s+").length > DATE_LINE_WORDS) {
        continue;
      }
      Matcher m = FULL_DATE.matcher(l);
      if (m.find()) {
        LocalDate date = date(m);
        if (date != null) {
          return date;
        }
      }
    }
    for (String line : text.split("\\R")) {
      // a longer line that starts with its date: "date 2024-11-05 US Central Command said ...", "November 4, 2024 — ..."
      Matcher m = LEADING_DATE.matcher(line.strip());
      if (m.find()) {
        Matcher d = FULL_DATE.matcher(m.group(1));
        if (d.find() && date(d) != null) {
          return date(d);
        }
      }
    }
    return null;
  }

  private static LocalDate date(Matcher m) {
    try {
      if (m.group(1) != null) {
        return LocalDate.of(Integer.parseInt(m.group(3)), PeriodPhrases.month(m.group(1)), Integer.parseInt(m.group(2)));
      }
      if (m.group(4) != null) {
        return LocalDate.of(Integer.parseInt(m.group(6)), PeriodPhrases.month(m.group(5)), Integer.parseInt(m.group(4)));
      }
      return LocalDate.of(Integer.parseInt(m.group(7)), Integer.parseInt(m.group(8)), Integer.parseInt(m.group(9)));
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** "From X, date", "X / date", a dateline's "(Outlet)", "Outlet/ " at the start; else empty. */
  static String textPublisher(String text) {
    if (CENTCOM_RELEASE.matcher(text).find()) {
      return "U.S. Central Command";
    }
    for (String line : text.split("\\R")) {
      String l = line.strip();
      Matcher m = FROM_LINE.matcher(l);
      if (m.find()) {
        return m.group(1).strip();
      }
      if (l.split("\\s+").length <= DATE_LINE_WORDS) {
        m = SLASH_LINE.matcher(l);
        if (m.find()) {
          return m.group(1).strip();
        }
      }
      m = DATELINE_OUTLET.matcher(l);
      if (m.find()) {
        return m.group(1).strip();
      }
      m = SLASH_PREFIX.matcher(l);
      if (m.find()) {
        return m.group(1).strip();
      }
    }
    return "";
  }

  /** The first line without final punctuation that is not only a date: the headline. */
  static String headline(String text) {
    for (String line : text.split("\\R")) {
      String l = line.strip().replaceFirst("^#+\\s*", "");
      if (l.split("\\s+").length >= 4 && !FULL_DATE.matcher(l).find() && !l.matches("(?s).*[.!?][\"”’]?$")) {
        return l;
      }
    }
    return "";
  }
}
