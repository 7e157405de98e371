package org.campaignmetrics;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.campaignmetrics.input.InputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acceptance figures, from the seed documents in sample-data/, read back from the outputs. */
public class SampleDataAcceptanceTest extends SparkTest {
  public static final List<String> TABLES =
      List.of("figures", "operations_periods", "theater_split", "attack_trends", "context_series", "checks",
          "rejects", "claim_checks");

  @TempDir
  static Path output;

  @BeforeAll
  static void runTheJob() {
    CampaignMetrics.run(spark, "sample-data", output.toString());
  }

  private static Dataset<Row> parquet(String table) {
    return spark.read().parquet(output.resolve("parquet").resolve(table).toString());
  }

  @Test
  void firstHalfOf2024ByTheater() {
    assertRows("SELECT * FROM VALUES"
            + " ('ALL', 196L, 44L, 166L, 8L, 32L, 0.224490),"
            + " ('IRAQ', 137L, 30L, 74L, NULL, NULL, 0.218978),"
            + " ('SYRIA', 59L, 14L, 92L, NULL, NULL, 0.237288)"
            + " AS t(theater, missions, killed, detained, leaders_killed, leaders_detained, killed_per_mission)",
        parquet("operations_periods").filter(col("period_label").equalTo("2024-H1")));
  }

  @Test
  void secondQuarterOf2024ByDifference() {
    assertRows("SELECT * FROM VALUES"
            + " ('2024-Q1', 'ALL', 94L, 18L, 63L, 'reported'),"
            + " ('2024-Q2', 'ALL', 102L, 26L, 103L, 'difference'),"
            + " ('2024-Q2', 'IRAQ', 71L, 19L, 38L, 'difference'),"
            + " ('2024-Q2', 'SYRIA', 31L, 7L, 65L, 'difference')"
            + " AS t(period_label, theater, missions, killed, detained, derivation)",
        parquet("operations_periods").filter(col("period_label").isin("2024-Q1", "2024-Q2")
            .and(col("period_label").equalTo("2024-Q2").or(col("theater").equalTo("ALL")))));
  }

  @Test
  void theaterSplitOfTheFirstHalf() {
    assertRows("SELECT * FROM VALUES ('IRAQ', 0.698980, 0.681818, 0.445783), ('SYRIA', 0.301020, 0.318182, 0.554217)"
            + " AS t(theater, missions_share, killed_share, detained_share)",
        parquet("theater_split").filter(col("period_label").equalTo("2024-H1")));
  }

  @Test
  void theOperationsSinceAugust29() {
    assertRows("SELECT * FROM VALUES ('2024-08-29/2024-11-04', 'custom', 68, 95L, 163L, 33L, 1.715789)"
            + " AS t(period_label, grain, days, missions, killed, detained, killed_per_mission)",
        parquet("operations_periods").filter(col("period_start").equalTo("2024-08-29")));
  }

  @Test
  void attacksOnPaceToMoreThanDouble() {
    assertRows("SELECT * FROM VALUES ('2024-H1', 'ALL', 182, 153L, 121L, 1.264463, 307.681319, 2.542821,"
            + " 'centcom-2024-h1;newregion-2024-07-17;shafaq-2024-h1')"
            + " AS t(period_label, theater, days, claimed_attacks, prior_year_attacks, to_date_multiple,"
            + " annualized_attacks, annualized_multiple, sources)",
        parquet("attack_trends").filter(col("period_label").equalTo("2024-H1")));
  }

  @Test
  void theOfficialReleaseWinsAndItsQuoteIsKept() {
    Row killed = parquet("figures").filter(col("period_label").equalTo("2024-H1")
        .and(col("theater").equalTo("IRAQ")).and(col("metric").equalTo("killed"))).first();
    assertEquals("centcom-2024-h1;newregion-2024-07-17;shafaq-2024-h1", killed.getAs("sources"));
    assertEquals("In Iraq, 137 partnered operations resulted in 30 ISIS operatives killed and 74 ISIS operatives detained.",
        killed.getAs("quote"));
  }

  @Test
  void theCampsPopulationFallCannotBeToldFromTwoLowerBounds() {
    // "over 70,000" then "more than 45,000": either could be far higher, so no change is given
    assertRows("SELECT * FROM VALUES"
            + " (DATE'2019-12-31', 70000L, 'more_than', NULL, NULL, NULL, 'lower_bound', 'centcom-2024-h1'),"
            + " (DATE'2024-03-31', 45000L, 'more_than', DATE'2019-12-31', NULL, NULL, 'undetermined',"
            + "  'sulaimani-2024-q1'),"
            + " (DATE'2024-07-16', 43000L, 'more_than', DATE'2024-03-31', NULL, NULL, 'undetermined',"
            + "  'centcom-2024-h1;newregion-2024-07-17')"
            + " AS t(as_of, value, qualifier, previous_as_of, change, change_per_year, precision, sources)",
        parquet("context_series").filter(col("metric").equalTo("camp_population")));
  }

  @Test
  void theSampleDataIsCleanAndItsQualifiedFiguresStayQualified() {
    assertEquals(0, parquet("rejects").count());
    // the figures agree with each other: the one check is The New Region's claim, which they contradict
    assertEquals(List.of("claim_contradicted"),
        parquet("checks").select("check").collectAsList().stream().map(r -> r.getString(0)).toList());
    assertRows("SELECT * FROM VALUES ('2024-08-29/2024-11-04', 'ALL', 30L, 'lower_bound'),"
            + " ('2024-10-21/2024-10-31', 'SYRIA', NULL, 'approximate'), ('2024-10-22', 'IRAQ', NULL, 'lower_bound')"
            + " AS t(period_label, theater, leaders_removed, precision)",
        parquet("operations_periods").filter(col("period_start").geq("2024-08-01")));
  }

