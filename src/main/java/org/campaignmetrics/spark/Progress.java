package org.campaignmetrics.spark;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says what a long phase is doing, every 10 seconds while it runs, so a quiet log never looks stuck. */
public final class Progress implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Progress.class);
  private static final long EVERY_SECONDS = 10;
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "campaign-metrics-progress");
    thread.setDaemon(true);
    return thread;
  });

  private final ScheduledFuture<?> reporting;

  private Progress(String doing) {
    long started = System.nanoTime();
    reporting = TIMER.scheduleAtFixedRate(
        () -> LOG.info("still {} ({} s)", doing, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)),
        EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
  }

  public static Progress of(String doing) {
    return new Progress(doing);
  }

  @Override
  public void close() {
    reporting.cancel(false);
  }
}
