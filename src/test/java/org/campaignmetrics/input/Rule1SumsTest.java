package org.campaignmetrics.input;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.campaignmetrics.CampaignMetrics;
import org.campaignmetrics.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Rule1SumsTest extends SparkTest {
  private static final String REPORTS_HEADER =
      "report_id,publisher,published_on,source_type,title,reference,coverage_start,coverage_end\n";
  private static final String OPERATIONS_HEADER =
      "report_id,period_start,period_end,theater,missions,killed,detained,leaders_killed,leaders_detained,quote\n";
  private static final String NO_ATTACKS = "report_id,period_start,period_end,theater,claimed_attacks,quote\n";

  @TempDir
  Path temp;

  private Dataset<Row> figures(String reports, String operations) throws Exception {
    Path dir = inputDir(temp.resolve("in"), "reports.csv", REPORTS_HEADER + reports,
        "operations.csv", OPERATIONS_HEADER + operations, "attacks.csv", NO_ATTACKS);
    return CampaignMetrics.compute(spark, dir.toString()).rows("figures");
  }

  @Test
  void rule1SumsRecordsOfOneReportAndAnEmptyPartMakesTheSumUnknown() throws Exception {
    Dataset<Row> figures = figures(
        "r,Pub,2024-07-16,official,T,ref,,\n",
        "r,2024-01-01,2024-03-31,iraq,10,3,,,,first raid\n"
            + "r,2024-01-01,2024-03-31,IRAQ,,4,2,,,second raid\n");
    assertRows("SELECT * FROM VALUES"
            + " (DATE'2024-01-01', DATE'2024-03-31', 'IRAQ', 'killed', 7L, 'summed', 'r', 'first raid | second raid')"
            + " AS t(period_start, period_end, theater, metric, value, derivation, sources, quote)",
        figures.filter(col("theater").equalTo("IRAQ")));
  }

  @Test
  void rule2FillsEveryBucketOfTheDeclaredCoverageWithZeroWhereNothingHappened() throws Exception {
    Dataset<Row> figures = figures(
        "events,Event log,2024-07-01,official,Events,log,2024-01-01,2024-06-30\n",
        "events,2024-01-05,2024-01-05,IRAQ,1,2,,,,\n"
            + "events,2024-01-20,2024-01-20,IRAQ,1,1,,,,\n"
            + "events,2024-02-10,2024-02-10,SYRIA,1,3,,,,\n");
    Dataset<Row> killed = figures.filter(col("metric").equalTo("killed").and(col("grain").notEqual("day")));
    assertRows("SELECT * FROM VALUES"
            + " ('2024-01', 'ALL', 3L, 'summed'), ('2024-01', 'IRAQ', 3L, 'summed'), ('2024-01', 'SYRIA', 0L, 'summed'),"
            + " ('2024-02', 'ALL', 3L, 'summed'), ('2024-02', 'IRAQ', 0L, 'summed'), ('2024-02', 'SYRIA', 3L, 'summed'),"
            + " ('2024-03', 'ALL', 0L, 'summed'), ('2024-03', 'IRAQ', 0L, 'summed'), ('2024-03', 'SYRIA', 0L, 'summed'),"
            + " ('2024-04', 'ALL', 0L, 'summed'), ('2024-04', 'IRAQ', 0L, 'summed'), ('2024-04', 'SYRIA', 0L, 'summed'),"
            + " ('2024-05', 'ALL', 0L, 'summed'), ('2024-05', 'IRAQ', 0L, 'summed'), ('2024-05', 'SYRIA', 0L, 'summed'),"
            + " ('2024-06', 'ALL', 0L, 'summed'), ('2024-06', 'IRAQ', 0L, 'summed'), ('2024-06', 'SYRIA', 0L, 'summed'),"
            + " ('2024-Q1', 'ALL', 6L, 'summed'), ('2024-Q1', 'IRAQ', 3L, 'summed'), ('2024-Q1', 'SYRIA', 3L, 'summed'),"
            + " ('2024-Q2', 'ALL', 0L, 'summed'), ('2024-Q2', 'IRAQ', 0L, 'summed'), ('2024-Q2', 'SYRIA', 0L, 'summed'),"
            + " ('2024-H1', 'ALL', 6L, 'summed'), ('2024-H1', 'IRAQ', 3L, 'summed'), ('2024-H1', 'SYRIA', 3L, 'summed')"
            + " AS t(period_label, theater, value, derivation)",
        killed);
    // detained is never stated by the report: it stays unknown rather than zero.
    assertRows("SELECT * FROM VALUES ('x') AS t(metric) WHERE false",
        figures.filter(col("metric").equalTo("detained")));
  }

  @Test
  void rule2LeavesABucketUnknownWhenARecordStraddlesItsEdge() throws Exception {
    Dataset<Row> figures = figures(
        "events,Event log,2024-07-01,official,Events,log,2024-01-01,2024-06-30\n",
        "events,2024-01-05,2024-01-05,IRAQ,1,2,,,,\n"
            + "events,2024-03-25,2024-04-05,IRAQ,1,4,,,,\n");
    Dataset<Row> killed = figures.filter(col("metric").equalTo("killed")
        .and(col("theater").equalTo("IRAQ")).and(col("grain").isin("month", "quarter", "half")));
    assertRows("SELECT * FROM VALUES ('2024-01', 2L), ('2024-02', 0L), ('2024-05', 0L), ('2024-06', 0L),"
            + " ('2024-H1', 6L) AS t(period_label, value)",
        killed);
  }

  @Test
  void aReportWithoutCoverageSaysNothingAboutDaysItDoesNotMention() throws Exception {
    Dataset<Row> figures = figures(
        "r,Pub,2024-07-16,official,T,ref,,\n",
        "r,2024-01-05,2024-01-05,IRAQ,1,2,,,,\n");
    // IRAQ is the table's only theater, so rule 4 makes ALL equal to it.
    assertRows("SELECT * FROM VALUES ('2024-01-05', 'IRAQ', 'killed', 2L, 'reported'),"
            + " ('2024-01-05', 'IRAQ', 'missions', 1L, 'reported'), ('2024-01-05', 'ALL', 'killed', 2L, 'summed'),"
            + " ('2024-01-05', 'ALL', 'missions', 1L, 'summed') AS t(period_label, theater, metric, value, derivation)",
        figures);
  }
}
