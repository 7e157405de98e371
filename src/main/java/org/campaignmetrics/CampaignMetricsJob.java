package org.campaignmetrics;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.campaignmetrics.export.PostgresExport;
import org.campaignmetrics.export.PostgresTarget;
import org.campaignmetrics.input.InputException;
import org.campaignmetrics.input.RejectedInputException;
import org.campaignmetrics.publish.OutputLock;
import org.campaignmetrics.publish.PublishGates;
import org.campaignmetrics.spark.JobSession;
import org.campaignmetrics.spark.RootCause;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * Entry point for spark-submit and jobs/campaign-metrics. The master comes from spark-submit, or
 * from --master, or is an embedded local one when the job runs without spark-submit.
 */
@Command(name = "campaign-metrics", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
    versionProvider = CampaignMetricsJob.Version.class,
    description = "Reconciles counter-ISIS campaign figures (operations and claimed attacks) from official and "
        + "media reports into figures, rates, theater splits, attack trends and cross-checks, as Parquet and CSV, "
        + "and optionally into PostgreSQL.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success",
        "1:the run failed (unusable input file, unreadable or unwritable files, a failed PostgreSQL export)",
        "2:usage error", "3:input rows rejected under --strict (nothing written)",
        "4:checks (or rejected rows) at the --fail-on severity (outputs written)",
        "5:held by a publish gate: nothing published; what the run computed is in OUTPUT/_held/RUN_ID/"})
public final class CampaignMetricsJob implements Callable<Integer> {
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;
  static final int EXIT_REJECTED = 3;
  static final int EXIT_CHECKS = 4;
  static final int EXIT_HELD = 5;

  /**
   * What makes a published run exit non-zero: a cross-check of this severity or worse, or (rejects)
   * any rejected input row.
   */
  enum FailOn { error, warning, rejects, never }

  @Option(names = "--input", defaultValue = "sample-data", paramLabel = "DIR",
      description = "Input directory: reports.csv, operations and attacks (.csv or .parquet), optional context.csv and claims.csv "
          + "(default: ${DEFAULT-VALUE}).")
  String input;

  @Option(names = "--output", defaultValue = "output", paramLabel = "DIR",
      description = "Output directory; gets parquet/<table>/ and csv/<table>.csv (default: ${DEFAULT-VALUE}).")
  String output;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master, e.g. local[*] or spark://host:7077 (default: spark-submit's, else local[*]).")
  String master;

  @Option(names = "--run-date", paramLabel = "YYYY-MM-DD", converter = IsoDate.class,
      description = "The run's date: its history partition history/<table>/run_date=... (default: today, UTC).")
  java.time.LocalDate runDate;

  @Option(names = "--run-id", paramLabel = "ID",
      description = "Recorded in _manifest.json (default: the run date and start time).")
  String runId;

  @Option(names = "--verbose", description = "Bring back Spark's own INFO logging (off by default).")
  boolean verbose;

  @Option(names = "--strict",
      description = "Fail on the first rejected input row, before writing anything (default: quarantine it in rejects).")
  boolean strict;

