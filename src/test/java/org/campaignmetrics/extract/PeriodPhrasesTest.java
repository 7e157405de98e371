package org.campaignmetrics.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodPhrasesTest {
  private static final LocalDate NOV_4_2024 = LocalDate.of(2024, 11, 4);

  /** The one period of the text, as "from..to", or the problem of a vague one. */
  private static String period(String text, LocalDate reference, Integer contextYear) {
    List<PeriodPhrases.Mention> found = PeriodPhrases.find(text, reference, contextYear).stream()
        .filter(m -> m.kind() != PeriodPhrases.Kind.CARRY).toList();
    assertEquals(1, found.size(), () -> "one period in '" + text + "': " + found);
    PeriodPhrases.Mention m = found.get(0);
    return switch (m.kind()) {
      case DATED -> m.from() + ".." + m.to();
      case REPORT -> "report";
      default -> m.problem();
    };
  }

  private static String period(String text) {
    return period(text, NOV_4_2024, null);
  }

  @Test
  void explicitRanges() {
    assertEquals("2024-01-01..2024-06-30", period("From January to June 2024, ISIS has claimed 153 attacks"));
    assertEquals("2024-01-01..2024-03-31", period("from January through March 2024"));
    assertEquals("2024-01-01..2024-06-30", period("for January – June 2024"));
    assertEquals("2024-10-01..2024-11-04", period("between Oct. 1 and Nov. 4"));
    assertEquals("2023-12-20..2023-12-29", period("between December 20 and 29"));
    assertEquals("2023-10-01..2024-03-31", period("from Oct. 1, 2023, to March 31, 2024"));
    assertEquals("2024-01-01..2024-03-31", period("from January through March", LocalDate.of(2024, 4, 5), null));
  }

  @Test
  void namedPeriods() {
    assertEquals("2024-01-01..2024-06-30", period("in the first half of 2024"));
    assertEquals("2024-01-01..2024-06-30", period("in the first six months of 2024"));
    assertEquals("2023-10-01..2023-12-31", period("the fourth quarter of 2023"));
    assertEquals("2024-01-01..2024-03-31", period("for first quarter 2024"));
    assertEquals("2024-01-01..2024-03-31", period("in the first quarter", null, 2024));
    assertEquals("2023-07-01..2023-07-31", period("During the month of July 2023"));
    assertEquals("2023-01-01..2023-12-31", period("reported throughout 2023"));
    assertEquals("2022-01-01..2022-12-31", period("During Calendar year 2022"));
  }

  @Test
  void oneDay() {
    assertEquals("2024-10-22..2024-10-22", period("On October 22, joint operations"));
    assertEquals("2024-08-29..2024-08-29", period("in the early hours of Aug. 29", LocalDate.of(2024, 8, 31), null));
    assertEquals("2023-01-21..2023-01-21", period("a raid in eastern Syria on Saturday, CENTCOM said", LocalDate.of(2023, 1, 22), null));
  }

  @Test
  void relativeToThePublicationDate() {
    assertEquals("2024-08-29..2024-11-04", period("since August 29, U.S. forces"));
    assertEquals("2024-01-01..2024-11-04", period("so far this year"));
    assertEquals("2023-01-01..2023-12-31", period("compared with last year"));
    assertEquals("2024-10-01..2024-10-31", period("last month"));
    assertEquals("2023-06-01..2023-06-30", period("in June", LocalDate.of(2023, 7, 6), null));
    assertEquals("2023-04-01..2023-04-30", period("last April", LocalDate.of(2023, 5, 5), null));
    assertEquals("no year for June", period("in June", null, null));
    assertEquals("no publication date for since August 29", period("since August 29", null, null));
  }

  @Test
  void reportDatesAreNotPeriods() {
    assertEquals("report", period("CENTCOM said on Friday"));
    assertEquals("report", period("(CENTCOM) on Thursday announced that"));
    assertEquals("report", period("as revealed in a press release by the US Central Command (CENTCOM) on Wednesday"));
  }

  @Test
  void backReferencesCarryThePeriodBefore() {
    List<PeriodPhrases.Mention> found = PeriodPhrases.find("During this period, a total of 94", NOV_4_2024, null);
    assertEquals(PeriodPhrases.Kind.CARRY, found.get(0).kind());
    assertEquals(PeriodPhrases.Kind.CARRY, PeriodPhrases.find("The above operations resulted in", null, null).get(0).kind());
  }

  @Test
  void vaguePeriods() {
    assertEquals("vague period: late October", period("Targeted strikes in late October on camps"));
    assertEquals("vague period: in recent weeks", period("in recent weeks"));
    assertEquals("vague period: the same month", period("told Congress the same month"));
  }

  @Test
  void mayTheVerbIsNoMonth() {
    assertEquals(List.of(), PeriodPhrases.find("ISIS may try to attack", NOV_4_2024, null));
  }
}