  @Test
  void theFourClaimsOfTheSeedsAreCheckedAgainstTheFigures() {
    assertRows("SELECT * FROM VALUES"
            + " ('centcom-camps-down-from-peak', 'centcom-2024-h1', 43000L, 'more_than',"
            + "  'centcom-2024-h1;newregion-2024-07-17', 70000L, 'more_than', 'centcom-2024-h1', -27000.0, 'undetermined',"
            + "  '>43000 camp population on 2024-07-16 in AL-HOL AND AL-ROJ CAMPS against >70000 on 2019-12-31 in AL-HOL"
            + " AND AL-ROJ CAMPS: a difference of -27000 as stated, any value with the qualifiers, cannot tell whether"
            + " less than 0'),"
            + " ('centcom-h1-pace-more-than-double', 'centcom-2024-h1', 153L, 'exact',"
            + "  'centcom-2024-h1;newregion-2024-07-17;shafaq-2024-h1', 121L, 'exact', 'shafaq-2024-h1', 2.542821,"
            + "  'supported', '153 x 366/182 = 307.7 claimed attacks a year (in 2024-H1) against 121 in 2023: 2.54 times,"
            + " more than 2'),"
            + " ('newregion-h1-more-than-double', 'newregion-2024-07-17', 153L, 'exact',"
            + "  'centcom-2024-h1;newregion-2024-07-17;shafaq-2024-h1', 121L, 'exact', 'shafaq-2024-h1', 1.264463,"
            + "  'contradicted', '153 claimed attacks in 2024-H1 against 121 in 2023: 1.26 times, not more than 2'),"
            + " ('shafaq-on-track-to-double', 'shafaq-2024-h1', 153L, 'exact',"
            + "  'centcom-2024-h1;newregion-2024-07-17;shafaq-2024-h1', 121L, 'exact', 'shafaq-2024-h1', 2.542821,"
            + "  'supported', '153 x 366/182 = 307.7 claimed attacks a year (in 2024-H1) against 121 in 2023: 2.54 times,"
            + " at least 2')"
            + " AS t(claim_id, report_id, claimed_value, claimed_qualifier, claimed_sources, baseline_value,"
            + " baseline_qualifier, baseline_sources, observed, verdict, reason)",
        parquet("claim_checks"));
    Row check = parquet("checks").first();
    assertEquals("warning", check.getAs("severity"));
    assertEquals("2024-H1", check.getAs("period_label"));
    assertEquals(153L, check.<Long>getAs("value"));
    assertEquals(121L, check.<Long>getAs("compared_value"));
    assertEquals("centcom-2024-h1;newregion-2024-07-17;shafaq-2024-h1", check.getAs("sources"));
    assertEquals("claim newregion-h1-more-than-double: 2024-H1 ALL claimed_attacks = 153 (reported: "
        + "centcom-2024-h1;newregion-2024-07-17;shafaq-2024-h1) | 2023 ALL claimed_attacks = 121 (reported: "
        + "shafaq-2024-h1)", check.getAs("figures"));
    assertEquals("claim newregion-h1-more-than-double of newregion-2024-07-17 is contradicted by the figures: 153 "
        + "claimed attacks in 2024-H1 against 121 in 2023: 1.26 times, not more than 2", check.getAs("message"));
  }

  @Test
  void everyTableIsOneCsvFileWithAHeaderMatchingItsParquet() throws Exception {
    for (String table : TABLES) {
      Path csv = output.resolve("csv").resolve(table + ".csv");
      List<String> lines = Files.readAllLines(csv);
      assertEquals(String.join(",", parquet(table).columns()), lines.get(0), table);
      Dataset<Row> csvRows = spark.read().option("header", "true").option("multiLine", "true")
          .option("escape", "\"").csv(csv.toString());
      assertEquals(parquet(table).count(), csvRows.count(), table);
    }
  }

  @Test
  void rowsAreSortedByPeriodAndTheater() {
    List<Row> rows = parquet("operations_periods").select("period_start", "period_end", "theater").collectAsList();
    for (int i = 1; i < rows.size(); i++) {
      String previous = rows.get(i - 1).mkString("|");
      String current = rows.get(i).mkString("|");
      assertTrue(previous.compareTo(current) < 0, previous + " before " + current);
    }
  }

  @Test
  void aRerunGivesByteIdenticalCsvAndAFailedRunLeavesTheOutputsAlone(@TempDir Path temp) throws Exception {
    byte[] before = Files.readAllBytes(output.resolve("csv/operations_periods.csv"));
    CampaignMetrics.run(spark, "sample-data", output.toString());
    assertArrayEquals(before, Files.readAllBytes(output.resolve("csv/operations_periods.csv")));

    // a run that fails (operations.csv lacks a required column) leaves the previous outputs alone
    Path bad = inputDir(temp.resolve("bad"), "reports.csv", Files.readString(Path.of("sample-data/reports.csv")),
        "operations.csv", "report_id,period_start,period_end,theater,missions\n",
        "attacks.csv", Files.readString(Path.of("sample-data/attacks.csv")));
    assertThrows(InputException.class, () -> CampaignMetrics.run(spark, bad.toString(), output.toString()));
    assertArrayEquals(before, Files.readAllBytes(output.resolve("csv/operations_periods.csv")));
    try (var entries = Files.list(output)) {
      assertEquals(List.of("_manifest.json", "csv", "history", "parquet"), entries.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }
}
