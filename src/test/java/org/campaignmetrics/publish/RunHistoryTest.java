package org.campaignmetrics.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.campaignmetrics.CampaignMetrics;
import org.campaignmetrics.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduled runs: one history partition per run date, and a manifest written last. */
class RunHistoryTest extends SparkTest {
  @TempDir
  Path output;

  private void run(String runDate, String runId) {
    CampaignMetrics.run(spark, "sample-data", output.toString(),
        new CampaignMetrics.Options(false, LocalDate.parse(runDate), runId, Map.of("input", "sample-data")));
  }

  private List<String> partitions() throws Exception {
    try (Stream<Path> dirs = Files.list(output.resolve("history/figures"))) {
      return dirs.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aRerunForTheSameRunDateReplacesThatPartitionAndNothingElse() throws Exception {
    run("2024-07-16", "first");
    run("2024-07-23", "second");
    Path kept = output.resolve("history/figures/run_date=2024-07-16");
    List<Path> keptFiles;
    try (Stream<Path> files = Files.list(kept)) {
      keptFiles = files.sorted().toList();
    }
    Path replacedBefore;
    try (Stream<Path> files = Files.list(output.resolve("history/figures/run_date=2024-07-23"))) {
      replacedBefore = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    run("2024-07-23", "second-again");

    assertEquals(List.of("run_date=2024-07-16", "run_date=2024-07-23"), partitions());
    try (Stream<Path> files = Files.list(kept)) {
      assertEquals(keptFiles, files.sorted().toList(), "the other partition is untouched");
    }
    assertTrue(Files.notExists(replacedBefore), "the rerun's partition was replaced");
    // readable as one partitioned table, as a BI tool would read it
    assertEquals(2, spark.read().parquet(output.resolve("history/figures").toString())
        .select("run_date").distinct().count());
    for (String table : List.of("operations_periods", "attack_trends", "checks", "rejects")) {
      assertTrue(Files.isDirectory(output.resolve("history/" + table + "/run_date=2024-07-23")), table);
    }
  }

  @Test
  void theManifestRecordsTheRunItsInputsAndItsOutputs() throws Exception {
    run("2024-07-16", "weekly-29");
    JsonNode manifest = new ObjectMapper().readTree(output.resolve("_manifest.json").toFile());
    assertEquals("weekly-29", manifest.get("run_id").asText());
    assertEquals("2024-07-16", manifest.get("run_date").asText());
    assertEquals("succeeded", manifest.get("status").asText());
    assertEquals("3.5.9", manifest.at("/build/spark_version").asText());
    assertNotEquals("", manifest.at("/build/git_commit").asText());
    assertEquals("local[2]", manifest.get("spark_master").asText());
    assertEquals("sample-data", manifest.at("/parameters/input").asText());

    JsonNode operations = manifest.get("inputs").get(1);
    assertEquals("operations.csv", operations.get("name").asText());
    assertEquals(15, operations.get("rows_read").asLong());
    assertEquals(operations.get("rows_read").asLong(),
        operations.get("rows_used").asLong() + operations.get("rows_rejected").asLong());
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(Files.readAllBytes(Path.of("sample-data/operations.csv"))));
    assertEquals(sha, operations.at("/files/0/sha256").asText());

    for (JsonNode table : manifest.get("outputs")) {
      String name = table.get("table").asText();
      assertEquals(spark.read().parquet(output.resolve("parquet").resolve(name).toString()).count(),
          table.get("rows").asLong(), name);
      assertEquals(List.of(spark.read().parquet(output.resolve("parquet").resolve(name).toString()).columns()),
          Stream.of(table.get("columns")).flatMap(c -> java.util.stream.StreamSupport.stream(c.spliterator(), false))
              .map(c -> c.get("name").asText()).toList(), name);
    }
    try (Stream<Path> entries = Files.list(output)) {
      assertTrue(entries.noneMatch(p -> p.getFileName().toString().contains(".tmp")), "no temporary manifest left");
    }
  }
}
