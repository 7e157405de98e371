package org.campaignmetrics.extract;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Metric phrases: what a number counts, read from the words around it. Each phrase is a named
 * pattern; {@link #read} tries them in a fixed order and returns the first that fits, or the reason
 * none did. The words after a number ("196 Defeat ISIS Missions", "44 ISIS operatives killed", "32
 * captured") are tried before the words before it ("the deaths of 163", "killing at least seven",
 * "Among those eliminated were eight senior ISIS leaders").
 *
 * <p>A number with a verb but no noun of its own ("and 166 detained", "with 32 captured", "the
 * detention of 63 others") counts what the previous number of its sentence counted: operatives, or
 * leaders ({@link Noun}).
 */
public final class MetricPhrases {
  private MetricPhrases() {}

  /** Which input table a metric belongs to. */
  public enum Table { OPERATIONS, ATTACKS, CONTEXT }

  /** What kind of people a number counts, carried to the next number of the sentence ("and 32 captured"). */
  public enum Noun { NONE, PEOPLE, LEADERS }

  /** Missions of one theater that add up: partnered and U.S.-only ones. */
  public enum MissionKind { TOTAL, PARTNERED, US_ONLY }

  /** What a number counts, or why that cannot be said ({@code metric} null, {@code problem} set). */
  public record Reading(String metric, Table table, Noun noun, MissionKind kind, String problem) {
    static Reading of(String metric, Table table, Noun noun) {
      return new Reading(metric, table, noun, MissionKind.TOTAL, null);
    }

    static Reading problem(String problem, Noun noun) {
      return new Reading(null, null, noun, MissionKind.TOTAL, problem);
    }

    public boolean found() {
      return metric != null;
    }
  }

  // Words between a number and the noun it counts: "ISIS", "senior and mid-level", "suspected".
  private static final String MODIFIERS = "(?:(?:ISIS|Daesh|IS|ISIL|senior|mid-level|mid|high-level|high-ranking|key|top|"
      + "suspected|other|more|additional|alleged|foreign|armed|and|,|of\\s+the|its|terrorist|ISIS-affiliated|"
      + "ISIS-linked|Islamic\\s+State|\\((?:ISIS|IS|ISIL|Daesh)\\))\\s+)*";
  // "13 members of the Islamic State (ISIS) were killed"
  private static final String OF_GROUP = "(?:\\s+of\\s+(?:the\\s+)?(?:(?:Islamic\\s+State|ISIS|IS|ISIL|Daesh)(?:\\s+group)?"
      + "(?:\\s*\\((?:ISIS|IS|ISIL)\\))?|(?:terrorist\\s+|extremist\\s+|militant\\s+)?group))?";
  // "officials" is not "leaders": a raid that kills two ISIS officials is keyed as killed
  private static final String LEADER = "(?:leaders?|commanders?|emirs?|leadership\\s+figures?)";
  private static final String PERSON = "(?:operatives?|members?|militants?|fighters?|suspects?|terrorists?|individuals?|"
      + "insurgents?|combatants?|people|persons?|others?|men|elements?|jihadists?|extremists?)";
  private static final String BE = "(?:\\s*,?\\s+(?:were|was|have\\s+been|had\\s+been|has\\s+been|being|are|got))?";
  private static final String KILLED = "(?:killed|eliminated|dead|liquidated|neutralized|neutralised)";
  private static final String DETAINED = "(?:detained|captured|apprehended|arrested|taken\\s+into\\s+custody)";
  private static final String COMBINED = "(?:killed\\s+or\\s+(?:captured|detained|arrested)|(?:captured|detained|arrested)"
      + "\\s+or\\s+killed|killed\\s+and\\s+(?:captured|detained)\\s+combined)";

  /** A count of time, not of anything: "one operation per day". */
  static final Pattern RATE = ci("^\\s+(?:[\\p{L}.-]+\\s+){1,4}?(?:per|a|each|every)\\s+(?:day|week|month|year)\\b");
  /** "196 Defeat ISIS Missions", "137 partnered operations", "0 U.S.-only operations", "one unilateral operation". */
  static final Pattern MISSIONS = ci("^\\s+((?:(?:other|more|additional|total|Defeat[- ]ISIS|D-ISIS|anti-ISIS|counter-ISIS|"
      + "counterterrorism|counter-terrorism|partnered|partner-led|joint|combined|coalition|U\\.?S\\.?[- ]only|unilateral|"
      + "U\\.?S\\.?|American|separate|successful|combat|ground|D-ISIS\\s+partnered)\\s+){0,4})(missions?|operations?)\\b");
  /** "153 attacks", "121 attacks reported". */
  static final Pattern ATTACKS = ci("^\\s+(?:[\\p{L}-]+\\s+){0,2}?attacks?\\b");
  /** The sentence says who claimed the attacks: "ISIS has claimed 153 attacks", "claimed responsibility for". */
  static final Pattern CLAIMED = ci("\\bclaim(?:ed|s|ing)?\\b");
  /** "2,500 ISIS fighters at large", "2,500 ISIS fighters remain at large". */
  static final Pattern FIGHTERS_AT_LARGE = ci("^\\s+" + MODIFIERS + "(?:fighters|militants|members|operatives)\\b(?:(?!\\d).){0,40}\\bat\\s+large\\b");
  /** "9,000 ISIS detainees": people held in detention facilities. */
  static final Pattern DETAINEES = ci("^\\s+" + MODIFIERS + "detainees\\b");
  /** "43,000 individuals and families from the Al Hol and Al Roj camps". */
  // not "children" or "women": a part of the camp's population, not the population
  static final Pattern CAMP_POPULATION = ci("^\\s+(?:[\\p{L}-]+\\s+){0,4}?(?:individuals|people|residents|persons|"
      + "families)\\b(?:(?!\\d).){0,80}\\bcamps?\\b");
  /** "2,500 troops in Iraq", "2,500 US military personnel". */
  /** "Seven American troops were wounded": casualties on the U.S. or partner side, never a campaign metric. */
  static final Pattern CASUALTIES = ci("^\\s+(?:[\\p{L}.-]+\\s+){0,3}?(?:troops|service\\s*members|soldiers|personnel|contractors|"
      + "civilians|forces)\\b(?:\\s+[\\p{L}]+){0,4}?(?:\\s+(?:were|was|have\\s+been|had\\s+been))?\\s+(?:injured|wounded|hurt|killed)\\b");
  /** "15 ISIS operatives currently being held in facilities in Syria", "fighters in prison": detainees. */
  static final Pattern HELD = ci("^\\s+" + MODIFIERS + "(?:leaders\\s+and\\s+)?(?:fighters|operatives|members|militants)\\b(?:(?!\\d).){0,40}?\\b(?:held|in\\s+prisons?|"
      + "in\\s+detention)\\b");
  static final Pattern HELD_SUBJECT = ci("\\b(?:fighters|operatives|members)\\s+(?:held\\s+)?in\\s+(?:prisons?|detention)\\b");
  static final Pattern FIGHTERS = ci("^\\s+" + MODIFIERS + "(?:fighters|operatives|members)\\b");
  /** "11 deaths and 227 detentions". */
  static final Pattern DEATHS = ci("^\\s+(?:deaths|fatalities)\\b");
  static final Pattern DETENTIONS = ci("^\\s+(?:detentions|arrests|captures)\\b");
  /** "the group was behind 121 attacks": attacks the group is said to have carried out. */
  static final Pattern GROUP_BEHIND = ci("\\b(?:the\\s+group|ISIS|IS|the\\s+Islamic\\s+State)\\s+(?:was|were|is)\\s+behind\\b");
  static final Pattern TROOPS = ci("^\\s+(?:U\\.S\\.\\s+|US\\s+|American\\s+)?(?:military\\s+personnel|troops|soldiers)\\b");
  static final Pattern US = Pattern.compile("\\bU\\.\\s?S\\.|\\b(?:US|American|United\\s+States)\\b");
  /** "108 operations in cooperation with partners", "59 operations conducted alongside the SDF": partnered missions. */
  static final Pattern WITH_PARTNERS = ci("^\\s*,?\\s*(?:conducted\\s+|carried\\s+out\\s+)?(?:in\\s+cooperation\\s+with|alongside|"
      + "together\\s+with|with)\\s+(?:the\\s+|our\\s+|local\\s+|its\\s+)?(?:partners?|partner\\s+forces|SDF|Syrian\\s+Democratic|"
      + "Iraqi\\s+Security)");

  /** "44 ISIS operatives killed", "eight senior ISIS leaders killed", "12 ISIS suspects were killed". */
  static final Pattern NOUN_THEN_VERB = ci("^\\s+" + MODIFIERS + "(?:(" + LEADER + ")|(" + PERSON + "))" + OF_GROUP + BE
      + "\\s+(" + COMBINED + "|" + KILLED + "|" + DETAINED + ")\\b");
  /** "166 detained", "32 captured", "14 were detained". */
  static final Pattern VERB_ONLY = ci("^" + BE + "\\s+(" + COMBINED + "|" + KILLED + "|" + DETAINED + ")\\b");
  /** "eight senior ISIS leaders", "163 ISIS members", "63 others": the noun, for a verb that came before. */
  static final Pattern NOUN_ONLY = ci("^[\"”]?\\s+" + MODIFIERS + "(?:(" + LEADER + ")|(" + PERSON + "))\\b");

  /** "the deaths of", "the killing of", "killing", "eliminated": killed, before the number. */
  static final Pattern KILLED_BEFORE = ci("(?:\\b(?:the\\s+)?(?:deaths?|killings?|elimination|demise)\\s+of|\\b(?:killing|killed|"
      + "eliminating|eliminated|took\\s+out|taking\\s+out|liquidated|liquidating)(?:\\s+(?:another|an?\\s+additional|a\\s+further))?|\\bamong\\s+(?:those|them|the\\s+dead)\\s+(?:killed|eliminated)?\\s*(?:were|was))\\s*[\"“]?\\s*$");
  /** "the detention of", "the capture of", "the apprehension of", "detained": detained, before the number. */
  static final Pattern DETAINED_BEFORE = ci("(?:\\b(?:the\\s+)?(?:detentions?|capture|apprehension|arrests?)\\s+of|\\b(?:detaining|"
      + "detained|capturing|captured|apprehending|apprehended|arresting|arrested)(?:\\s+(?:another|an?\\s+additional|a\\s+further))?|\\bamong\\s+(?:those|them)\\s+"
      + "(?:detained|captured|apprehended|arrested)\\s+(?:were|was))\\s*[\"“]?\\s*$");
  /** "killed or captured", "Among those detained or killed were": one figure for both. */
  static final Pattern COMBINED_BEFORE = ci("\\b" + COMBINED + "(?:\\s+(?:were|was))?\\s*$");

  private static Pattern ci(String regex) {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  }

  /**
   * What the number counts. {@code before} is the text between the previous number of the sentence
   * (or its start) and this one's qualifier; {@code after} the text from this number to the next
   * one (or the sentence's end); {@code sentence} the whole sentence; {@code inherited} the noun of
   * the previous number; {@code afterClaimedAttacks} whether the previous figure of the document was
   * a claimed-attacks figure (for "This compares to 121 attacks").
   */
  public static Reading read(String before, String after, String sentence, Noun inherited, boolean afterClaimedAttacks) {
    if (RATE.matcher(after).find()) {
      return Reading.problem("a rate, not a count", Noun.NONE);
    }
    Matcher m = MISSIONS.matcher(after);
    if (m.find()) {
      String modifiers = m.group(1).toLowerCase(Locale.ROOT);
      MissionKind kind = modifiers.matches("(?s).*\\b(?:only|unilateral)\\b.*") ? MissionKind.US_ONLY
          : modifiers.contains("partner") || WITH_PARTNERS.matcher(after.substring(m.end())).find() ? MissionKind.PARTNERED
          : MissionKind.TOTAL;
      return new Reading("missions", Table.OPERATIONS, Noun.NONE, kind, null);
    }
    if (CASUALTIES.matcher(after).find()) {
      return Reading.problem("U.S. or partner casualties, not a campaign metric", Noun.NONE);
    }
    if (ATTACKS.matcher(after).find()) {
      if (CLAIMED.matcher(sentence).find()
          || afterClaimedAttacks && (comparison(sentence) || GROUP_BEHIND.matcher(sentence).find())) {
        return Reading.of("claimed_attacks", Table.ATTACKS, Noun.NONE);
      }
      return Reading.problem("attacks not said to be claimed by ISIS", Noun.NONE);
    }
    if (FIGHTERS_AT_LARGE.matcher(after).find()) {
      return Reading.of("fighters_at_large", Table.CONTEXT, Noun.NONE);
    }
    if (DETAINEES.matcher(after).find() || HELD.matcher(after).find()
        || FIGHTERS.matcher(after).find() && HELD_SUBJECT.matcher(sentence).find()) {
      return Reading.of("detainees_in_facilities", Table.CONTEXT, Noun.NONE);
    }
    if (CAMP_POPULATION.matcher(after).find()) {
      return Reading.of("camp_population", Table.CONTEXT, Noun.NONE);
    }
    if (TROOPS.matcher(after).find() && US.matcher(sentence).find()) {
      return Reading.of("us_troops", Table.CONTEXT, Noun.NONE);
    }
    if (DEATHS.matcher(after).find()) {
      return Reading.of("killed", Table.OPERATIONS, Noun.PEOPLE);
    }
    if (DETENTIONS.matcher(after).find()) {
      return Reading.of("detained", Table.OPERATIONS, Noun.PEOPLE);
    }
    m = NOUN_THEN_VERB.matcher(after);
    if (m.find()) {
      Noun noun = m.group(1) != null ? Noun.LEADERS : Noun.PEOPLE;
      return byVerb(m.group(3), noun);
    }
    Noun noun = Noun.NONE;
    m = NOUN_ONLY.matcher(after);
    if (m.find()) {
      noun = m.group(1) != null ? Noun.LEADERS : m.group(2).toLowerCase(Locale.ROOT).startsWith("other") ? Noun.NONE : Noun.PEOPLE;
    }
    Noun counted = noun != Noun.NONE ? noun : inherited != Noun.NONE ? inherited : Noun.PEOPLE;
    if (noun == Noun.NONE) {
      m = VERB_ONLY.matcher(after);
      if (m.find()) {
        return byVerb(m.group(1), counted);
      }
    }
    if (COMBINED_BEFORE.matcher(before).find()) {
      return combined(counted);
    }
    if (KILLED_BEFORE.matcher(before).find()) {
      return Reading.of(counted == Noun.LEADERS ? "leaders_killed" : "killed", Table.OPERATIONS, counted);
    }
    if (DETAINED_BEFORE.matcher(before).find()) {
      return Reading.of(counted == Noun.LEADERS ? "leaders_detained" : "detained", Table.OPERATIONS, counted);
    }
    return Reading.problem("no metric", noun);
  }

  private static Reading byVerb(String verb, Noun noun) {
    String v = verb.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (v.contains(" or ") || v.contains("combined")) {
      return combined(noun);
    }
    boolean killed = v.matches(KILLED);
    if (noun == Noun.LEADERS) {
      return Reading.of(killed ? "leaders_killed" : "leaders_detained", Table.OPERATIONS, noun);
    }
    return Reading.of(killed ? "killed" : "detained", Table.OPERATIONS, noun);
  }

  /** Leaders "detained or killed" are the contract's leaders_removed; other combined figures have no column. */
  private static Reading combined(Noun noun) {
    if (noun == Noun.LEADERS) {
      return Reading.of("leaders_removed", Table.OPERATIONS, noun);
    }
    return Reading.problem("combined killed-or-captured figure", noun);
  }

  /** "This compares to", "up from", "down from", "compared with": the sentence continues the one before. */
  static boolean comparison(String sentence) {
    return ci("\\b(?:compares?|compared|up\\s+from|down\\s+from|versus|against)\\b").matcher(sentence).find();
  }

  /** The contract's table for a metric. */
  public static Table table(String metric) {
    return switch (metric) {
      case "claimed_attacks" -> Table.ATTACKS;
      case "missions", "killed", "detained", "leaders_killed", "leaders_detained", "leaders_removed" -> Table.OPERATIONS;
      default -> Table.CONTEXT;
    };
  }
}
