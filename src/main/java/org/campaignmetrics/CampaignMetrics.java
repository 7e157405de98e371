package org.campaignmetrics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.campaignmetrics.derive.Changes;
import org.campaignmetrics.derive.ClaimChecks;
import org.campaignmetrics.derive.CoverageRule;
import org.campaignmetrics.derive.DerivationEngine;
import org.campaignmetrics.export.PostgresExport;
import org.campaignmetrics.export.PostgresTarget;
import org.campaignmetrics.input.FigureSource;
import org.campaignmetrics.input.FileAccount;
import org.campaignmetrics.input.InputException;
import org.campaignmetrics.input.InputLoad;
import org.campaignmetrics.input.LoadedInput;
import org.campaignmetrics.input.RejectedReport;
import org.campaignmetrics.model.Check;
import org.campaignmetrics.model.FigureChange;
import org.campaignmetrics.model.Statement;
import org.campaignmetrics.publish.OutputLock;
import org.campaignmetrics.publish.PublishGates;
import org.campaignmetrics.publish.PublishedRun;
import org.campaignmetrics.publish.RunManifest;
import org.campaignmetrics.publish.StagedPublish;
import org.campaignmetrics.spark.Progress;
import org.campaignmetrics.spark.SmallInputMode;
import org.campaignmetrics.spark.SparkWork;
import org.campaignmetrics.tables.OutputTables;
import org.campaignmetrics.tables.RunResult;
import org.campaignmetrics.tables.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job, stage by stage: read the input directory ({@link InputLoad}), derive the figures
 * ({@link CoverageRule}, {@link DerivationEngine}), check the claims against them ({@link ClaimChecks}), build every output table ({@link OutputTables}),
 * publish them ({@link StagedPublish}), export them ({@link PostgresExport}) and write the manifest
 * ({@link RunManifest}).
 */
public final class CampaignMetrics {
  private static final Logger LOG = LoggerFactory.getLogger(CampaignMetrics.class);

  private CampaignMetrics() {}

  /**
   * How a run is asked to behave: strict rejects, the run date (its history partition; default today,
   * UTC), the run id (default: the run date and start time), the parameters to record, and where to
   * export the tables in PostgreSQL (null: no export).
   */
  public record Options(boolean strict, LocalDate runDate, String runId, Map<String, String> parameters,
      PostgresTarget postgres, PublishGates.Policy gates, Duration waitForLock) {
    public static final Options DEFAULT = new Options(false, null, null, Map.of(), null);

    public Options(boolean strict) {
      this(strict, null, null, Map.of(), null);
    }

    public Options(boolean strict, LocalDate runDate, String runId, Map<String, String> parameters) {
      this(strict, runDate, runId, parameters, null);
    }

    public Options(boolean strict, LocalDate runDate, String runId, Map<String, String> parameters,
        PostgresTarget postgres) {
      this(strict, runDate, runId, parameters, postgres, PublishGates.Policy.DEFAULT, Duration.ZERO);
    }

    public Options withGates(PublishGates.Policy policy) {
      return new Options(strict, runDate, runId, parameters, postgres, policy, waitForLock);
    }

    public Options waitingForLock(Duration wait) {
      return new Options(strict, runDate, runId, parameters, postgres, gates, wait);
    }
  }

