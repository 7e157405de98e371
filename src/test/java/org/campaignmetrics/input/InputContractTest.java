package org.campaignmetrics.input;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.campaignmetrics.CampaignMetrics;
import org.campaignmetrics.publish.PublishGates;
import org.campaignmetrics.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input contract: columns by name, ordinary CSV quirks, whole-file problems that stop the run,
 * and strict mode. Row-level problems are covered case by case in {@link BadInputCorpusTest}.
 */
class InputContractTest extends SparkTest {
  private static final String REPORTS = "report_id,publisher,published_on,source_type,title,reference\n"
      + "r1,CENTCOM,2024-07-16,official,\"Release, H1\",doc.txt\n";
  private static final String OPERATIONS_HEADER =
      "report_id,period_start,period_end,theater,missions,killed,detained,leaders_killed,leaders_detained,quote\n";
  private static final String ATTACKS = "report_id,period_start,period_end,theater,claimed_attacks\n";

  @TempDir
  Path temp;

  private Path input(String reports, String operations, String attacks) throws Exception {
    return inputDir(temp.resolve("in"), "reports.csv", reports, "operations.csv", operations, "attacks.csv", attacks);
  }

  private Dataset<Row> figures(String reports, String operations, String attacks) throws Exception {
    return CampaignMetrics.compute(spark, input(reports, operations, attacks).toString()).rows("figures");
  }

  @Test
  void columnsAreMatchedByHeaderNameInAnyOrder() throws Exception {
    Dataset<Row> figures = figures(REPORTS,
        "detained,killed,theater,period_end,period_start,report_id,leaders_detained,leaders_killed,missions\n"
            + "166,44,all,2024-06-30,2024-01-01,r1,32,8,196\n",
        "theater,claimed_attacks,report_id,period_end,period_start\nALL,153,r1,2024-06-30,2024-01-01\n");
    assertRows("SELECT * FROM VALUES ('ALL', 'claimed_attacks', 153L, 'reported'), ('ALL', 'detained', 166L, 'reported'),"
            + " ('ALL', 'killed', 44L, 'reported'), ('ALL', 'leaders_detained', 32L, 'reported'),"
            + " ('ALL', 'leaders_killed', 8L, 'reported'), ('ALL', 'leaders_removed', 40L, 'summed'),"
            + " ('ALL', 'missions', 196L, 'reported') AS t(theater, metric, value, derivation)",
        figures);
  }

  @Test
  void byteOrderMarkCrlfQuotedCommasAndLineBreaksAreOrdinaryInput() throws Exception {
    String operations = "\uFEFF" + OPERATIONS_HEADER.replace("\n", "\r\n")
        + "r1,2024-01-01,2024-06-30,IRAQ,137,30,74,,,\"In Iraq, 137 partnered operations\r\nresulted in 30 killed.\"\r\n"
        + "r1,2024-01-01,2024-06-30,SYRIA,59,14,92,,,\"In Syria, \"\"59\"\" operations\"\r\n";
    Dataset<Row> figures = figures(REPORTS, operations, ATTACKS);
    assertRows("SELECT * FROM VALUES"
            + " ('IRAQ', 'missions', 137L, 'In Iraq, 137 partnered operations\\nresulted in 30 killed.'),"
            + " ('SYRIA', 'missions', 59L, 'In Syria, \"59\" operations')"
            + " AS t(theater, metric, value, quote)",
        figures.filter(col("metric").equalTo("missions").and(col("theater").notEqual("ALL"))));
  }

  @Test
  void qualifiedCountsKeepTheirQualifier() throws Exception {
    Dataset<Row> figures = figures(REPORTS, OPERATIONS_HEADER.replace(",quote", ",leaders_removed,quote")
            + "r1,2024-10-21,2024-10-31,SYRIA,,~35,,,,,\n"
            + "r1,2024-10-22,2024-10-22,IRAQ,2,>=7,,,,,\n"
            + "r1,2024-08-29,2024-11-04,ALL,95,163,33,,,>30,\n",
        ATTACKS);
    assertRows("SELECT * FROM VALUES ('SYRIA', 'killed', 35L, 'approximate'), ('IRAQ', 'killed', 7L, 'at_least'),"
            + " ('IRAQ', 'missions', 2L, 'exact'), ('ALL', 'leaders_removed', 30L, 'more_than')"
            + " AS t(theater, metric, value, qualifier)",
        figures.filter(col("metric").isin("killed", "missions", "leaders_removed")
            .and(col("period_start").notEqual("2024-08-29").or(col("metric").equalTo("leaders_removed")))));
  }

  @Test
  void anUnknownExtraColumnIsIgnored() throws Exception {
    Dataset<Row> figures = figures(REPORTS,
        OPERATIONS_HEADER.replace("\n", ",analyst_note\n") + "r1,2024-01-01,2024-06-30,ALL,196,44,166,,,q,checked\n",
        ATTACKS);
    assertEquals(3, figures.count());
  }

