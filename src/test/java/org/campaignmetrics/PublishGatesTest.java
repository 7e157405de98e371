package org.campaignmetrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.campaignmetrics.publish.OutputLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scheduled run never publishes a degraded dataset: against a good run published in the same
 * --output, each mistake analysts make is held (exit 5) or stopped (exit 1) with one clear message,
 * and the published tables, history and manifest stay byte for byte as they were.
 */
class PublishGatesTest extends SparkTest {
  @TempDir
  Path temp;
  Path output;
  Map<String, byte[]> published;

  /** Every file of the published output (held runs and the lock aside), by path. */
  private Map<String, byte[]> snapshot() throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(output)) {
      for (Path file : all.filter(Files::isRegularFile).toList()) {
        String relative = output.relativize(file).toString();
        if (!relative.startsWith("_held") && !relative.equals(OutputLock.FILE)) {
          files.put(relative, Files.readAllBytes(file));
        }
      }
    }
    return files;
  }

  private void assertPublishedUnchanged() throws IOException {
    Map<String, byte[]> now = snapshot();
    assertEquals(published.keySet(), now.keySet(), "published files");
    published.forEach((file, bytes) -> assertArrayEquals(bytes, now.get(file), file + " changed"));
  }

  /** A copy of sample-data with {@code file} replaced. */
  private Path input(String file, byte[] content) throws IOException {
    Path dir = Files.createDirectories(temp.resolve("in-" + System.nanoTime()));
    try (Stream<Path> files = Files.list(Path.of("sample-data"))) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    if (file != null) {
      Files.write(dir.resolve(file), content);
    }
    return dir;
  }

  private Path input(String file, String content) throws IOException {
    return input(file, content.getBytes(StandardCharsets.UTF_8));
  }

  private static String sample(String file) throws IOException {
    return Files.readString(Path.of("sample-data", file));
  }

  private String[] run(Path input, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("--input", input.toString(), "--output", output.toString(),
        "--run-date", "2026-12-07", "--run-id", "weekly-2026-12-07"));
    args.addAll(List.of(more));
    return CampaignMetricsJobTest.run(args.toArray(new String[0]));
  }

  @BeforeEach
  void publishAGoodRun() throws IOException {
    output = temp.resolve("out");
    String[] first = CampaignMetricsJobTest.run("--input", "sample-data", "--output", output.toString(),
        "--run-date", "2026-11-30", "--run-id", "weekly-2026-11-30");
    assertEquals("0", first[0], first[1]);
    published = snapshot();
  }

  private JsonNode heldManifest() throws IOException {
    return new ObjectMapper().readTree(output.resolve("_held/weekly-2026-12-07/_manifest.json").toFile());
  }

  @Test
  void datesWrittenByASpreadsheetAreHeldWithTheFormatNamed() throws IOException {
    String operations = sample("operations.csv").replace("2024-01-01", "01/01/2024").replace("2024-06-30", "30/06/2024")
        .replace("2024-03-31", "31/03/2024").replace("2024-10-21", "21/10/2024").replace("2024-10-22", "22/10/2024")
        .replace("2024-08-29", "29/08/2024");
    String[] result = run(input("operations.csv", operations));
    assertEquals("5", result[0], result[1]);
    assertTrue(result[1].contains("HELD, nothing published"), result[1]);
    assertTrue(result[1].contains("operations.csv: 15 of 15 rows rejected (100.0%), more than --max-rejected 5%"),
        result[1]);
    assertTrue(result[1].contains("[to publish anyway: --max-rejected]"), result[1]);
    assertPublishedUnchanged();
    JsonNode held = heldManifest();
    assertEquals("held", held.get("status").asText());
    assertEquals("max_rejected", held.get("reasons").get(0).get("gate").asText());
    String rejects = Files.readString(output.resolve("_held/weekly-2026-12-07/csv/rejects.csv"));
    assertTrue(rejects.contains("'29/08/2024': written dd/MM/yyyy; as yyyy-MM-dd it is 2024-08-29"), rejects);
    assertTrue(Files.exists(output.resolve("_held/weekly-2026-12-07/csv/changes.csv")));
  }

  @Test
  void aRejectedReportThatOtherFilesCiteIsHeld() throws IOException {
    String reports = sample("reports.csv").replace(",2024-07-16,official,", ",16/07/2024,official,");
    String[] result = run(input("reports.csv", reports), "--max-rejected", "100%");
    assertEquals("5", result[0], result[1]);
    assertTrue(result[1].contains("reports.csv line 2: report 'centcom-2024-h1' was rejected (published_on: not a "
        + "date (yyyy-MM-dd) '16/07/2024': written dd/MM/yyyy; as yyyy-MM-dd it is 2024-07-16)"), result[1]);
    assertTrue(result[1].contains("3 row(s) of operations.csv, 1 row(s) of attacks.csv, 4 row(s) of context.csv, "
        + "2 row(s) of claims.csv cite it"),
        result[1]);
    assertTrue(result[1].contains("--allow-rejected-reports"), result[1]);
    assertPublishedUnchanged();
  }

  @Test
  void removedFiguresAreHeldUnlessAllowed() throws IOException {
    String attacks = sample("attacks.csv");
    String withoutShafaq2023 = String.join("\n", attacks.lines().filter(l -> !l.contains(",2023-01-01,")).toList()) + "\n";
    Path input = input("attacks.csv", withoutShafaq2023);
    String[] held = run(input);
    assertEquals("5", held[0], held[1]);
    assertTrue(held[1].contains("1 figure(s) of the published run weekly-2026-11-30 are gone from this run (the first: "
        + "2023 ALL claimed_attacks = 121"), held[1]);
    assertTrue(held[1].contains("--allow-removals"), held[1]);
    assertPublishedUnchanged();

    String[] allowed = run(input, "--allow-removals");
    assertEquals("0", allowed[0], allowed[1]);
    String changes = Files.readString(output.resolve("csv/changes.csv"));
    assertEquals(List.of(
        "period_start,period_end,period_label,grain,theater,metric,change,previous_value,previous_qualifier,"
            + "previous_derivation,previous_sources,value,qualifier,derivation,sources,previous_run_id",
        "2023-01-01,2023-12-31,2023,year,ALL,claimed_attacks,removed,121,exact,reported,shafaq-2024-h1,,,,,"
            + "weekly-2026-11-30"), changes.lines().toList());
  }

  @Test
  void aCleanRerunPublishesWithNoChanges() throws IOException {
    String[] rerun = run(Path.of("sample-data"));
    assertEquals("0", rerun[0], rerun[1]);
    assertEquals(1, Files.readString(output.resolve("csv/changes.csv")).lines().count(), "header only");
    assertEquals(Files.readString(Path.of("sample-data/operations.csv")), sample("operations.csv"));
    assertArrayEquals(published.get("csv/figures.csv"), Files.readAllBytes(output.resolve("csv/figures.csv")));
  }

  @Test
  void aRevisedAndARequalifiedFigureAreListed() throws IOException {
    String operations = sample("operations.csv")
        .replace("centcom-2024-h1,2024-01-01,2024-06-30,IRAQ,137,30,74", "centcom-2024-h1,2024-01-01,2024-06-30,IRAQ,138,30,74")
        .replace("centcom-2024-h1,2024-01-01,2024-06-30,SYRIA,59,14,92", "centcom-2024-h1,2024-01-01,2024-06-30,SYRIA,59,~14,92");
    String[] result = run(input("operations.csv", operations));
    assertEquals("0", result[0], result[1]);
    List<String> changes = Files.readString(output.resolve("csv/changes.csv")).lines().toList();
    assertTrue(changes.contains("2024-01-01,2024-06-30,2024-H1,half,IRAQ,missions,revised,137,exact,reported,"
        + "centcom-2024-h1;newregion-2024-07-17;shafaq-2024-h1,138,exact,reported,"
        + "centcom-2024-h1;newregion-2024-07-17;shafaq-2024-h1,weekly-2026-11-30"), String.join("\n", changes));
    assertTrue(changes.stream().anyMatch(l -> l.startsWith("2024-01-01,2024-06-30,2024-H1,half,SYRIA,killed,requalified,"
        + "14,exact,")), String.join("\n", changes));
  }

  @Test
  void aHeaderOnlyFileStopsTheRun() throws IOException {
    String[] result = run(input("operations.csv", sample("operations.csv").lines().findFirst().orElseThrow() + "\n"));
    assertEquals("1", result[0], result[1]);
    assertTrue(result[1].contains("operations.csv: the file has a header but no rows"), result[1]);
    assertPublishedUnchanged();
  }

  @Test
  void filesInOtherEncodingsOrDelimitersAreNamed() throws IOException {
    String[] utf16 = run(input("operations.csv", sample("operations.csv").getBytes(StandardCharsets.UTF_16)));
    assertEquals("1", utf16[0], utf16[1]);
    assertTrue(utf16[1].contains("operations.csv: the file is UTF-16; save it as UTF-8"), utf16[1]);
    assertFalse(utf16[1].contains("\u0000"), "no NUL bytes on the terminal");
    String[] cp1252 = run(input("operations.csv", sample("operations.csv").getBytes(Charset.forName("windows-1252"))));
    assertEquals("1", cp1252[0], cp1252[1]);
    assertTrue(cp1252[1].matches("(?s).*operations\\.csv: line \\d+ is not UTF-8 \\(byte 0x[0-9A-F]{2} at byte offset "
        + "\\d+\\); the file looks like Windows-1252.*"), cp1252[1]);
    String[] semicolons = run(input("reports.csv", sample("reports.csv").replace(",", ";")));
    assertEquals("1", semicolons[0], semicolons[1]);
    assertTrue(semicolons[1].contains("reports.csv: the columns are separated by semicolons (;), not commas"),
        semicolons[1]);
    for (String[] result : List.of(utf16, cp1252, semicolons)) {
      assertFalse(result[1].contains("\tat "), "no stack trace: " + result[1]);
    }
    assertPublishedUnchanged();
  }

  @Test
  void failOnRejectsExitsFourAfterPublishing() throws IOException {
    String operations = sample("operations.csv") + "sulaimani-2024-q1,2024-01-01,2024-03-31,IRAQ,66,eleven,36,,,,bad\n";
    // 1 of 16 rows: within a limit of 10 rows
    String[] result = run(input("operations.csv", operations), "--fail-on", "rejects", "--max-rejected", "10");
    assertEquals("4", result[0], result[1]);
    assertEquals(2, Files.readString(output.resolve("csv/rejects.csv")).lines().count());
  }

  @Test
  void anOutputThatIsAFileIsSaidBeforeReading() throws IOException {
    Path file = Files.writeString(temp.resolve("a-file"), "x");
    String[] result = CampaignMetricsJobTest.run("--input", "sample-data", "--output", file.toString());
    assertEquals("1", result[0], result[1]);
    assertEquals("campaign-metrics: failed: --output " + file + " is a file, not a directory", result[1].strip());
  }

  @Test
  void aSecondRunIntoTheSameOutputStopsAndNamesTheFirst() throws IOException {
    try (OutputLock first = OutputLock.take(spark.sparkContext().hadoopConfiguration(), output.toString(),
        "the-first-run", java.time.Duration.ZERO)) {
      String[] second = run(Path.of("sample-data"));
      assertEquals("1", second[0], second[1]);
      assertTrue(second[1].contains("is in use by run the-first-run (host "), second[1]);
      assertTrue(second[1].contains("--wait-for-lock"), second[1]);
      assertPublishedUnchanged();
    }
    String[] after = run(Path.of("sample-data"));
    assertEquals("0", after[0], after[1]);
  }

  @Test
  void anUnreachableMasterIsSaidInOneLineWithinSeconds() throws IOException {
    long started = System.nanoTime();
    String[] result = run(Path.of("sample-data"), "--master", "spark://127.0.0.1:1");
    assertEquals("1", result[0], result[1]);
    assertEquals(1, result[1].strip().lines().count(), result[1]);
    assertTrue(result[1].contains("cannot reach the Spark master spark://127.0.0.1:1"), result[1]);
    assertTrue(System.nanoTime() - started < 30_000_000_000L, "within 30 s");
    assertPublishedUnchanged();
  }
}
