package org.campaignmetrics.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.campaignmetrics.extract.NumberPhrases.Mention;
import org.campaignmetrics.extract.NumberPhrases.Role;
import org.junit.jupiter.api.Test;

class NumberPhrasesTest {
  private static List<String> counts(String text) {
    return NumberPhrases.find(text).stream().filter(m -> m.role() == Role.COUNT)
        .map(m -> m.qualifier().format(m.value())).toList();
  }

  private static Role role(String text, String number) {
    return NumberPhrases.find(text).stream().filter(m -> m.text().equals(number)).findFirst().orElseThrow().role();
  }

  @Test
  void digitsWithThousandsSeparators() {
    assertEquals(List.of("196", "2500", "43000"), counts("conducted 196 missions; 2,500 fighters; 43,000 individuals"));
  }

  @Test
  void wordsFromTheTable() {
    assertEquals(List.of("7", "31", "12", "200", "24", "90"),
        counts("seven ISIS militants, thirty-one operations, a dozen leaders, two hundred members, two dozen fighters, ninety attacks"));
    assertEquals(12, NumberPhrases.wordValue("a dozen"));
    assertEquals(31, NumberPhrases.wordValue("thirty-one"));
  }

  @Test
  void oneOnlyWhenItCounts() {
    assertEquals(List.of("1"), counts("one unilateral operation"));
    assertEquals(List.of(), counts("during one such raid, one of the leaders, no one"));
    assertEquals(List.of("1"), counts("one 1 ISIS suspect was killed")); // "one" before the digit is not a second count
  }

  @Test
  void qualifierWords() {
    assertEquals(List.of("~2500", "~35", "~1000", "~8", ">9000", ">30", ">=7", "~300"),
        counts("approximately 2,500, about 35, around 1,000, nearly 8, more than 9,000, over 30, at least seven, some 300"));
    Mention m = NumberPhrases.find("killing at least seven operatives").get(0);
    assertEquals("at least seven", m.written("killing at least seven operatives"));
  }

  @Test
  void datesYearsReleaseNumbersAndNamesAreNotCounts() {
    assertEquals(Role.DATE, role("From U.S. Central Command, July 16, 2024", "16"));
    assertEquals(Role.YEAR, role("From U.S. Central Command, July 16, 2024", "2024"));
    assertEquals(Role.DATE, role("Jul. 17, 2024 • 2 min read", "17"));
    assertEquals(Role.PAGE_FURNITURE, role("Jul. 17, 2024 • 2 min read", "2"));
    assertEquals(Role.RELEASE_NUMBER, role("Release Number 20230809-01", "20230809"));
    assertEquals(Role.RELEASE_NUMBER, role("Release Number 20240405 - 01", "01"));
    assertEquals(Role.NAME_PART, role("an F-16 and MQ-9 drones", "16"));
    assertEquals(Role.NAME_PART, role("a 25-year-old man", "25"));
    assertEquals(Role.PAGE_FURNITURE, role("-30-", "30"));
    assertEquals(Role.DATE, role("at 2:57 a.m. local time", "2"));
    assertEquals(Role.DATE, role("on 16 July the raid", "16"));
    assertEquals(Role.DATE, role("published 2023-07-06 in Erbil", "07"));
    assertEquals(Role.PERCENTAGE, role("down 40 percent", "40"));
    assertEquals(Role.COUNT, role("2000 fighters", "2000"));
  }
}
