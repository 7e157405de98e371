package org.campaignmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line: usage errors exit 2 with one line; a failed run exits 1 and says why. */
class CampaignMetricsJobTest {

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
}
