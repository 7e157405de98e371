package org.campaignmetrics.io;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.campaignmetrics.CampaignMetrics;
import org.campaignmetrics.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The input contract: columns by name, ordinary CSV quirks, and bad input named by file, line and column. */
class InputContractTest extends SparkTest {
  private static final String REPORTS = "report_id,publisher,published_on,source_type,title,reference\n"
      + "r1,CENTCOM,2024-07-16,official,\"Release, H1\",doc.txt\n";
  private static final String OPERATIONS_HEADER =
      "report_id,period_start,period_end,theater,missions,killed,detained,leaders_killed,leaders_detained,quote\n";
  private static final String ATTACKS = "report_id,period_start,period_end,theater,claimed_attacks\n";

  @TempDir
  Path temp;

  private Dataset<Row> figures(String reports, String operations, String attacks) throws Exception {
    Path dir = inputDir(temp.resolve("in"), "reports.csv", reports, "operations.csv", operations,
        "attacks.csv", attacks);
    return CampaignMetrics.compute(spark, dir.toString()).figures();
  }

  private String rejected(String reports, String operations, String attacks) {
    InputException error = assertThrows(InputException.class, () -> figures(reports, operations, attacks).count());
    return error.getMessage();
  }

  @Test
  void columnsAreMatchedByHeaderNameInAnyOrder() throws Exception {
    Dataset<Row> figures = figures(REPORTS,
        "detained,killed,theater,period_end,period_start,report_id,leaders_detained,leaders_killed,missions\n"
            + "166,44,all,2024-06-30,2024-01-01,r1,32,8,196\n",
        "theater,claimed_attacks,report_id,period_end,period_start\nALL,153,r1,2024-06-30,2024-01-01\n");
    assertRows("SELECT * FROM VALUES ('ALL', 'claimed_attacks', 153L), ('ALL', 'detained', 166L),"
            + " ('ALL', 'killed', 44L), ('ALL', 'leaders_detained', 32L), ('ALL', 'leaders_killed', 8L),"
            + " ('ALL', 'missions', 196L) AS t(theater, metric, value)",
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
  void anUnknownExtraColumnIsIgnored() throws Exception {
    Dataset<Row> figures = figures(REPORTS,
        OPERATIONS_HEADER.replace("\n", ",analyst_note\n") + "r1,2024-01-01,2024-06-30,ALL,196,44,166,,,q,checked\n",
        ATTACKS);
    assertEquals(3, figures.count());
  }

  @Test
  void aBadNumberNamesTheFileTheLineAndTheColumnCountingLinesInsideQuotes() {
    String message = rejected(REPORTS, OPERATIONS_HEADER
            + "r1,2024-01-01,2024-06-30,IRAQ,137,30,74,,,\"a quote\nover two lines\"\n"
            + "r1,2024-01-01,2024-06-30,SYRIA,59,1.5k,92,,,\n",
        ATTACKS);
    assertEquals("operations.csv line 4, column 'killed': not a whole number '1.5k'", message);
  }

  @Test
  void everyKindOfBadRowIsNamed() {
    String message = rejected(REPORTS + "r2,Outlet,17/07/2024,blog,T,ref\n",
        OPERATIONS_HEADER
            + "r1,2024-06-30,2024-01-01,IRAQ,1,1,1,,,\n"
            + "r1,2024-01-01,2024-06-30,SYRIA,-3,1,1,,,\n"
            + "nope,2024-01-01,2024-06-30,SYRIA,3,1,1,,,\n"
            + "r1,2024-02-30,2024-06-30,SYRIA,3,1,1,,,\n"
            + "r1,2024-01-01,2024-06-30,,3,1,1,,,\n"
            + "r1,2024-01-01,2024-06-30,IRAQ,99999999999999999999,1,1,,,\n",
        ATTACKS);
    assertEquals(String.join("\n",
        "operations.csv line 2, column 'period_end': period_end is before period_start",
        "operations.csv line 3, column 'missions': negative count '-3'",
        "operations.csv line 4, column 'report_id': unknown report_id 'nope' (not in reports.csv)",
        "operations.csv line 5, column 'period_start': not a date (yyyy-MM-dd) '2024-02-30'",
        "operations.csv line 6, column 'theater': required value is empty",
        "operations.csv line 7, column 'missions': number too large '99999999999999999999'",
        "reports.csv line 3, column 'published_on': not a date (yyyy-MM-dd) '17/07/2024'"), message);
  }

  @Test
  void anUnknownSourceTypeAndADuplicateReportAreRejected() {
    String message = rejected(REPORTS + "r1,Outlet,,media,T,ref\nr3,Outlet,,blog,T,ref\n",
        OPERATIONS_HEADER, ATTACKS);
    assertEquals(String.join("\n",
        "reports.csv line 2, column 'report_id': duplicate report_id 'r1'",
        "reports.csv line 3, column 'report_id': duplicate report_id 'r1'",
        "reports.csv line 4, column 'source_type': unknown source_type 'blog' (expected official or media)"),
        message);
  }

  @Test
  void aMissingRequiredColumnStopsTheRun() {
    String message = rejected(REPORTS, OPERATIONS_HEADER.replace(",killed", ""), ATTACKS);
    assertTrue(message.startsWith("operations.csv: missing required column 'killed'"), message);
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
  void aMalformedRecordIsNamed() {
    String message = rejected(REPORTS, OPERATIONS_HEADER + "r1,2024-01-01,2024-06-30,IRAQ,1,2,3,,,q,extra,fields\n",
        ATTACKS);
    assertEquals("operations.csv line 2, column '(record)': "
        + "malformed CSV record (wrong number of fields or broken quoting)", message);
  }
}
