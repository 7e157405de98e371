package org.campaignmetrics.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Theater scopes: where a figure was counted. A place phrase ("In Iraq", "in central Iraq", "in
 * Syria", "in the Syrian desert"), both theaters ("in Iraq and Syria", "Iraq, Syria", "both
 * countries": ALL), a heading over a bullet list ("In Iraq:"), and the header of CENTCOM's
 * two-column tables flattened to text ("In Iraq In Syria"). Adjectives in names ("Iraqi Security
 * Forces", "Syrian Democratic Forces") are not places, and "outside of Syria and Iraq" is not a scope.
 */
public final class TheaterScopes {
  private TheaterScopes() {}

  public static final String ALL = "ALL";
  public static final String IRAQ = "IRAQ";
  public static final String SYRIA = "SYRIA";

  /** A scope found in a text. */
  public record Mention(int start, int end, String theater) {}

  private static final String REGION = "(?:(?:northern|southern|eastern|western|central|northeast(?:ern)?|northwest(?:ern)?|"
      + "southeast(?:ern)?|southwest(?:ern)?|north|south|east|west|north-east(?:ern)?|north-west(?:ern)?)\\s+)?";
  private static final String IN = "(?:in|within|across|throughout|inside|deployed\\s+to|stationed\\s+in)\\s+(?:both\\s+)?";

  /** Both theaters together. */
  static final Pattern BOTH = Pattern.compile("(?i)(?:\\b" + IN + ")?\\b(?:Iraq(?:,|\\s+and|\\s*&)\\s+Syria|Syria(?:,|\\s+and|\\s*&)"
      + "\\s+Iraq|both\\s+countries|(?:the|those|these)\\s+two\\s+countries)\\b|\\b(?:in|across|throughout)\\s+the\\s+(?:region|Middle\\s+East)\\b");
  /** One theater, as a place: "in Iraq", "in central Iraq", "within Syria", "in the Syrian desert". */
  static final Pattern ONE = Pattern.compile("(?i)\\b" + IN + "(?:the\\s+)?" + REGION + "(Iraq|Syria)\\b(?!\\s*(?:,|and|&)\\s*(?:Iraq|Syria))"
      + "|\\b" + IN + "the\\s+" + REGION + "(Iraq|Syria)n\\s+desert\\b"
      + "|\\b" + IN + "(Iraq|Syria)n\\s+detention\\s+facilities\\b"
      // "As for Syria, ...", "Iraq hosts 2,500 US troops", "a prison in al-Hasakah, Syria"
      + "|\\bas\\s+for\\s+(Iraq|Syria)\\b|\\b(Iraq|Syria)\\s+hosts\\b"
      + "|\\bin\\s+(?:the\\s+)?[\\p{L}'-]+(?:\\s+[\\p{L}'-]+)?,\\s+(Iraq|Syria)\\b(?!\\s*(?:,|and|&)\\s*(?:Iraq|Syria))");
  /** Words that make the two theaters no scope: "outside of Syria and Iraq", "from Iraq and Syria", "a threat to Iraq and Syria". */
  static final Pattern NOT_A_SCOPE_BEFORE = Pattern.compile("(?i)(?s).*\\b(?:outside(?:\\s+of)?|from|to|only)\\s+$");

  /**
   * The partner a figure's operations were conducted with, where its sentence names no place: the
   * Syrian Democratic Forces fight in Syria only, the Iraqi Security Forces in Iraq only.
   */
  static final Pattern SYRIAN_PARTNER = Pattern.compile("\\b(?:Syrian\\s+Democratic\\s+Forces|SDF)\\b");
  static final Pattern IRAQI_PARTNER = Pattern.compile("\\b(?:Iraqi\\s+Security\\s+Forces?|ISF|Iraqi\\s+(?:security\\s+|armed\\s+)?forces|"
      + "Iraqi\\s+partners|Peshmerga)\\b");
  static final Pattern BOTH_PARTNERS = Pattern.compile("(?i)\\bIraqi\\s+and\\s+Syrian\\s+(?:security\\s+|partner\\s+)?(?:forces|partners)\\b");

  /** The theater of the partner forces a sentence names (SDF: SYRIA, Iraqi forces: IRAQ, both: ALL), or null. */
  public static String partnerScope(String text) {
    boolean syrian = SYRIAN_PARTNER.matcher(text).find();
    boolean iraqi = IRAQI_PARTNER.matcher(text).find();
    if (BOTH_PARTNERS.matcher(text).find() || syrian && iraqi) {
      return ALL;
    }
    return syrian ? SYRIA : iraqi ? IRAQ : null;
  }

  /** A heading over a list or a table column: "In Iraq:", "• In Syria:", "IRAQ". */
  static final Pattern HEADING = Pattern.compile("(?i)^[\\s•*\\-–]*(?:in\\s+)?(Iraq|Syria)\\s*:?\\s*$");
  /** The two-column header: "In Iraq In Syria", "• In Iraq: • In Syria:". */
  static final Pattern TWO_COLUMNS = Pattern.compile("(?i)^[\\s•*\\-–]*(?:in\\s+)?(Iraq|Syria)\\s*:?[\\s•*\\-–|]+(?:in\\s+)?"
      + "(Iraq|Syria)\\s*:?\\s*$");

  /** Every scope phrase in the text, in order. */
  public static List<Mention> find(String text) {
    List<Mention> found = new ArrayList<>();
    Matcher both = BOTH.matcher(text);
    while (both.find()) {
      if (!NOT_A_SCOPE_BEFORE.matcher(text.substring(Math.max(0, both.start() - 12), both.start())).matches()) {
        found.add(new Mention(both.start(), both.end(), ALL));
      }
    }
    Matcher one = ONE.matcher(text);
    while (one.find()) {
      if (overlaps(found, one.start(), one.end())) {
        continue;
      }
      String place = null;
      for (int g = 1; g <= one.groupCount() && place == null; g++) {
        place = one.group(g);
      }
      found.add(new Mention(one.start(), one.end(), place.toUpperCase(Locale.ROOT)));
    }
    found.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return found;
  }

  /** The theater a heading line names, or null. */
  public static String heading(String line) {
    Matcher m = HEADING.matcher(line);
    return m.matches() ? m.group(1).toUpperCase(Locale.ROOT) : null;
  }

  /** The two theaters of a two-column table header, left to right, or null. */
  public static String[] twoColumns(String line) {
    Matcher m = TWO_COLUMNS.matcher(line);
    if (!m.matches() || m.group(1).equalsIgnoreCase(m.group(2))) {
      return null;
    }
    return new String[] {m.group(1).toUpperCase(Locale.ROOT), m.group(2).toUpperCase(Locale.ROOT)};
  }

  private static boolean overlaps(List<Mention> found, int start, int end) {
    return found.stream().anyMatch(m -> m.start() < end && start < m.end());
  }
}