  /**
   * Everything the job computes, before it is written, with what the summary reports. The tables
   * are in their published order ({@link OutputTables#ALL}).
   */
  public record Outputs(SparkSession spark, List<Table> tables, Map<String, Long> checksBySeverity,
      long rejectCount, List<FileAccount> accounts, Map<String, Long> figuresByDerivation,
      List<RejectedReport> citedRejectedReports, List<FigureChange> changes, String previousRunId,
      List<PublishGates.Reason> heldBecause, String heldIn) {

    /** Whether the publish gates held the run: its tables are under {@code DIR/_held/<run id>/}, not published. */
    public boolean held() {
      return !heldBecause.isEmpty();
    }

    Outputs heldBecause(List<PublishGates.Reason> reasons, String directory) {
      return new Outputs(spark, tables, checksBySeverity, rejectCount, accounts, figuresByDerivation,
          citedRejectedReports, changes, previousRunId, reasons, directory);
    }

    public Table table(String name) {
      return tables.stream().filter(t -> t.name().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no output table " + name));
    }

    /** A table's rows as a DataFrame, for tests and embedding programs. */
    public Dataset<Row> rows(String name) {
      return table(name).dataFrame(spark);
    }

    public long errors() {
      return checksBySeverity.getOrDefault(Check.Severity.ERROR.code(), 0L);
    }

    public long warnings() {
      return checksBySeverity.getOrDefault(Check.Severity.WARNING.code(), 0L);
    }
  }

  public static Outputs run(SparkSession spark, String inputDir, String outputDir) {
    return run(spark, inputDir, outputDir, Options.DEFAULT);
  }

  public static Outputs run(SparkSession spark, String inputDir, String outputDir, Options options) {
    long started = System.nanoTime();
    Instant startedAt = Instant.now();
    LocalDate runDate = options.runDate() != null ? options.runDate() : LocalDate.now(ZoneOffset.UTC);
    String runId = options.runId() != null ? options.runId()
        : runDate + "T" + DateTimeFormatter.ofPattern("HHmmss'Z'").withZone(ZoneOffset.UTC).format(startedAt);
    org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
    Outputs outputs;
    PostgresExport.Result exported = null;
    String sparkWork;
    // one run at a time per output directory, taken before anything is read
    try (OutputLock lock = OutputLock.take(conf, outputDir, runId, options.waitForLock());
        SparkWork work = SparkWork.countOn(spark.sparkContext());
        SmallInputMode mode = SmallInputMode.forInput(spark, inputDir, FigureSource.anyParquet(spark, inputDir))) {
      PublishedRun previous = PublishedRun.read(conf, outputDir);
      if (previous == null) {
        LOG.info("no run published in {} yet: nothing to compare with (changes is empty)", outputDir);
      }
      outputs = compute(spark, inputDir, options, previous);
      InputLoad.requireRows(outputs.accounts());
      List<PublishGates.Reason> held = PublishGates.check(options.gates(), outputs.accounts(),
          outputs.citedRejectedReports(), outputs.changes(), outputs.previousRunId());
      if (!held.isEmpty()) {
        String heldDir = heldDir(outputDir, runId);
        outputs = outputs.heldBecause(held, heldDir);
        StagedPublish.writeAll(spark, heldDir, outputs.tables());
        RunManifest.write(conf, heldDir, inputDir, manifestRun(runId, runDate, startedAt, "held", spark, options,
            outputs, null, held, work.toString()), outputs.accounts(), outputs.tables());
        held.forEach(reason -> LOG.warn("held: {}", reason.message()));
        LOG.info("done in {} ms: held, nothing published; what the run computed is in {}",
            (System.nanoTime() - started) / 1_000_000, heldDir);
        return outputs;
      }
      StagedPublish.writeAll(spark, outputDir, outputs.tables(), runDate.toString());
      // after the files are published, so a failed export leaves them in place; before the manifest,
      // which records the export
      if (options.postgres() != null) {
        exported = PostgresExport.export(spark, options.postgres(),
            StagedPublish.published(spark, outputDir, outputs.tables()), runId, runDate);
      }
      sparkWork = work.toString();
      RunManifest.write(conf, outputDir, inputDir,
          manifestRun(runId, runDate, startedAt, "succeeded", spark, options, outputs, exported, null, sparkWork),
          outputs.accounts(), outputs.tables());
    }
    for (FileAccount a : outputs.accounts()) {
      LOG.info("{}: {} rows read = {} used + {} rejected", a.file(), a.read(), a.used(), a.rejected());
    }
    LOG.info("figures: {}", outputs.figuresByDerivation());
    LOG.info("checks: {} error(s), {} warning(s); rejects: {}", outputs.errors(), outputs.warnings(),
        outputs.rejectCount());
    LOG.info("done in {} ms: {} tables written under {}", (System.nanoTime() - started) / 1_000_000,
        outputs.tables().size(), outputDir);
    LOG.debug("Spark work: {}", sparkWork); // engine terms: --verbose, and the manifest's spark_work
    return outputs;
  }

  /** Where a held run keeps what it computed: {@code DIR/_held/<run id>/}, the run id made safe for a path. */
  public static String heldDir(String outputDir, String runId) {
    return new org.apache.hadoop.fs.Path(outputDir, "_held/" + runId.replaceAll("[^A-Za-z0-9._=-]", "_")).toString();
  }

  private static RunManifest.Run manifestRun(String runId, LocalDate runDate, Instant startedAt, String status,
      SparkSession spark, Options options, Outputs outputs, PostgresExport.Result exported,
      List<PublishGates.Reason> held, String sparkWork) {
    Map<String, Object> export = null;
    if (exported != null) {
      export = new LinkedHashMap<>();
      export.put("url", options.postgres().url()); // never carries a password: PostgresTarget refuses one
      export.put("user", options.postgres().user());
      export.put("schema", options.postgres().schema());
      export.put("rows", exported.rows());
    }
    return new RunManifest.Run(runId, runDate.toString(), startedAt, Instant.now(), status,
        spark.sparkContext().master(), options.parameters(), outputs.errors(), outputs.warnings(),
        outputs.figuresByDerivation(), export, held, sparkWork);
  }

  public static Outputs compute(SparkSession spark, String inputDir) {
    return compute(spark, inputDir, Options.DEFAULT);
  }

  /**
   * Reads the input in one Spark job (see {@link InputLoad}), then derives on the driver from the
   * small aggregated statements and builds the output tables there: their size depends on periods,
   * theaters and reports, never on the input's rows.
   */
  public static Outputs compute(SparkSession spark, String inputDir, Options options) {
    return compute(spark, inputDir, options, null);
  }

  /** As {@link #compute(SparkSession, String, Options)}, with what changed since {@code previous} (null: none). */
  public static Outputs compute(SparkSession spark, String inputDir, Options options, PublishedRun previous) {
    LOG.info("reading {}", inputDir);
    long started = System.nanoTime();
    LoadedInput input;
    try (Progress progress = Progress.of("reading and checking " + inputDir)) {
      input = InputLoad.load(spark, inputDir, options.strict());
    }
    LOG.info("read {} reports and {} stated values in {} ms", input.reports().size(),
        input.statements().stream().filter(Statement::stated).count(), (System.nanoTime() - started) / 1_000_000);

    long deriving = System.nanoTime();
    List<Statement> statements;
    long covered;
    DerivationEngine.Result derived;
    try {
      statements = CoverageRule.apply(input.statements());
      covered = System.nanoTime();
      derived = DerivationEngine.derive(statements);
    } catch (ArithmeticException e) {
      throw InputException.ifOverflow(e, "the input's figures add up to more than " + Long.MAX_VALUE
          + " in a derived figure (rule 2, 4 or 5), more than the job can hold");
    }
    LOG.info("derived {} figures and {} checks in {} ms", derived.figures().size(), derived.checks().size(),
        (System.nanoTime() - deriving) / 1_000_000);
    LOG.debug("from {} statements; rule 2 took {} ms", statements.size(), (covered - deriving) / 1_000_000);
    ClaimChecks.Result claims = ClaimChecks.evaluate(input.claims(), derived.figures(), input.context(),
        input.reports());
    List<Check> checks = new ArrayList<>(derived.checks());
    checks.addAll(claims.checks());
    checks.sort(Check.ORDER);
    if (!input.claims().isEmpty()) {
      LOG.info("claims: {}", countBy(claims.verdicts(), v -> v.verdict().code()));
    }
    List<FigureChange> changes = previous == null ? List.of() : Changes.between(previous.figures(), derived.figures());
    String previousRunId = previous == null ? null : previous.runId();
    List<Table> tables = OutputTables.build(new RunResult(derived.figures(), checks, input.context(),
        input.reports(), input.rejects(), changes, previousRunId, claims.verdicts()));
    return new Outputs(spark, tables, countBy(checks, c -> c.severity().code()), input.rejectCount(),
        input.accounts(), countBy(derived.figures(), f -> f.derivation().code()), input.citedRejectedReports(),
        changes, previousRunId, List.of(), null);
  }

  private static <T> Map<String, Long> countBy(List<T> items, Function<T, String> key) {
    Map<String, Long> counts = new TreeMap<>();
    items.forEach(item -> counts.merge(key.apply(item), 1L, Long::sum));
    return counts;
  }
}
