package org.campaignmetrics.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.campaignmetrics.extract.Sentences.Layout;
import org.campaignmetrics.extract.Sentences.Sentence;
import org.junit.jupiter.api.Test;

class SentencesTest {
  @Test
  void sentencesWithTheirLinesAndExactText() {
    String text = "Headline in Iraq and Syria\n\nTAMPA, Fla. – U.S. Central Command, led by Gen. Kurilla, conducted 5 raids. "
        + "In Iraq, 3 were partnered.\nSecond paragraph on Oct. 22 ends here.";
    List<Sentence> s = Sentences.split(text);
    assertEquals(List.of("Headline in Iraq and Syria",
        "TAMPA, Fla. – U.S. Central Command, led by Gen. Kurilla, conducted 5 raids.", "In Iraq, 3 were partnered.",
        "Second paragraph on Oct. 22 ends here."), s.stream().map(Sentence::text).toList());
    assertEquals(List.of(1, 3, 3, 4), s.stream().map(Sentence::line).toList());
    assertTrue(s.get(0).headline());
    assertEquals("TAMPA, Fla. – ".length(), s.get(1).datelineEnd());
    for (Sentence one : s) {
      assertEquals(one.text(), text.substring(one.start(), one.start() + one.text().length()));
    }
  }

  @Test
  void aSentenceBrokenAcrossABlankLineIsOne() {
    String text = "efforts to repatriate more than 9,000 ISIS\n\ndetainees in detention facilities in Syria, and more.\n";
    List<Sentence> s = Sentences.split(text);
    assertEquals(1, s.size());
    assertEquals(text.strip(), s.get(0).text());
  }

  @Test
  void twoColumnTablesAndListsUnderHeadings() {
    String text = "The breakdown for July 2023:\n\nIn Iraq In Syria\n20 partnered operations 11 partnered operations\n"
        + "2 ISIS operatives killed 3 ISIS operatives killed\n\nIn Syria:\n- 4 ISIS operatives detained\n";
    List<Sentence> s = Sentences.split(text);
    assertEquals(Layout.TABLE_ROW, s.get(1).layout());
    assertArrayEquals(new String[] {"IRAQ", "SYRIA"}, s.get(1).columns());
    int[][] cells = Sentences.cells(s.get(1).text());
    assertEquals("20 partnered operations", s.get(1).text().substring(cells[0][0], cells[0][1]));
    assertEquals("11 partnered operations", s.get(1).text().substring(cells[1][0], cells[1][1]));
    assertEquals(Layout.LIST_ITEM, s.get(3).layout());
    assertEquals("SYRIA", s.get(3).heading());
    assertEquals(8, s.get(3).line());
  }

  @Test
  void datelines() {
    for (String dateline : List.of("ERBIL (Kurdistan 24) – ", "BAGHDAD (AP) — ", "WASHINGTON (UrduPoint News / Sputnik - 02nd February, 2023) ",
        "SULAIMANI, Kurdistan Region — ", "TAMPA, Fla.  ")) {
      List<Sentence> s = Sentences.split(dateline + "The coalition conducted 43 operations.");
      assertEquals(dateline.length(), s.get(0).datelineEnd(), dateline);
    }
  }
}
