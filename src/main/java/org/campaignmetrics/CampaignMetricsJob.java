package org.campaignmetrics;

import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.campaignmetrics.io.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point for spark-submit and jobs/campaign-metrics. The master comes from spark-submit, or
 * from --master, or is an embedded local one when the job runs without spark-submit.
 */
@Command(name = "campaign-metrics", mixinStandardHelpOptions = true, sortOptions = false,
    versionProvider = CampaignMetricsJob.Version.class,
    description = {
        "Reconciles counter-ISIS campaign figures (operations and claimed attacks) from official and",
        "media reports into figures, rates, theater splits and attack trends, as Parquet and CSV."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:the run failed (bad input, unreadable or unwritable files)",
        "2:usage error"})
public final class CampaignMetricsJob implements Callable<Integer> {
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;

  @Option(names = "--input", defaultValue = "sample-data", paramLabel = "DIR",
      description = "Input directory with reports.csv, operations.csv, attacks.csv (default: ${DEFAULT-VALUE}).")
  String input;

  @Option(names = "--output", defaultValue = "output", paramLabel = "DIR",
      description = "Output directory; gets parquet/<table>/ and csv/<table>.csv (default: ${DEFAULT-VALUE}).")
  String output;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master, e.g. local[*] or spark://host:7077 (default: spark-submit's, else local[*]).")
  String master;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  static int execute(String... args) {
    CommandLine cli = new CommandLine(new CampaignMetricsJob());
    cli.setParameterExceptionHandler((error, ignored) -> {
      System.err.println("campaign-metrics: " + error.getMessage() + " (see --help)");
      return EXIT_USAGE;
    });
    cli.setExecutionExceptionHandler((error, ignored, parsed) -> {
      if (error instanceof InputException) {
        System.err.println("campaign-metrics: input rejected:\n  " + error.getMessage().replace("\n", "\n  "));
      } else {
        System.err.println("campaign-metrics: failed: " + rootMessage(error));
      }
      return EXIT_FAILED;
    });
    return cli.execute(args);
  }

  @Override
  public Integer call() throws java.io.IOException {
    // Fail fast, before Spark starts, on the commonest mistake.
    org.apache.hadoop.fs.Path inputPath = new org.apache.hadoop.fs.Path(input);
    if (!inputPath.getFileSystem(new org.apache.hadoop.conf.Configuration()).exists(inputPath)) {
      throw new InputException("input directory not found: " + input);
    }
    SparkSession spark = session();
    try {
      CampaignMetrics.run(spark, input, output);
      return 0;
    } finally {
      spark.stop();
    }
  }

  private SparkSession session() {
    SparkConf submitted = new SparkConf(); // what spark-submit passed, as spark.* system properties
    SparkSession.Builder builder = SparkSession.builder().appName("campaign-metrics")
        .config("spark.ui.showConsoleProgress", "false");
    if (master != null) {
      builder.master(master);
    } else if (!submitted.contains("spark.master")) {
      builder.master("local[*]");
    }
    if (!submitted.contains("spark.sql.shuffle.partitions")) {
      // the data after the first aggregation is small; 200 shuffle tasks would be pure overhead
      builder.config("spark.sql.shuffle.partitions", "8");
    }
    return builder.getOrCreate();
  }

  private static String rootMessage(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    return message.lines().findFirst().orElse(message);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = CampaignMetricsJob.class.getPackage().getImplementationVersion();
      return new String[] {"campaign-metrics " + (version != null ? version : "(development build)")};
    }
  }
}