  @Option(names = "--fail-on", defaultValue = "never", paramLabel = "SEVERITY",
      description = "Exit 4 after publishing when a check of this severity or worse is found, or (rejects) any "
          + "input row was rejected: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  FailOn failOn;

  @Option(names = "--max-rejected", defaultValue = "5%", paramLabel = "LIMIT",
      description = "Hold the run (exit 5, nothing published) when more than this share (5%) or number (10) of any "
          + "input file's rows are rejected (default: ${DEFAULT-VALUE}).")
  String maxRejected;

  @Option(names = "--allow-removals",
      description = "Publish even when figures of the published run are gone from this one (default: hold, exit 5).")
  boolean allowRemovals;

  @Option(names = "--allow-rejected-reports",
      description = "Publish even when a rejected row of reports.csv is cited by other files, whose figures are then "
          + "left out (default: hold, exit 5).")
  boolean allowRejectedReports;

  @Option(names = "--wait-for-lock", paramLabel = "DURATION", converter = WaitDuration.class,
      description = "Wait this long (30s, 10m, 1h) for another run writing the same --output to end (default: fail at once).")
  java.time.Duration waitForLock = java.time.Duration.ZERO;

  @Option(names = "--jdbc-url", paramLabel = "URL",
      description = "Also export every table, all or nothing, to this PostgreSQL database: "
          + "jdbc:postgresql://HOST:PORT/DB (password from $" + PostgresTarget.PASSWORD_ENV
          + " or --jdbc-properties, never the URL).")
  String jdbcUrl;

  @Option(names = "--jdbc-user", paramLabel = "USER",
      description = "PostgreSQL user (default: the properties file's user).")
  String jdbcUser;

  @Option(names = "--jdbc-properties", paramLabel = "FILE",
      description = "Java properties for the PostgreSQL driver: user, password, sslmode, ...")
  String jdbcProperties;

  @Option(names = "--jdbc-schema", defaultValue = PostgresTarget.DEFAULT_SCHEMA, paramLabel = "SCHEMA",
      description = "Schema the tables are exported to (default: ${DEFAULT-VALUE}).")
  String jdbcSchema;

  @Spec
  CommandSpec spec;

  /** The environment, which tests cannot set in-process; the password is read from it. */
  private final Function<String, String> environment;

  CampaignMetricsJob(Function<String, String> environment) {
    this.environment = environment;
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  static int execute(String... args) {
    return execute(System::getenv, args);
  }

  static int execute(Function<String, String> environment, String... args) {
    CommandLine cli = new CommandLine(new CampaignMetricsJob(environment));
    cli.setParameterExceptionHandler((error, ignored) -> {
      System.err.println("campaign-metrics: " + error.getMessage() + " (see --help)");
      return EXIT_USAGE;
    });
    cli.setExecutionExceptionHandler((error, ignored, parsed) -> {
      if (error instanceof RejectedInputException) {
        System.err.println("campaign-metrics: input rows rejected (--strict), nothing written:\n  "
            + error.getMessage().replace("\n", "\n  "));
        return EXIT_REJECTED;
      }
      if (error instanceof OutputLock.LockedException || error instanceof SparkMaster.UnreachableException) {
        System.err.println("campaign-metrics: failed: " + error.getMessage());
      } else if (error instanceof PostgresExport.ExportException) {
        System.err.println("campaign-metrics: failed: " + error.getMessage()); // names the target and the step
      } else if (error instanceof InputException) {
        System.err.println("campaign-metrics: input rejected:\n  " + error.getMessage().replace("\n", "\n  "));
      } else {
        System.err.println("campaign-metrics: failed: " + RootCause.message(error));
      }
      return EXIT_FAILED;
    });
    return cli.execute(args);
  }

  @Override
  public Integer call() throws java.io.IOException {
    PostgresTarget postgres = postgresTarget();
    PublishGates.Policy gates = gates();
    // Fail fast, before Spark starts, on the commonest mistakes.
    org.apache.hadoop.fs.Path inputPath = new org.apache.hadoop.fs.Path(input);
    if (!inputPath.getFileSystem(new org.apache.hadoop.conf.Configuration()).exists(inputPath)) {
      throw new InputException("input directory not found: " + input);
    }
    String sparkMaster = master != null ? master : JobSession.submitted().get("spark.master", null);
    SparkMaster.requireReachable(sparkMaster);
    // an embedding application's session is left running; one started here is stopped here
    boolean ownSession = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = session();
    try {
      CampaignMetrics.Outputs outputs = CampaignMetrics.run(spark, input, output,
          new CampaignMetrics.Options(strict, runDate, runId, parameters(), postgres).withGates(gates)
              .waitingForLock(waitForLock));
      if (outputs.held()) {
        System.err.println("campaign-metrics: HELD, nothing published (the tables in " + output + " are as they were):");
        for (PublishGates.Reason reason : outputs.heldBecause()) {
          System.err.println("  " + reason.message() + " [to publish anyway: " + reason.flag() + "]");
        }
        System.err.println("  what this run computed: " + outputs.heldIn());
        return EXIT_HELD;
      }
      System.err.println("campaign-metrics: " + outputs.errors() + " error(s), " + outputs.warnings()
          + " warning(s) in checks; " + outputs.rejectCount() + " input row(s) rejected; outputs in " + output
          + (postgres == null ? "" : " and PostgreSQL schema " + postgres.schema()));
      boolean failed = switch (failOn) {
        case error -> outputs.errors() > 0;
        case warning -> outputs.errors() + outputs.warnings() > 0;
        case rejects -> outputs.rejectCount() > 0;
        case never -> false;
      };
      return failed ? EXIT_CHECKS : 0;
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }
  }

  /**
   * The export target: the properties file, then --jdbc-user over its user, then the password from the
   * environment over its password; null without --jdbc-url. Every mistake is a usage error.
   */
  private PostgresTarget postgresTarget() {
    if (jdbcUrl == null) {
      for (String option : List.of("--jdbc-user", "--jdbc-properties", "--jdbc-schema")) {
        if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
          throw new ParameterException(spec.commandLine(), option + " needs --jdbc-url");
        }
      }
      return null;
    }
    Properties properties = new Properties();
    if (jdbcProperties != null) {
      try (java.io.Reader in = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(jdbcProperties))) {
        properties.load(in);
      } catch (java.io.IOException | IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "cannot read --jdbc-properties " + jdbcProperties + ": " + e);
      }
    }
    if (jdbcUser != null) {
      properties.setProperty("user", jdbcUser);
    }
    String password = environment.apply(PostgresTarget.PASSWORD_ENV);
    if (password != null && !password.isEmpty()) {
      properties.setProperty("password", password);
    }
    try {
      return new PostgresTarget(jdbcUrl, jdbcSchema, properties);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--jdbc-url/--jdbc-schema: " + e.getMessage());
    }
  }

  private java.util.Map<String, String> parameters() {
    java.util.Map<String, String> parameters = new java.util.LinkedHashMap<>();
    parameters.put("input", input);
    parameters.put("output", output);
    parameters.put("master", master);
    parameters.put("run_date", runDate == null ? null : runDate.toString());
    parameters.put("run_id", runId);
    parameters.put("strict", Boolean.toString(strict));
    parameters.put("fail_on", failOn.name());
    parameters.put("max_rejected", maxRejected);
    parameters.put("allow_removals", Boolean.toString(allowRemovals));
    parameters.put("allow_rejected_reports", Boolean.toString(allowRejectedReports));
    parameters.put("wait_for_lock", waitForLock.toString());
    parameters.put("verbose", Boolean.toString(verbose));
    // where the export went, never the password
    parameters.put("jdbc_url", jdbcUrl);
    parameters.put("jdbc_user", jdbcUser);
    parameters.put("jdbc_properties", jdbcProperties);
    parameters.put("jdbc_schema", jdbcUrl == null ? null : jdbcSchema);
    return parameters;
  }

  private SparkSession session() {
    JobSession.logging(verbose);
    SparkConf submitted = JobSession.submitted();
    SparkSession.Builder builder = JobSession.builder("campaign-metrics", master);
    if (!submitted.contains("spark.sql.codegen.hugeMethodLimit") && refusesHugeMethods()) {
      // HotSpot never compiles a method over 8000 bytes of bytecode (DontCompileHugeMethods, on by
      // default): the generated loop of the input pass is about that size, and run by the bytecode
      // interpreter it made a 10M-row run 2.5 times slower. Spark falls back to smaller generated
      // code instead; jobs/campaign-metrics starts the JVM with -XX:-DontCompileHugeMethods.
      builder.config("spark.sql.codegen.hugeMethodLimit", "8000");
    }
    if (!submitted.contains("spark.sql.shuffle.partitions")) {
      // the data after the first aggregation is small; 200 shuffle tasks would be pure overhead
      builder.config("spark.sql.shuffle.partitions", "8");
    }
    return builder.getOrCreate();
  }

  private static boolean refusesHugeMethods() {
    try {
      return Boolean.parseBoolean(java.lang.management.ManagementFactory
          .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption("DontCompileHugeMethods")
          .getValue());
    } catch (RuntimeException notHotSpot) {
      return false;
    }
  }

  private PublishGates.Policy gates() {
    try {
      return new PublishGates.Policy(PublishGates.RejectLimit.parse(maxRejected), allowRemovals, allowRejectedReports);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--max-rejected: " + e.getMessage());
    }
  }

  /** 30s, 10m, 1h, or an ISO-8601 duration (PT30S). */
  static final class WaitDuration implements CommandLine.ITypeConverter<java.time.Duration> {
    @Override
    public java.time.Duration convert(String value) {
      java.util.regex.Matcher short_ = java.util.regex.Pattern.compile("(\\d+)\\s*(s|m|h)").matcher(value.strip());
      try {
        if (short_.matches()) {
          long n = Long.parseLong(short_.group(1));
          return switch (short_.group(2)) {
            case "s" -> java.time.Duration.ofSeconds(n);
            case "m" -> java.time.Duration.ofMinutes(n);
            default -> java.time.Duration.ofHours(n);
          };
        }
        return java.time.Duration.parse(value.strip());
      } catch (RuntimeException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a duration like 30s, 10m or 1h");
      }
    }
  }

  /** A calendar date written yyyy-MM-dd, with a message a person can act on. */
  static final class IsoDate implements CommandLine.ITypeConverter<java.time.LocalDate> {
    @Override
    public java.time.LocalDate convert(String value) {
      try {
        return java.time.LocalDate.parse(value);
      } catch (java.time.format.DateTimeParseException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a date written YYYY-MM-DD");
      }
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = CampaignMetricsJob.class.getPackage().getImplementationVersion();
      return new String[] {"campaign-metrics " + (version != null ? version : "(development build)")};
    }
  }
}