  @Test
  void aBadRowIsQuarantinedAndTheRunGoesOn() throws Exception {
    CampaignMetrics.Outputs outputs = CampaignMetrics.compute(spark, input(REPORTS,
        OPERATIONS_HEADER + "r1,2024-01-01,2024-06-30,ALL,196,44,166,,,\nr1,2024-01-01,2024-06-30,IRAQ,x,1,1,,,\n",
        ATTACKS).toString());
    assertEquals(3, outputs.rows("figures").count());
    assertRows("SELECT * FROM VALUES ('operations.csv', 3L, 'r1,2024-01-01,2024-06-30,IRAQ,x,1,1,,,', 'missions')"
        + " AS t(file, line, raw, column)", outputs.rows("rejects"));
  }

  @Test
  void strictModeStopsOnTheFirstRejectBeforeWritingAnything() throws Exception {
    Path in = input(REPORTS, OPERATIONS_HEADER + "r1,2024-01-01,2024-06-30,IRAQ,x,1,1,,,\n", ATTACKS);
    Path out = temp.resolve("out");
    RejectedInputException error = assertThrows(RejectedInputException.class,
        () -> CampaignMetrics.run(spark, in.toString(), out.toString(), new CampaignMetrics.Options(true)));
    assertEquals("operations.csv line 2, column 'missions': not a whole number 'x'", error.getMessage());
    assertEquals(1, error.rejected());
    assertTrue(Files.notExists(out), "nothing written");
  }

  @Test
  void aMissingRequiredColumnStopsTheRun() {
    InputException error = assertThrows(InputException.class,
        () -> figures(REPORTS, OPERATIONS_HEADER.replace(",killed", ""), ATTACKS));
    assertTrue(error.getMessage().startsWith("operations.csv: missing required column 'killed'"), error.getMessage());
  }

  @Test
  void aDuplicateReportIdStopsTheRun() {
    InputException error = assertThrows(InputException.class,
        () -> figures(REPORTS + "r1,Outlet,,media,T,ref\n", OPERATIONS_HEADER, ATTACKS));
    assertEquals("reports.csv: duplicate report_id 'r1' on lines 2, 3", error.getMessage());
  }

  @Test
  void countsThatSumPastTheRangeOfALongStopTheRunInsteadOfWrapping() {
    // each count is within the contract (18 digits); ten of them for one statement are not
    String row = "r1,2024-01-01,2024-03-31,IRAQ,1,999999999999999999,0,0,0,\n";
    InputException error = assertThrows(InputException.class,
        () -> figures(REPORTS, OPERATIONS_HEADER + row.repeat(10), ATTACKS));
    assertEquals("operations.csv, attacks.csv: the counts of one report for one period and theater sum to more than "
        + "9223372036854775807 (rule 1), more than the job can hold", error.getMessage());
    // rows rejected for another reason are quarantined, however large their counts
    String badDate = "r1,2024-01-xx,2024-03-31,IRAQ,1,999999999999999999,0,0,0,\n";
    assertDoesNotThrow(() -> figures(REPORTS, OPERATIONS_HEADER + badDate.repeat(10), ATTACKS));
    // nine of them fit, and the sum is exact
    Row killed = assertDoesNotThrow(() -> figures(REPORTS, OPERATIONS_HEADER + row.repeat(9), ATTACKS))
        .filter(col("metric").equalTo("killed")).first();
    assertEquals(8999999999999999991L, killed.<Long>getAs("value"));
  }

  @Test
  void aDerivedFigurePastTheRangeOfALongStopsTheRun() {
    // twelve months of 18-digit counts fit, and so do their quarters and halves; their year does not
    StringBuilder months = new StringBuilder(OPERATIONS_HEADER);
    for (int month = 1; month <= 12; month++) {
      java.time.YearMonth m = java.time.YearMonth.of(2024, month);
      months.append("r1,").append(m.atDay(1)).append(',').append(m.atEndOfMonth())
          .append(",IRAQ,1,999999999999999999,0,0,0,\n");
    }
    InputException error = assertThrows(InputException.class, () -> figures(REPORTS, months.toString(), ATTACKS));
    assertEquals("the input's figures add up to more than 9223372036854775807 in a derived figure (rule 2, 4 or 5), "
        + "more than the job can hold", error.getMessage());
  }

  @Test
  void aMissingOrEmptyFileStopsTheRun() throws Exception {
    Path dir = inputDir(temp.resolve("missing"), "reports.csv", REPORTS, "operations.csv", OPERATIONS_HEADER);
    InputException missing = assertThrows(InputException.class,
        () -> CampaignMetrics.compute(spark, dir.toString()));
    assertTrue(missing.getMessage().startsWith("attacks.csv: required input file not found"), missing.getMessage());

    Files.writeString(dir.resolve("attacks.csv"), "");
    InputException empty = assertThrows(InputException.class, () -> CampaignMetrics.compute(spark, dir.toString()));
    assertEquals("attacks.csv: the file is empty (a header row is required)", empty.getMessage());
  }

