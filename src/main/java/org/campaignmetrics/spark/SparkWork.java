package org.campaignmetrics.spark;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;

/**
 * Counts the Spark jobs, stages and tasks a run launches: on small inputs the run's time is their
 * fixed cost, so the final log line says how many there were.
 */
public final class SparkWork extends SparkListener implements AutoCloseable {
  private final SparkContext context;
  private final AtomicLong jobs = new AtomicLong();
  private final AtomicLong stages = new AtomicLong();
  private final AtomicLong tasks = new AtomicLong();

  private SparkWork(SparkContext context) {
    this.context = context;
  }

  public static SparkWork countOn(SparkContext context) {
    SparkWork work = new SparkWork(context);
    context.addSparkListener(work);
    return work;
  }

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    jobs.incrementAndGet();
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted completed) {
    // stages skipped because their shuffle output was reused never complete, and are not counted
    stages.incrementAndGet();
    tasks.addAndGet(completed.stageInfo().numTasks());
  }

  /** Listener events arrive asynchronously: the counts can lag the last job by a few milliseconds. */
  @Override
  public String toString() {
    return jobs.get() + " Spark jobs, " + stages.get() + " stages, " + tasks.get() + " tasks";
  }

  @Override
  public void close() {
    context.removeSparkListener(this);
  }
}
