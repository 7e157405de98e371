package org.campaignmetrics.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * On the five seeds, extraction gives sample-data's operations, attacks and context rows (same
 * periods, theaters, metrics, values, qualifiers), except the ones the README says were dated by
 * hand, which are in review.csv with the reason.
 */
class SeedsMatchSampleDataTest {
  private static final Path SAMPLE = Path.of("sample-data");
  private static final List<String> OPERATIONS_METRICS =
      List.of("missions", "killed", "detained", "leaders_killed", "leaders_detained", "leaders_removed");

  /**
   * sample-data rows dated by hand (README, "Where a sentence gives no exact dates"), with the
   * reason review.csv gives for their number. The New Region's context figures, dated by CENTCOM's
   * release, are extracted as of the article's own date instead (see CorpusScoreTest.HAND_DATED).
   */
  private static final Map<String, String> DATED_BY_HAND = Map.of(
      "centcom-since-aug29-2024: 2024-10-21..2024-10-31 SYRIA killed ~35", "vague period: late October",
      "sulaimani-2024-q1: 2024-03-31..2024-03-31 ALL fighters_at_large ~2500", "no date",
      "sulaimani-2024-q1: 2024-03-31..2024-03-31 SYRIA detainees_in_facilities >9000", "no date",
      "sulaimani-2024-q1: 2024-03-31..2024-03-31 AL-HOL AND AL-ROJ CAMPS camp_population >45000", "no date",
      "shafaq-2024-h1: 2024-03-31..2024-03-31 IRAQ fighters_at_large ~1000", "vague date: the same month",
      "centcom-2024-h1: 2019-12-31..2019-12-31 AL-HOL AND AL-ROJ CAMPS camp_population >70000", "vague date: in 2019",
      "newregion-2024-07-17: 2024-07-16..2024-07-16 ALL fighters_at_large ~2500", "as of 2024-07-17",
      "newregion-2024-07-17: 2024-07-16..2024-07-16 SYRIA detainees_in_facilities >9000", "as of 2024-07-17",
      "newregion-2024-07-17: 2024-07-16..2024-07-16 AL-HOL AND AL-ROJ CAMPS camp_population >43000", "as of 2024-07-17");

  @Test
  void extractionReproducesSampleData() throws IOException {
    List<Scoring.Row> sample = sampleRows();
    Map<String, Extraction> byReport = new HashMap<>();
    List<Scoring.Row> extracted = new ArrayList<>();
    for (Corpus.Labelled l : Corpus.load(Corpus.DIR)) {
      if (l.file().startsWith("seed-")) {
        String report = l.extraction().report().reportId();
        byReport.put(report, l.extraction());
        extracted.addAll(Scoring.actual(report, l.extraction()));
      }
    }
    assertEquals(5, byReport.size(), "the five seeds");
    TreeSet<String> expected = new TreeSet<>();
    for (Scoring.Row r : sample) {
      expected.add(r.toString());
    }
    TreeSet<String> got = new TreeSet<>();
    for (Scoring.Row r : extracted) {
      got.add(r.toString());
    }
    for (String row : expected) {
      String reason = DATED_BY_HAND.get(row);
      if (reason == null) {
        assertTrue(got.contains(row), "sample-data row not extracted: " + row);
        continue;
      }
      String report = row.substring(0, row.indexOf(':'));
      if (reason.startsWith("as of ")) {
        String redated = row.replaceFirst("\\d{4}-\\d{2}-\\d{2}\\.\\.\\d{4}-\\d{2}-\\d{2}",
            reason.substring(6) + ".." + reason.substring(6));
        assertTrue(got.contains(redated), "hand-dated row extracted with the document's date: " + redated);
        got.remove(redated);
        continue;
      }
      String value = row.substring(row.lastIndexOf(' ') + 1).replaceAll("[^0-9]", "");
      boolean reviewed = byReport.get(report).review().stream().anyMatch(item -> item.reason().startsWith(reason)
          && item.number().replaceAll("[^0-9]", "").equals(value));
      assertTrue(reviewed, "hand-dated row not in review with '" + reason + "': " + row);
      assertTrue(got.stream().noneMatch(g -> g.startsWith(report + ":") && g.endsWith(row.substring(row.indexOf(' ', row.indexOf("..")) ))),
          "hand-dated row extracted anyway: " + row);
    }
    got.removeAll(expected);
    assertEquals(new TreeSet<String>(), got, "extracted from the seeds but not in sample-data");
  }

  /** sample-data's figures, one row per report, period, theater and metric. */
  private static List<Scoring.Row> sampleRows() throws IOException {
    List<Scoring.Row> rows = new ArrayList<>();
    for (Map<String, String> r : read("operations.csv")) {
      for (String metric : OPERATIONS_METRICS) {
        add(rows, r.get("report_id"), r.get("period_start"), r.get("period_end"), r.get("theater"), metric, r.get(metric));
      }
    }
    for (Map<String, String> r : read("attacks.csv")) {
      add(rows, r.get("report_id"), r.get("period_start"), r.get("period_end"), r.get("theater"), "claimed_attacks",
          r.get("claimed_attacks"));
    }
    for (Map<String, String> r : read("context.csv")) {
      add(rows, r.get("report_id"), r.get("as_of"), r.get("as_of"), r.get("scope"), r.get("metric"), r.get("value"));
    }
    return rows;
  }

  private static List<Map<String, String>> read(String file) throws IOException {
    return Csv.parseWithHeader(Files.readString(SAMPLE.resolve(file)));
  }

  private static void add(List<Scoring.Row> rows, String report, String start, String end, String theater, String metric,
      String cell) {
    if (cell == null || cell.isBlank()) {
      return;
    }
    String csv = "period_start,period_end,theater,metric,value,qualifier\n" + start + "," + end + "," + theater + ","
        + metric + "," + cell + ",\n";
    rows.addAll(Scoring.expected(report, csv));
  }
}
