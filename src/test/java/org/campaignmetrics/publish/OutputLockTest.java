package org.campaignmetrics.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run at a time per output directory, and two real runs started together. */
class OutputLockTest {
  private static final Configuration CONF = new Configuration();

  @TempDir
  Path temp;

  @Test
  void aSecondTakerIsRefusedWithTheHolderNamedAndGetsItOnceReleased() {
    String dir = temp.resolve("out").toString();
    try (OutputLock first = OutputLock.take(CONF, dir, "run-a", Duration.ZERO)) {
      OutputLock.LockedException refused =
          assertThrows(OutputLock.LockedException.class, () -> OutputLock.take(CONF, dir, "run-b", Duration.ZERO));
      assertTrue(refused.getMessage().contains("is in use by run run-a (host "), refused.getMessage());
      assertTrue(refused.getMessage().contains("pid " + ProcessHandle.current().pid()), refused.getMessage());
    }
    assertFalse(Files.exists(temp.resolve("out/" + OutputLock.FILE)), "released");
    try (OutputLock again = OutputLock.take(CONF, dir, "run-b", Duration.ZERO)) {
      assertTrue(Files.exists(temp.resolve("out/" + OutputLock.FILE)));
    }
  }

  @Test
  void aWaitingTakerGetsTheLockWhenTheHolderEnds() throws Exception {
    String dir = temp.resolve("out").toString();
    OutputLock first = OutputLock.take(CONF, dir, "run-a", Duration.ZERO);
    CompletableFuture<Void> releaseSoon = CompletableFuture.runAsync(() -> {
      try {
        Thread.sleep(1500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      first.close();
    });
    long started = System.nanoTime();
    try (OutputLock second = OutputLock.take(CONF, dir, "run-b", Duration.ofSeconds(30))) {
      assertTrue(System.nanoTime() - started >= 1_000_000_000L, "it waited");
    }
    releaseSoon.get(10, TimeUnit.SECONDS);
  }

  @Test
  void aLockLeftByAProcessThatIsGoneIsTakenOver() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path out = Files.createDirectories(temp.resolve("out"));
    Files.writeString(out.resolve(OutputLock.FILE), "run_id=killed-run\nhost="
        + java.net.InetAddress.getLocalHost().getHostName() + "\npid=" + gone.pid() + "\nstarted_at=2026-12-01T00:00:00Z\n");
    try (OutputLock taken = OutputLock.take(CONF, out.toString(), "run-b", Duration.ZERO)) {
      assertTrue(Files.readString(out.resolve(OutputLock.FILE)).contains("run_id=run-b"));
    }
    // another host's lock is never taken over: its process cannot be seen from here
    Files.writeString(out.resolve(OutputLock.FILE), "run_id=elsewhere\nhost=another-host\npid=" + gone.pid() + "\n");
    assertThrows(OutputLock.LockedException.class, () -> OutputLock.take(CONF, out.toString(), "run-c", Duration.ZERO));
  }

  /**
   * Two real job processes started together into one output directory: each either publishes or
   * exits 1 naming the other, never anything else (before the lock, one died on the other's staging
   * files in 2 of 8 trials); with --wait-for-lock both publish, one after the other.
   */
  @Test
  void twoRealRunsStartedTogether() throws Exception {
    for (boolean wait : new boolean[] {false, true}) {
      Path out = temp.resolve(wait ? "waiting" : "racing");
      List<Process> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "@jobs/java17-options", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
            "org.campaignmetrics.CampaignMetricsJob", "--input", "sample-data", "--output", out.toString(),
            "--run-id", "run-" + i));
        if (wait) {
          command.addAll(List.of("--wait-for-lock", "5m"));
        }
        runs.add(new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(temp.resolve((wait ? "w" : "r") + i + ".log").toFile()).start());
      }
      int published = 0;
      for (int i = 0; i < 2; i++) {
        assertTrue(runs.get(i).waitFor(5, TimeUnit.MINUTES), "run " + i + " finished");
        String log = Files.readString(temp.resolve((wait ? "w" : "r") + i + ".log"), StandardCharsets.UTF_8);
        int code = runs.get(i).exitValue();
        if (code == 0) {
          published++;
        } else {
          assertFalse(wait, "with --wait-for-lock both publish: " + log);
          assertEquals(1, code, log);
          assertTrue(log.contains("is in use by run run-" + (1 - i)), log);
        }
      }
      assertTrue(published >= 1, "at least one run published");
      assertTrue(Files.exists(out.resolve("_manifest.json")));
      assertFalse(Files.exists(out.resolve(OutputLock.FILE)), "no lock left behind");
      try (var leftovers = Files.list(out)) {
        assertEquals(List.of(), leftovers.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("_staging")
            || n.startsWith("_publish")).toList());
      }
    }
  }
}
