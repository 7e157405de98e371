package org.campaignmetrics.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentInfoTest {
  @Test
  void fromTheText() {
    DocumentInfo centcom = DocumentInfo.fromText("dir/000_abc.txt", "\n# Defeat ISIS Mission in Iraq and Syria\n\n"
        + "From U.S. Central Command, July 16, 2024\n\nTAMPA, Fla. – From January to June 2024, ...", null);
    assertEquals("000_abc", centcom.reportId());
    assertEquals("U.S. Central Command", centcom.publisher());
    assertEquals("official", centcom.sourceType());
    assertEquals(LocalDate.of(2024, 7, 16), centcom.publishedOn());
    assertEquals("Defeat ISIS Mission in Iraq and Syria", centcom.title());

    DocumentInfo outlet = DocumentInfo.fromText("k24.md", "# Five killed\n\nERBIL (Kurdistan 24) – The US military ...", null);
    assertEquals("Kurdistan 24", outlet.publisher());
    assertEquals("media", outlet.sourceType());
    assertNull(outlet.publishedOn());
  }

  @Test
  void aQuotedStatementDatesAnUndatedArticle() {
    DocumentInfo info = DocumentInfo.fromRow(Map.of("file", "a.txt", "report_id", "a", "publisher", "Unnamed outlet",
        "published_on", "", "source_type", "media"), "Text.\n— U.S. Central Command (@CENTCOM) November 4, 2024\nMore.");
    assertNull(info.publishedOn());
    assertEquals(LocalDate.of(2024, 11, 4), info.referenceDate());
  }

  @Test
  void aLineThatStartsWithItsDate() {
    assertEquals(LocalDate.of(2024, 11, 5), DocumentInfo.fromText("a.txt", "date 2024-11-05 US Central Command (CENTCOM) said on "
        + "Monday that, since August 29, its forces have conducted 95 operations against ISIS targets.", null).publishedOn());
  }

  @Test
  void documentsCsvRowWins() {
    DocumentInfo info = DocumentInfo.fromRow(Map.of("file", "a.txt", "report_id", "r1", "publisher", "Shafaq News",
        "published_on", "2023-03-03", "source_type", "media", "title", "T", "reference", "https://x"), "From U.S. Central Command, July 16, 2024");
    assertEquals(LocalDate.of(2023, 3, 3), info.referenceDate());
    assertEquals("r1", info.reportId());
  }
}
