package org.campaignmetrics.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.campaignmetrics.extract.Extraction.Figure;
import org.campaignmetrics.extract.NumberPhrases.Role;
import org.junit.jupiter.api.Test;

class FigureExtractorTest {
  private static Extraction extract(String text, LocalDate published) {
    DocumentInfo info = new DocumentInfo("doc.txt", "doc", "Outlet", published, "media", "", "doc.txt", published);
    return FigureExtractor.extract(text, info);
  }

  /** The figures as "start..end THEATER metric value". */
  private static List<String> figures(Extraction e) {
    return e.figures().stream().map(f -> f.start() + ".." + f.end() + " " + f.theater() + " " + f.metric() + " "
        + f.qualifier().format(f.value())).toList();
  }

  private static List<String> review(Extraction e) {
    return e.review().stream().map(r -> r.number() + ": " + r.reason()).toList();
  }

  @Test
  void aTwoColumnTableAddsPartneredAndUsOnlyOperations() {
    Extraction e = extract("July 2023 Month in Review: The Defeat ISIS Mission in Iraq and Syria\n\n"
        + "The following is a breakdown of D-ISIS operations for July 2023 by country:\n\nIn Iraq In Syria\n"
        + "20 partnered operations 11 partnered operations\n0 U.S.-only operations 2 U.S.-only operations\n"
        + "2 ISIS operatives killed 3 ISIS operatives killed\n", LocalDate.of(2023, 8, 9));
    assertEquals(List.of("2023-07-01..2023-07-31 IRAQ killed 2", "2023-07-01..2023-07-31 SYRIA killed 3",
        "2023-07-01..2023-07-31 IRAQ missions 20", "2023-07-01..2023-07-31 SYRIA missions 13"), figures(e));
    Figure syria = e.figures().get(3);
    assertEquals(List.of("20 partnered operations 11 partnered operations", "0 U.S.-only operations 2 U.S.-only operations"),
        syria.quotes());
  }

  @Test
  void aListWithoutHeadingIsNotGivenATheater() {
    Extraction e = extract("During July 2023, 31 operations were conducted in Iraq and Syria.\n\n- 20 partnered operations\n",
        LocalDate.of(2023, 8, 10));
    assertEquals(List.of("2023-07-01..2023-07-31 ALL missions 31"), figures(e));
    assertEquals(List.of("20: theater unclear: a list without a theater heading"), review(e));
  }

  @Test
  void periodsCarriedFromTheHeadlineAndTheSentenceBefore() {
    Extraction e = extract("US CENTCOM reports on the first quarter 2024 in Iraq and Syria\n\n"
        + "During this period, a total of 94 Defeat ISIS Missions were executed. In Iraq, 66 partnered operations yielded the "
        + "death of 11 ISIS members.\n\nThe above operations resulted in eight senior ISIS leaders killed.", null);
    assertEquals(List.of("2024-01-01..2024-03-31 IRAQ killed 11", "2024-01-01..2024-03-31 ALL leaders_killed 8",
        "2024-01-01..2024-03-31 ALL missions 94", "2024-01-01..2024-03-31 IRAQ missions 66"), figures(e));
  }

  @Test
  void anUndatedDocumentGivesWhatNeedsNoDateAndIsListed() {
    Extraction e = extract("In the first half of 2024, ISIS claimed 153 attacks in Iraq and Syria. Since August 29, forces "
        + "conducted 95 operations in Iraq and Syria. Approximately 2,500 ISIS fighters remain at large in Iraq and Syria.", null);
    assertEquals(List.of("2024-01-01..2024-06-30 ALL claimed_attacks 153"), figures(e));
    assertEquals(List.of("95: no publication date for Since August 29",
        "Approximately 2,500: no date: a context figure is as of the publication date, and the document has none",
        ": no publication date: figures that need one (relative periods, context figures) are listed here"), review(e));
  }

