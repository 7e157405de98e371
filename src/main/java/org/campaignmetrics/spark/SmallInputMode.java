package org.campaignmetrics.spark;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a small input, Spark evaluates expressions without generating code. Compiling the generated
 * classes of a run's queries costs seconds (measured with jobs/benchmark: about a quarter of a
 * sample-data run's time), which a few thousand rows never earn back; on event-level inputs code
 * generation pays, and is left on. Settings a user gave are kept; the session's own are put back
 * when the run ends, so an embedding application's session is unchanged.
 */
public final class SmallInputMode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SmallInputMode.class);
  /**
   * CSV inputs up to this size (all files of the input directory) count as small; a Parquet input
   * never does: it is the event-level form, and compressed, its size says little about its rows.
   */
  static final long SMALL_INPUT_BYTES = 8L << 20;
  private static final Map<String, String> INTERPRETED = Map.of(
      "spark.sql.codegen.wholeStage", "false",
      // internal, but honoured since Spark 2.4: the interpreted fallback for every expression
      "spark.sql.codegen.factoryMode", "NO_CODEGEN");

  private final SparkSession spark;
  private final Map<String, String> previous = new LinkedHashMap<>();

  private SmallInputMode(SparkSession spark) {
    this.spark = spark;
  }

  /** For an input directory; {@code parquet}: whether a figure file comes as Parquet (see {@link #SMALL_INPUT_BYTES}). */
  public static SmallInputMode forInput(SparkSession spark, String inputDir, boolean parquet) {
    SmallInputMode mode = new SmallInputMode(spark);
    long bytes = size(spark, inputDir);
    if (bytes > SMALL_INPUT_BYTES || parquet) {
      return mode;
    }
    INTERPRETED.forEach((key, value) -> {
      if (!spark.sparkContext().getConf().contains(key)) { // the user's --conf wins
        mode.previous.put(key, spark.conf().get(key, null));
        spark.conf().set(key, value);
      }
    });
    if (!mode.previous.isEmpty()) {
      LOG.debug("small input ({} bytes): expressions interpreted, no generated code", bytes);
    }
    return mode;
  }

  private static long size(SparkSession spark, String inputDir) {
    try {
      Path path = new Path(inputDir);
      return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).getContentSummary(path).getLength();
    } catch (IOException e) {
      return Long.MAX_VALUE; // the reader will say what is wrong with the input
    }
  }

  @Override
  public void close() {
    previous.forEach((key, value) -> {
      if (value == null) {
        spark.conf().unset(key);
      } else {
        spark.conf().set(key, value);
      }
    });
  }
}
