package org.campaignmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line: usage errors exit 2 with one line; a failed run exits 1 and says why. */
public class CampaignMetricsJobTest extends SparkTest {
  private static final String REPORTS = "report_id,publisher,published_on,source_type,title,reference\n"
      + "r1,CENTCOM,2024-07-16,official,T,doc\nr2,Outlet,,media,T,doc\n";
  private static final String OPERATIONS =
      "report_id,period_start,period_end,theater,missions,killed,detained,leaders_killed,leaders_detained\n";
  private static final String ATTACKS = "report_id,period_start,period_end,theater,claimed_attacks\n";

  @org.junit.jupiter.api.io.TempDir
  java.nio.file.Path temp;

  static String[] run(String... args) {
    return run(name -> null, args);
  }

  /** Runs the command line in-process, with {@code environment} as its environment: exit code, stderr, stdout. */
  public static String[] run(java.util.function.Function<String, String> environment, String... args) {
    PrintStream originalErr = System.err;
    PrintStream originalOut = System.out;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int code = CampaignMetricsJob.execute(environment, args);
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
    for (String option : new String[] {"--input", "--output", "--master", "--jdbc-url", "--jdbc-user",
        "--jdbc-properties", "--jdbc-schema", "CAMPAIGN_METRICS_JDBC_PASSWORD"}) {
      assertTrue(result[2].contains(option), result[2]);
    }
  }

  @Test
  void aPasswordIsNeverTakenFromTheCommandLine() {
    String[] inUrl = run("--jdbc-url", "jdbc:postgresql://db:5432/x?user=bi&password=s3cret-pw");
    assertEquals("2", inUrl[0]);
    assertEquals(1, inUrl[1].strip().lines().count(), inUrl[1]);
    assertTrue(inUrl[1].contains("the JDBC URL carries a password"), inUrl[1]);
    assertFalse(inUrl[1].contains("s3cret-pw"), inUrl[1]);
    String[] option = run("--jdbc-url", "jdbc:postgresql://db:5432/x", "--jdbc-password", "s3cret-pw");
    assertEquals("2", option[0]);
    assertTrue(option[1].startsWith("campaign-metrics: Unknown option"), option[1]);
    String[] withoutUrl = run("--jdbc-user", "bi");
    assertEquals("2", withoutUrl[0]);
    assertEquals("campaign-metrics: --jdbc-user needs --jdbc-url (see --help)", withoutUrl[1].strip());
    String[] badSchema = run("--jdbc-url", "jdbc:postgresql://db:5432/x", "--jdbc-schema", "Campaign-Metrics");
    assertEquals("2", badSchema[0]);
    assertTrue(badSchema[1].contains("schema 'Campaign-Metrics' must be lower-case"), badSchema[1]);
    String[] noFile = run("--jdbc-url", "jdbc:postgresql://db:5432/x", "--jdbc-properties", "no/such.properties");
    assertEquals("2", noFile[0]);
    assertTrue(noFile[1].contains("cannot read --jdbc-properties no/such.properties"), noFile[1]);
  }

  @Test
  void aFailedExportExitsOneKeepsTheFilesAndWritesNoManifest() throws Exception {
    java.nio.file.Path properties = temp.resolve("db.properties");
    java.nio.file.Files.writeString(properties, "user=bi\npassword=from-the-file\n");
    java.nio.file.Path out = temp.resolve("out");
    // nothing listens on port 1: the export fails after the files are published
    String[] result = run(name -> name.equals("CAMPAIGN_METRICS_JDBC_PASSWORD") ? "from-the-environment" : null,
        "--output", out.toString(), "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/bi", "--jdbc-properties",
        properties.toString());
    assertEquals("1", result[0], result[1]);
    assertTrue(result[1].contains("campaign-metrics: failed: PostgreSQL export to jdbc:postgresql://127.0.0.1:1/bi "
        + "schema campaign_metrics: connecting: "), result[1]);
    assertFalse(result[1].contains("from-the-"), result[1]);
    assertTrue(java.nio.file.Files.exists(out.resolve("parquet/figures")));
    assertTrue(java.nio.file.Files.exists(out.resolve("csv/figures.csv")));
    assertTrue(java.nio.file.Files.notExists(out.resolve("_manifest.json")));
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
        "operations.csv", OPERATIONS + "r1,2024-01-01,2024-06-30,ALL,x,1,1,,\n", "attacks.csv", ATTACKS + "r1,2024-01-01,2024-06-30,ALL,153\n");
    String[] result = run("--input", in.toString(), "--output", temp.resolve("out").toString(), "--strict");
    assertEquals("3", result[0], result[1]);
    assertTrue(result[1].contains("operations.csv line 2, column 'missions': not a whole number 'x'"), result[1]);
    assertTrue(java.nio.file.Files.notExists(temp.resolve("out")));
  }

  @Test
  void failOnDecidesTheExitCodeAfterTheOutputsAreWritten() throws Exception {
    var in = inputDir(temp.resolve("in"), "reports.csv", REPORTS, "attacks.csv", ATTACKS + "r1,2024-01-01,2024-06-30,ALL,153\n",
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

  @Test
  void aContradictedClaimFailsOnWarning() throws Exception {
    String out = temp.resolve("out").toString();
    String[] warned = run("--input", "sample-data", "--output", out, "--fail-on", "warning");
    assertEquals("4", warned[0], warned[1]);
    assertTrue(warned[1].contains("0 error(s), 1 warning(s) in checks"), warned[1]);
    String checks = java.nio.file.Files.readString(temp.resolve("out/csv/checks.csv"));
    assertTrue(checks.contains("claim_contradicted,warning"), checks);
    assertTrue(checks.contains("claim newregion-h1-more-than-double:"), checks);
    assertEquals("0", run("--input", "sample-data", "--output", out, "--fail-on", "error")[0]);
  }
}