  @Test
  void whatCannotBePlacedGoesToReviewWithItsReason() {
    Extraction e = extract("USCENTCOM successes in Iraq and Syria\n\nTargeted strikes in late October on camps in the Syrian "
        + "desert resulted in the deaths of approximately 35 ISIS militants. On October 22, operations in central Iraq killed "
        + "at least seven operatives. Partner forces killed or captured 120 ISIS operatives in 2024 in Iraq. "
        + "Two U.S. service members sustained injuries.", LocalDate.of(2024, 11, 4));
    assertEquals(List.of("2024-10-22..2024-10-22 IRAQ killed >=7"), figures(e));
    assertEquals(List.of("approximately 35: vague period: late October", "120: combined killed-or-captured figure",
        "Two: no metric"), review(e));
  }

  @Test
  void aBreakdownTakesTheMetricOfItsTotal() {
    Extraction e = extract("In June 2023, a total of 37 operations were carried out against ISIS, 30 of which were conducted "
        + "in Iraq while the remaining seven were in Syria. The operations resulted in the detention of 374 ISIS fighters in "
        + "total, 215 in Syria and 159 in Iraq.", LocalDate.of(2023, 7, 6));
    assertEquals(List.of("2023-06-01..2023-06-30 ALL detained 374", "2023-06-01..2023-06-30 SYRIA detained 215",
        "2023-06-01..2023-06-30 IRAQ detained 159", "2023-06-01..2023-06-30 ALL missions 37",
        "2023-06-01..2023-06-30 IRAQ missions 30", "2023-06-01..2023-06-30 SYRIA missions 7"), figures(e));
  }

  @Test
  void aFigureStatedTwiceIsKeptOnceAndADifferentOneIsReviewed() {
    Extraction e = extract("In January 2023, CENTCOM conducted 43 operations in Iraq and Syria. For the month of January 2023, "
        + "the coalition conducted a total of 43 D-ISIS operations in Iraq and Syria. In January 2023, 44 operations were "
        + "conducted in Iraq and Syria.", LocalDate.of(2023, 2, 2));
    assertEquals(List.of("2023-01-01..2023-01-31 ALL missions 43"), figures(e));
    assertEquals(2, e.figures().get(0).quotes().size());
    assertEquals(List.of("44: differs from 43 on line 1 for the same period, theater and metric"), review(e));
  }

  @Test
  void aPeriodThatDatesTheReportIsNotTheFiguresPeriod() {
    Extraction e = extract("Back in June, the US Central Command (CENTCOM) reported the execution of 37 anti-ISIS operations in "
        + "Syria and Iraq.", LocalDate.of(2023, 8, 10));
    assertEquals(List.of(), figures(e));
    assertEquals(List.of("37: no period: 'in June' dates the report, not the figures"), review(e));
  }

  @Test
  void contextFiguresAreAsOfThePublicationDate() {
    Extraction e = extract("Equally important are efforts to repatriate more than 9,000 ISIS detainees in detention facilities "
        + "in Syria, and more than 43,000 individuals and families from the Al Hol and Al Roj camps. This is down from the "
        + "peak of over 70,000 in 2019.", LocalDate.of(2024, 7, 16));
    assertEquals(List.of("2024-07-16..2024-07-16 SYRIA detainees_in_facilities >9000",
        "2024-07-16..2024-07-16 AL-HOL AND AL-ROJ CAMPS camp_population >43000"), figures(e));
    assertEquals(List.of("over 70,000: vague date: in 2019"), review(e));
  }

  @Test
  void changesAsidesAndTheMonthOfTheFigures() {
    Extraction e = extract("The July missions, CENTCOM said, killed two people in Iraq and 3 in Syria. Between the two countries, "
        + "its operations arrested 30 people. The numbers show a drop in operations in Iraq, from 37 in June to 20 last month.",
        LocalDate.of(2023, 8, 10));
    assertEquals(List.of("2023-07-01..2023-07-31 IRAQ killed 2", "2023-07-01..2023-07-31 SYRIA killed 3",
        "2023-07-01..2023-07-31 ALL detained 30"), figures(e));
    assertEquals(List.of("37: a change from one figure to another", "20: a change from one figure to another"), review(e));
  }

