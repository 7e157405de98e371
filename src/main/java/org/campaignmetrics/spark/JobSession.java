package org.campaignmetrics.spark;

import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * What the project's two Spark entry points (the job and jobs/extract-figures) set up alike: a log
 * in the analyst's words, and a session whose master comes from --master, else spark-submit, else
 * an embedded local one.
 */
public final class JobSession {
  private JobSession() {}

  /**
   * Spark's INFO chatter off unless {@code verbose}, also under spark-submit, where Spark's own log4j2
   * configuration comes first on the classpath; the project's own lines at INFO (DEBUG when verbose:
   * what Spark did, jobs, stages, code generation).
   */
  public static void logging(boolean verbose) {
    Configurator.setLevel("org.apache.spark", verbose ? Level.INFO : Level.WARN);
    Configurator.setLevel("org.sparkproject", verbose ? Level.INFO : Level.WARN);
    Configurator.setLevel("org.campaignmetrics", verbose ? Level.DEBUG : Level.INFO);
    if (!verbose) {
      // notes that are true of every run and say nothing about this one
      for (String logger : List.of("org.apache.spark.sql.catalyst.csv.CSVHeaderChecker",
          "org.apache.spark.sql.catalyst.util.SparkStringUtils", "org.apache.hadoop.util.NativeCodeLoader",
          "org.apache.spark.util.Utils")) {
        Configurator.setLevel(logger, Level.ERROR);
      }
    }
  }

  /** A session builder: no console progress bar, and the master as --master, spark-submit or local[*] decide. */
  public static SparkSession.Builder builder(String appName, String master) {
    SparkSession.Builder builder = SparkSession.builder().appName(appName)
        .config("spark.ui.showConsoleProgress", "false");
    if (master != null) {
      builder.master(master);
    } else if (!submitted().contains("spark.master")) {
      builder.master("local[*]");
    }
    return builder;
  }

  /** What spark-submit passed, as spark.* system properties. */
  public static SparkConf submitted() {
    return new SparkConf();
  }
}
