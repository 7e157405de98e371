package org.campaignmetrics.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.campaignmetrics.CampaignMetrics;
import org.campaignmetrics.SampleDataAcceptanceTest;
import org.campaignmetrics.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs that are safe to publish: a killed run never leaves them half-written. */
class CrashSafetyTest extends SparkTest {
  @TempDir
  Path output;

  private Map<String, byte[]> csvFiles() throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> csv = Files.list(output.resolve("csv"))) {
      for (Path p : csv.toList()) {
        files.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  private Map<String, Long> parquetRows() {
    Map<String, Long> rows = new TreeMap<>();
    for (String table : SampleDataAcceptanceTest.TABLES) {
      rows.put(table, spark.read().parquet(output.resolve("parquet").resolve(table).toString()).count());
    }
    return rows;
  }

  private void assertPreviousOutputsIntact(Map<String, byte[]> before, Map<String, Long> rowsBefore)
      throws Exception {
    Map<String, byte[]> after = csvFiles();
    assertEquals(before.keySet(), after.keySet());
    for (String name : before.keySet()) {
      assertArrayEquals(before.get(name), after.get(name), name);
    }
    assertEquals(rowsBefore, parquetRows(), "the Parquet tables are complete and readable");
  }

  @Test
  void aJobKilledWhileWritingLeavesThePreviousOutputsCompleteAndTheNextRunCleansUp() throws Exception {
    CampaignMetrics.run(spark, "sample-data", output.toString());
    Map<String, byte[]> before = csvFiles();
    Map<String, Long> rowsBefore = parquetRows();

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("-XX:+IgnoreUnrecognized") || arg.startsWith("-Djdk.")) {
        command.add(arg);
      }
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.campaignmetrics.CampaignMetricsJob",
        "--input", "sample-data", "--output", output.toString(), "--master", "local[1]"));
    Process job = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(output.getParent().resolve("killed-job.log").toFile()).start();
    boolean sawStaging = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (job.isAlive() && System.nanoTime() < deadline && !sawStaging) {
      try (Stream<Path> entries = Files.list(output)) {
        sawStaging = entries.anyMatch(p -> p.getFileName().toString().startsWith("_staging-")
            && Files.exists(p.resolve("parquet")));
      }
      Thread.sleep(10);
    }
    job.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hooks, no cleanup
    assertTrue(sawStaging, "the job was killed while writing its staging directory");

    assertPreviousOutputsIntact(before, rowsBefore);

    CampaignMetrics.run(spark, "sample-data", output.toString());
    try (Stream<Path> entries = Files.list(output)) {
      assertEquals(List.of("_manifest.json", "csv", "history", "parquet"), entries.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertPreviousOutputsIntact(before, rowsBefore); // same input, same bytes
  }

  @Test
  void aPublishInterruptedAfterItsMarkerIsRolledForward() throws Exception {
    Files.createDirectories(output.resolve("parquet/figures"));
    Files.createDirectories(output.resolve("csv"));
    Files.writeString(output.resolve("csv/figures.csv"), "old\n");
    // the run had moved csv/ aside and was killed before moving its staged csv/ in
    Files.createDirectories(output.resolve("_staging-abc/csv"));
    Files.writeString(output.resolve("_staging-abc/csv/figures.csv"), "new\n");
    Files.createDirectories(output.resolve("_previous-abc"));
    Files.move(output.resolve("csv"), output.resolve("_previous-abc/csv"));
    Files.createFile(output.resolve("_publish-abc"));

    org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(output.toUri());
    StagedPublish.recover(FileSystem.get(dir.toUri(), spark.sparkContext().hadoopConfiguration()), dir);

    assertEquals("new\n", Files.readString(output.resolve("csv/figures.csv")));
    try (Stream<Path> entries = Files.list(output)) {
      assertEquals(List.of("csv", "parquet"), entries.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void anUnmarkedStagingDirectoryIsDiscarded() throws Exception {
    Files.createDirectories(output.resolve("csv"));
    Files.writeString(output.resolve("csv/figures.csv"), "old\n");
    Files.createDirectories(output.resolve("_staging-xyz/csv"));
    Files.writeString(output.resolve("_staging-xyz/csv/figures.csv"), "half\n");

    org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(output.toUri());
    StagedPublish.recover(FileSystem.get(dir.toUri(), spark.sparkContext().hadoopConfiguration()), dir);

    assertEquals("old\n", Files.readString(output.resolve("csv/figures.csv")));
    assertTrue(Files.notExists(output.resolve("_staging-xyz")));
  }
}