  @Test
  void anInputThatIsNotAFileStopsTheRun() throws Exception {
    Path dir = inputDir(temp.resolve("dir"), "reports.csv", REPORTS, "attacks.csv", ATTACKS);
    Files.createDirectories(dir.resolve("operations.csv"));
    InputException error = assertThrows(InputException.class, () -> CampaignMetrics.compute(spark, dir.toString()));
    assertTrue(error.getMessage().startsWith("operations.csv: expected a file but found a directory"), error.getMessage());
  }

  /**
   * More rejected rows than the load brings to the driver: the rejects table is then computed and
   * written by Spark, and must still hold every one of them, once, in order.
   */
  @Test
  void rejectsBeyondWhatTheDriverCollectsAreAllWritten() throws Exception {
    int bad = Quarantine.REJECTS_COLLECTED + 5;
    StringBuilder operations = new StringBuilder(OPERATIONS_HEADER)
        .append("r1,2024-01-01,2024-06-30,ALL,196,44,166,8,32,\n");
    for (int i = 0; i < bad; i++) {
      operations.append("r1,2024-01-01,2024-06-30,ALL,-").append(i + 1).append(",1,1,,,\n");
    }
    Path output = temp.resolve("out");
    // every row but one rejected: published only because the gate is opened for it
    CampaignMetrics.Outputs outputs = CampaignMetrics.run(spark,
        input(REPORTS, operations.toString(), ATTACKS + "r1,2024-01-01,2024-06-30,ALL,153\n").toString(),
        output.toString(), CampaignMetrics.Options.DEFAULT.withGates(
            new PublishGates.Policy(PublishGates.RejectLimit.parse("100%"), false, false)));
    assertFalse(outputs.held());
    assertEquals(bad, outputs.rejectCount());
    java.util.List<String> csv = Files.readAllLines(output.resolve("csv/rejects.csv"));
    assertEquals(bad + 1, csv.size());
    assertEquals("operations.csv,3,\"r1,2024-01-01,2024-06-30,ALL,-1,1,1,,,\",missions,negative count '-1'", csv.get(1));
    assertTrue(csv.get(bad).startsWith("operations.csv," + (bad + 2) + ","), csv.get(bad));
    assertEquals(bad, spark.read().parquet(output.resolve("parquet/rejects").toString()).count());
    assertEquals(196L, outputs.rows("figures").filter("metric = 'missions'").first().<Long>getAs("value"));
  }

  /**
   * claims.csv: columns by name in any order, without its optional columns (baseline_theater
   * defaults to theater), read in the one input pass, accounted; under strict, a bad claim stops the run.
   */
  @Test
  void claimsAreReadByHeaderNameAndAccounted() throws Exception {
    Path in = input(REPORTS, OPERATIONS_HEADER + "r1,2024-01-01,2024-06-30,IRAQ,137,30,74,,,\n"
            + "r1,2024-01-01,2024-06-30,SYRIA,59,14,92,,,\n",
        ATTACKS + "r1,2024-01-01,2024-06-30,ALL,153\nr1,2023-01-01,2023-12-31,ALL,121\n");
    Files.writeString(in.resolve("claims.csv"),
        "threshold,operator,comparison,baseline_end,baseline_start,basis,period_end,period_start,Theater,metric,"
            + "quote,report_id,claim_id\n"
            + "2,>,ratio,2023-12-31,2023-01-01,Annualised,2024-06-30,2024-01-01,all,Claimed_Attacks,"
            + "\"On pace to more than double, it said\",r1,pace\n"
            + "2,>,ratio,2024-06-30,2024-01-01,total,2024-06-30,2024-01-01,iraq,killed,Twice Syria's,r1,iraq\n");
    CampaignMetrics.Outputs outputs = CampaignMetrics.compute(spark, in.toString());
    assertRows("SELECT * FROM VALUES"
            + " ('iraq', 'IRAQ', 'IRAQ', 'total', 30L, 30L, 1.0, 'contradicted'),"
            + " ('pace', 'ALL', 'ALL', 'annualised', 153L, 121L, 2.542821, 'supported')"
            + " AS t(claim_id, theater, baseline_theater, basis, claimed_value, baseline_value, observed, verdict)",
        outputs.rows("claim_checks"));
    FileAccount claims = outputs.accounts().get(outputs.accounts().size() - 1);
    assertEquals(new FileAccount("claims.csv", 2, 2, 0), claims);
    assertEquals(1, outputs.warnings(), "the contradicted claim is a warning");

    Files.writeString(in.resolve("claims.csv"), Files.readString(in.resolve("claims.csv")).replace(",>,ratio,2024",
        ",>>,ratio,2024"));
    RejectedInputException strict = assertThrows(RejectedInputException.class,
        () -> CampaignMetrics.compute(spark, in.toString(), new CampaignMetrics.Options(true)));
    assertTrue(strict.getMessage().contains("claims.csv line 3, column 'operator': unknown operator '>>'"),
        strict.getMessage());
  }
}
