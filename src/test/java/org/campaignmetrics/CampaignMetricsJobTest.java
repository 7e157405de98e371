package org.campaignmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line: usage errors exit 2 with one line; a failed run exits 1 and says why. */
class CampaignMetricsJobTest extends SparkTest {
  private static final String REPORTS = "report_id,publisher,published_on,source_type,title,reference\n"
      + "r1,CENTCOM,2024-07-16,official,T,doc\nr2,Outlet,,media,T,doc\n";
  private static final String OPERATIONS =
      "report_id,period_start,period_end,theater,missions,killed,detained,leaders_killed,leaders_detained\n";
  private static final String ATTACKS = "report_id,period_start,period_end,theater,claimed_attacks\n";

  @org.junit.jupiter.api.io.TempDir
  java.nio.file.Path temp;

  private static String[] run(String... args) {
    PrintStream originalErr = System.err;
    PrintStream originalOut = System.out;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int code = CampaignMetricsJob.execute(args);
      return new String[] {Integer.toString(code), err.toString(StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setErr(originalErr);
      System.setOut(originalOut);
    }
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    String[] result = run("--inptu", "x");
    assertEquals("2", result[0]);
    assertEquals(1, result[1].strip().lines().count(), result[1]);
    assertTrue(result[1].startsWith("campaign-metrics: Unknown option"), result[1]);
    assertTrue(result[1].contains("'--inptu'") && result[1].strip().endsWith("(see --help)"), result[1]);
  }

  @Test
  void helpListsTheOptions() {
    String[] result = run("--help");
    assertEquals("0", result[0]);
    for (String option : new String[] {"--input", "--output", "--master"}) {
      assertTrue(result[2].contains(option), result[2]);
    }
  }

  @Test
  void aMissingInputDirectoryFailsInOneLine() {
    String[] result = run("--input", "no/such/dir", "--output", "target/never-written");
    assertEquals("1", result[0]);
    assertTrue(result[1].endsWith("campaign-metrics: input rejected:\n  input directory not found: no/such/dir\n"),
        result[1]);
  }

  @Test
  void strictExitsThreeAndWritesNothing() throws Exception {
    var in = inputDir(temp.resolve("in"), "reports.csv", REPORTS,
        "operations.csv", OPERATIONS + "r1,2024-01-01,2024-06-30,ALL,x,1,1,,\n", "attacks.csv", ATTACKS);
    String[] result = run("--input", in.toString(), "--output", temp.resolve("out").toString(), "--strict");
    assertEquals("3", result[0], result[1]);
    assertTrue(result[1].contains("operations.csv line 2, column 'missions': not a whole number 'x'"), result[1]);
    assertTrue(java.nio.file.Files.notExists(temp.resolve("out")));
  }

  @Test
  void failOnDecidesTheExitCodeAfterTheOutputsAreWritten() throws Exception {
    var in = inputDir(temp.resolve("in"), "reports.csv", REPORTS, "attacks.csv", ATTACKS,
        "operations.csv", OPERATIONS + "r1,2024-01-01,2024-06-30,ALL,196,44,166,,\n"
            + "r2,2024-01-01,2024-06-30,ALL,195,44,166,,\n");
    String out = temp.resolve("out").toString();
    assertEquals("0", run("--input", in.toString(), "--output", out)[0]);
    assertEquals("0", run("--input", in.toString(), "--output", out, "--fail-on", "error")[0]);
    String[] warned = run("--input", in.toString(), "--output", out, "--fail-on", "warning");
    assertEquals("4", warned[0], warned[1]);
    assertTrue(warned[1].contains("0 error(s), 1 warning(s) in checks"), warned[1]);
    assertTrue(java.nio.file.Files.readString(temp.resolve("out/csv/checks.csv")).contains("source_conflict"));
    assertEquals("2", run("--fail-on", "sometimes")[0]);
    String[] badDate = run("--run-date", "2024-13-01");
    assertEquals("2", badDate[0]);
    assertTrue(badDate[1].contains("'2024-13-01' is not a date written YYYY-MM-DD"), badDate[1]);
  }
}
