package org.campaignmetrics.tools;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.campaignmetrics.CampaignMetrics;
import org.campaignmetrics.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateEventsTest extends SparkTest {
  @TempDir
  Path temp;

  @Test
  void theSameSeedGivesTheSameBytesAndAnotherSeedOtherData() throws Exception {
    GenerateEvents.generate(spark, 3000, 42, temp.resolve("a"), "csv");
    GenerateEvents.generate(spark, 3000, 42, temp.resolve("b"), "csv");
    GenerateEvents.generate(spark, 3000, 43, temp.resolve("c"), "csv");
    for (String file : List.of("reports.csv", "operations.csv", "attacks.csv")) {
      assertArrayEquals(Files.readAllBytes(temp.resolve("a").resolve(file)),
          Files.readAllBytes(temp.resolve("b").resolve(file)), file);
    }
    assertTrue(!Files.readString(temp.resolve("a/operations.csv")).equals(Files.readString(temp.resolve("c/operations.csv"))));
    assertEquals(3000, lines(temp.resolve("a/operations.csv"), "events-operations,"));
    assertEquals(300, lines(temp.resolve("a/attacks.csv"), "events-attacks,"));
  }

  @Test
  void generatedInputRunsEveryRuleWithoutRejectsAndBothFormsAgree() throws Exception {
    GenerateEvents.generate(spark, 5000, 7, temp.resolve("csv"), "csv");
    GenerateEvents.generate(spark, 5000, 7, temp.resolve("parquet"), "parquet");
    CampaignMetrics.Outputs csv = CampaignMetrics.compute(spark, temp.resolve("csv").toString());
    CampaignMetrics.Outputs parquet = CampaignMetrics.compute(spark, temp.resolve("parquet").toString());

    assertEquals(0, csv.rejectCount());
    assertEquals(Files.readAllLines(temp.resolve("csv/operations.csv")).size() - 1, csv.accounts().get(1).read());
    assertEquals(Files.readAllLines(temp.resolve("csv/attacks.csv")).size() - 1, csv.accounts().get(2).read());
    Set<String> derivations = csv.rows("figures").select("derivation").distinct().collectAsList().stream()
        .map(r -> r.getString(0)).collect(Collectors.toSet());
    assertEquals(Set.of("reported", "summed", "difference"), derivations);
    // the wire's H1 differs from CENTCOM's by one mission: the only disagreement, a warning
    assertEquals(0, csv.errors());
    assertEquals(2, csv.warnings(), "the first theater's H1 missions and ALL's");
    assertEquals(sorted(csv.rows("figures")), sorted(parquet.rows("figures")));
    assertEquals(sorted(csv.rows("operations_periods")), sorted(parquet.rows("operations_periods")));
  }

  private static long lines(Path file, String prefix) throws Exception {
    return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).count();
  }

  private static List<Row> sorted(Dataset<Row> rows) {
    boolean long_ = List.of(rows.columns()).contains("metric");
    return rows.orderBy(col("period_start"), col("period_end"), col("theater"), long_ ? col("metric") : col("theater"))
        .collectAsList();
  }
}
