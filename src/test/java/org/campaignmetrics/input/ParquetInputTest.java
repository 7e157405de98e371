package org.campaignmetrics.input;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.campaignmetrics.CampaignMetrics;
import org.campaignmetrics.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** operations.parquet and attacks.parquet: the same contract, the same figures as the CSV form. */
class ParquetInputTest extends SparkTest {
  @TempDir
  Path temp;

  /** The sample data with operations and attacks as Parquet: dates typed, counts as text (qualifiers). */
  private Path sampleAsParquet(int partFiles) throws Exception {
    Path dir = Files.createDirectories(temp.resolve("parquet-input"));
    for (String name : List.of("reports.csv", "context.csv")) {
      Files.copy(Path.of("sample-data", name), dir.resolve(name));
    }
    for (String table : List.of("operations", "attacks")) {
      Dataset<Row> csv = spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"")
          .csv("sample-data/" + table + ".csv")
          .withColumn("period_start", to_date(col("period_start")))
          .withColumn("period_end", to_date(col("period_end")));
      csv.repartition(partFiles).write().parquet(dir.resolve(table + ".parquet").toString());
    }
    return dir;
  }

  private static List<Row> sorted(Dataset<Row> table, String... order) {
    return table.orderBy(order[0], java.util.Arrays.copyOfRange(order, 1, order.length)).collectAsList();
  }

  @Test
  void theParquetFormGivesTheSameOutputsAsTheCsvForm() throws Exception {
    CampaignMetrics.Outputs fromCsv = CampaignMetrics.compute(spark, "sample-data");
    CampaignMetrics.Outputs fromParquet = CampaignMetrics.compute(spark, sampleAsParquet(3).toString());
    String[] key = {"period_start", "period_end", "theater"};
    assertEquals(sorted(fromCsv.rows("figures"), "period_start", "period_end", "theater", "metric"),
        sorted(fromParquet.rows("figures"), "period_start", "period_end", "theater", "metric"));
    assertEquals(sorted(fromCsv.rows("operations_periods"), key), sorted(fromParquet.rows("operations_periods"), key));
    assertEquals(sorted(fromCsv.rows("attack_trends"), key), sorted(fromParquet.rows("attack_trends"), key));
    assertEquals(List.of("reports.csv", "operations.parquet", "attacks.parquet", "context.csv"),
        fromParquet.accounts().stream().map(a -> a.file()).toList());
    assertEquals(fromCsv.accounts().get(1).read(), fromParquet.accounts().get(1).read());
  }

  @Test
  void aBadParquetRowIsRejectedWithItsFileAndRowNumber() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("bad"));
    Files.writeString(dir.resolve("reports.csv"),
        "report_id,publisher,published_on,source_type,title,reference\nr1,CENTCOM,2024-07-16,official,T,doc\n");
    Files.writeString(dir.resolve("attacks.csv"), "report_id,period_start,period_end,theater,claimed_attacks\n");
    spark.sql("SELECT * FROM VALUES"
            + " ('r1', DATE'2024-01-01', DATE'2024-06-30', 'IRAQ', 137L, 30L, 74L, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT)),"
            + " ('r1', DATE'2024-01-01', DATE'2024-06-30', 'SYRIA', 59L, -14L, 92L, NULL, NULL)"
            + " AS t(report_id, period_start, period_end, theater, missions, killed, detained, leaders_killed,"
            + " leaders_detained)")
        .coalesce(1).write().parquet(dir.resolve("operations.parquet").toString());
    CampaignMetrics.Outputs outputs = CampaignMetrics.compute(spark, dir.toString());
    Row reject = outputs.rows("rejects").first();
    assertTrue(reject.<String>getAs("file").startsWith("operations.parquet/part-"), reject.toString());
    assertEquals(2L, reject.<Long>getAs("line"));
    assertEquals("negative count '-14'", reject.getAs("reason"));
    assertEquals("r1,2024-01-01,2024-06-30,SYRIA,59,-14,92,,,,", reject.getAs("raw"));
  }

  @Test
  void bothFormsAtOnceAreAmbiguous() throws Exception {
    Path dir = sampleAsParquet(1);
    Files.copy(Path.of("sample-data/operations.csv"), dir.resolve("operations.csv"));
    InputException error = assertThrows(InputException.class, () -> CampaignMetrics.compute(spark, dir.toString()));
    assertTrue(error.getMessage().contains("both operations.csv and operations.parquet"), error.getMessage());
  }
}