  @Test
  void partnerForcesNameTheTheaterWhereNoPlaceDoes() {
    Extraction e = extract("CENTCOM figures for the first half of 2024\n\nForces killed at least 30 ISIS operatives in 137 "
        + "operations conducted in Iraq in the first half of 2024. In 59 joint operations with the Kurdish-led Syrian Democratic "
        + "Forces (SDF) during that same period, 14 ISIS operatives were killed.", LocalDate.of(2024, 7, 17));
    assertEquals(List.of("2024-01-01..2024-06-30 IRAQ killed >=30", "2024-01-01..2024-06-30 SYRIA killed 14",
        "2024-01-01..2024-06-30 IRAQ missions 137", "2024-01-01..2024-06-30 SYRIA missions 59"), figures(e));
    assertEquals("ALL", TheaterScopes.partnerScope("along with Iraqi Security Forces and the Syrian Democratic Forces"));
  }

  @Test
  void aSentenceWithoutPlaceContinuesTheOneBeforeInItsParagraph() {
    Extraction e = extract("CENTCOM year in review for Iraq and Syria\n\nDuring calendar year 2022, CENTCOM conducted 313 "
        + "operations in Iraq and Syria.\n\nIn Syria, the US carried out 108 partnered operations and 14 unilateral American "
        + "operations. During these operations 215 ISIS operatives were detained. There are more than 10,000 ISIS leaders and "
        + "fighters in detention facilities throughout Syria and more than 20,000 in Iraq.", LocalDate.of(2022, 12, 29));
    assertEquals(List.of("2022-01-01..2022-12-31 SYRIA detained 215", "2022-12-29..2022-12-29 SYRIA detainees_in_facilities >10000",
        "2022-12-29..2022-12-29 IRAQ detainees_in_facilities >20000", "2022-01-01..2022-12-31 ALL missions 313",
        "2022-01-01..2022-12-31 SYRIA missions 122"), figures(e));
  }

  @Test
  void aPlaceInsideAWhichClauseDescribesTheOperations() {
    Extraction e = extract("On Monday CENTCOM reported on operations in Iraq and Syria since August 29.\n\nThe operations, which "
        + "included unilateral strikes in Syria, have resulted in 163 terrorists killed.", LocalDate.of(2024, 11, 4));
    assertEquals(List.of(), figures(e));
    assertEquals(List.of("163: theater unclear: the sentence's place describes something else"), review(e));
  }

  /** Every count of every labelled document is in a figure or in review (the rule's exceptions aside). */
  @Test
  void nothingIsDroppedSilently() {
    for (Corpus.Labelled l : Corpus.load(Corpus.DIR)) {
      Extraction e = l.extraction();
      for (Sentences.Sentence s : Sentences.split(l.document().text())) {
        String text = s.text();
        for (NumberPhrases.Mention m : NumberPhrases.find(text)) {
          if (m.role() != Role.COUNT || s.layout() == Sentences.Layout.PROSE && m.start() < s.datelineEnd()
              || PeriodPhrases.find(text, null, 2000).stream().anyMatch(p -> p.start() <= m.start() && m.end() <= p.end())
              || TheaterScopes.find(text).stream().anyMatch(p -> p.start() <= m.start() && m.end() <= p.end())) {
            continue; // the rule's exceptions: a dateline, a period phrase ("the first six months"), a scope ("the two countries")
          }
          String written = m.written(text);
          boolean reviewed = e.review().stream().anyMatch(r -> r.line() == s.line() && r.number().equals(written));
          boolean placed = e.figures().stream().anyMatch(f -> f.quotes().contains(text) && f.value() >= 0);
          assertTrue(reviewed || placed, () -> l.file() + " line " + s.line() + ": '" + written + "' neither in a figure nor in review");
        }
      }
    }
  }
}
