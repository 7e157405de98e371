package org.campaignmetrics.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.apache.spark.sql.Row;
import org.campaignmetrics.CampaignMetrics;
import org.campaignmetrics.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interpreted evaluation on small CSV inputs: same figures as compiled code, the session left as it was. */
class SmallInputModeTest extends SparkTest {
  @TempDir
  Path temp;

  @Test
  void aSmallCsvInputIsInterpretedForTheRunOnly() {
    assertNull(spark.conf().get("spark.sql.codegen.factoryMode", null));
    try (SmallInputMode mode = SmallInputMode.forInput(spark, "sample-data", false)) {
      assertEquals("NO_CODEGEN", spark.conf().get("spark.sql.codegen.factoryMode"));
      assertEquals("false", spark.conf().get("spark.sql.codegen.wholeStage"));
    }
    assertNull(spark.conf().get("spark.sql.codegen.factoryMode", null));
    assertEquals("true", spark.conf().get("spark.sql.codegen.wholeStage"));
  }

  @Test
  void interpretedAndCompiledEvaluationDeriveTheSameFigures() {
    java.util.List<Row> compiled = CampaignMetrics.compute(spark, "sample-data").rows("figures")
        .orderBy("period_start", "period_end", "theater", "metric").collectAsList();
    java.util.List<Row> interpreted;
    try (SmallInputMode mode = SmallInputMode.forInput(spark, "sample-data", false)) {
      interpreted = CampaignMetrics.compute(spark, "sample-data").rows("figures")
          .orderBy("period_start", "period_end", "theater", "metric").collectAsList();
    }
    assertEquals(compiled, interpreted);
  }
}
