package org.campaignmetrics.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.campaignmetrics.CampaignMetrics;
import org.campaignmetrics.SparkTest;
import org.junit.jupiter.api.Test;

/**
 * How many Spark jobs reading an input costs: on a small input the run's time is their fixed cost,
 * so a count(), a cache or a second read on the main path should fail a test, not only a benchmark.
 */
class SparkWorkTest extends SparkTest {

  private static int jobsToRead(String inputDir) throws java.util.concurrent.TimeoutException {
    AtomicInteger jobs = new AtomicInteger();
    SparkListener counter = new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart jobStart) {
        jobs.incrementAndGet();
      }
    };
    spark.sparkContext().addSparkListener(counter);
    try {
      CampaignMetrics.compute(spark, inputDir);
      spark.sparkContext().listenerBus().waitUntilEmpty(); // listener events arrive asynchronously
      return jobs.get();
    } finally {
      spark.sparkContext().removeSparkListener(counter);
    }
  }

  @Test
  void aCleanCsvInputIsReadInOneSparkJob() throws Exception {
    assertEquals(1, jobsToRead("sample-data"));
  }

  @Test
  void rejectedFigureRowsCostOneJobMoreToFindThem() throws Exception {
    assertEquals(2, jobsToRead("src/test/resources/bad-inputs/negative-count"));
  }
}
