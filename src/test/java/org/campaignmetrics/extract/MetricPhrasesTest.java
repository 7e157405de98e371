package org.campaignmetrics.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.campaignmetrics.extract.MetricPhrases.Noun;
import org.campaignmetrics.extract.MetricPhrases.Reading;
import org.campaignmetrics.extract.NumberPhrases.Mention;
import org.junit.jupiter.api.Test;

class MetricPhrasesTest {
  /** What each count of the sentence counts, as the extractor reads them in order (metric, or !problem). */
  private static List<String> read(String sentence) {
    return read(sentence, false);
  }

  private static List<String> read(String sentence, boolean afterClaimedAttacks) {
    List<Mention> counts = NumberPhrases.find(sentence).stream().filter(m -> m.role() == NumberPhrases.Role.COUNT).toList();
    List<String> out = new ArrayList<>();
    Noun inherited = Noun.NONE;
    int previousEnd = 0;
    for (int i = 0; i < counts.size(); i++) {
      Mention m = counts.get(i);
      int next = i + 1 < counts.size() ? counts.get(i + 1).qualifierStart() : sentence.length();
      Reading r = MetricPhrases.read(sentence.substring(previousEnd, m.qualifierStart()), sentence.substring(m.end(), next),
          sentence, inherited, afterClaimedAttacks);
      out.add(r.found() ? r.metric() + (r.kind() == MetricPhrases.MissionKind.TOTAL ? "" : ":" + r.kind()) : "!" + r.problem());
      if (r.found() && r.noun() != Noun.NONE) {
        inherited = r.noun();
      }
      previousEnd = m.end();
    }
    return out;
  }

  @Test
  void missions() {
    assertEquals(List.of("missions", "killed", "detained"),
        read("conducted 196 Defeat ISIS Missions resulting in 44 ISIS operatives killed and 166 detained"));
    assertEquals(List.of("missions:PARTNERED"), read("20 partnered operations"));
    assertEquals(List.of("missions:US_ONLY"), read("0 U.S.-only operations"));
    assertEquals(List.of("missions:US_ONLY", "missions:PARTNERED"),
        read("CENTCOM conducted 14 unilateral operations and 108 operations in cooperation with partners"));
    assertEquals(List.of("!a rate, not a count"), read("more than one operation per day"));
  }

  @Test
  void killedWords() {
    assertEquals(List.of("killed"), read("resulting in the deaths of 163 ISIS members"));
    assertEquals(List.of("killed"), read("led to the killing of seven ISIS militants"));
    assertEquals(List.of("killed"), read("resulting in the elimination of 18 ISIS operatives"));
    assertEquals(List.of("killed"), read("killing at least seven operatives"));
    assertEquals(List.of("killed"), read("at least 13 members of the Islamic State (ISIS) were killed"));
    assertEquals(List.of("killed", "detained"), read("The operations resulted in 11 deaths and 227 detentions."));
    assertEquals(List.of("killed"), read("the coalition took out two IS operatives"));
  }

  @Test
  void detainedWords() {
    assertEquals(List.of("detained"), read("and the detention of 63 others"));
    assertEquals(List.of("detained"), read("and the capture of 33 others"));
    assertEquals(List.of("detained"), read("the apprehension of 27 individuals linked to the group"));
    assertEquals(List.of("detained"), read("24 ISIS suspects were apprehended"));
    assertEquals(List.of("killed", "detained"), read("killing 466 terrorists and capturing another 215"));
  }

  @Test
  void leadersAndTheNounCarriedToTheNextNumber() {
    assertEquals(List.of("leaders_killed", "leaders_detained"),
        read("The above operations resulted in eight senior ISIS leaders killed and 32 captured in both Iraq and Syria."));
    assertEquals(List.of("leaders_killed", "leaders_detained"),
        read("Among those eliminated were eight senior ISIS leaders, with 32 captured across both countries."));
    assertEquals(List.of("killed"), read("killing two ISIS officials")); // officials are not leaders
  }

  @Test
  void combinedFigures() {
    assertEquals(List.of("leaders_removed"),
        read("Among those detained or killed were over 30 senior and mid-level ISIS leaders"));
    assertEquals(List.of("!combined killed-or-captured figure"), read("forces killed or captured 120 ISIS operatives"));
  }

  @Test
  void claimedAttacks() {
    assertEquals(List.of("claimed_attacks"), read("ISIS has claimed 153 attacks in Iraq and Syria"));
    assertEquals(List.of("claimed_attacks"), read("This compares to 121 attacks reported throughout 2023", true));
    assertEquals(List.of("claimed_attacks"), read("the group was behind 121 attacks in Syria and Iraq in 2023", true));
    assertEquals(List.of("!attacks not said to be claimed by ISIS"),
        read("one of four attempted drone attacks launched by Iranian-backed militias"));
  }

  @Test
  void contextStocks() {
    assertEquals(List.of("fighters_at_large"), read("the approximately 2,500 ISIS fighters at large across Iraq and Syria"));
    assertEquals(List.of("fighters_at_large"), read("Approximately 2,500 ISIS fighters remain at large in Iraq and Syria"));
    assertEquals(List.of("detainees_in_facilities"), read("repatriate more than 9,000 ISIS detainees in detention facilities in Syria"));
    assertEquals(List.of("detainees_in_facilities"), read("the over 8,000 ISIS operatives currently being held in facilities in Syria"));
    assertEquals(List.of("camp_population"), read("more than 43,000 individuals and families from the Al Hol and Al Roj camps"));
    assertEquals(List.of("!no metric"), read("the more than 25,000 children in the al-Hol camp"));
    assertEquals(List.of("us_troops"), read("The U.S. still has about 2,500 troops in Iraq"));
  }

  @Test
  void casualtiesAreNoMetric() {
    assertEquals(List.of("!U.S. or partner casualties, not a campaign metric"), read("Seven American troops were wounded in the joint raid"));
    assertEquals(List.of("!U.S. or partner casualties, not a campaign metric"),
        read("Four US troops and one working dog were injured in these operations."));
  }
}
