package org.campaignmetrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.campaignmetrics.derive.Check;
import org.campaignmetrics.derive.CoverageRule;
import org.campaignmetrics.derive.DerivationEngine;
import org.campaignmetrics.derive.Figure;
import org.campaignmetrics.derive.Statement;
import org.campaignmetrics.io.InputException;
import org.campaignmetrics.io.OutputWriter;
import org.campaignmetrics.io.PostgresExport;
import org.campaignmetrics.io.RunManifest;
import org.campaignmetrics.transform.AttackTrends;
import org.campaignmetrics.transform.ChecksTable;
import org.campaignmetrics.transform.ContextSeries;
import org.campaignmetrics.transform.FiguresTable;
import org.campaignmetrics.transform.OperationsPeriods;
import org.campaignmetrics.transform.TheaterSplit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The job: read the input directory, derive the figures, write every output table. */
public final class CampaignMetrics {
  private static final Logger LOG = LoggerFactory.getLogger(CampaignMetrics.class);

  private CampaignMetrics() {}

  /**
   * How a run is asked to behave: strict rejects, the run date (its history partition; default today,
   * UTC), the run id (default: the run date and start time), the parameters to record, and where to
   * export the tables in PostgreSQL (null: no export).
   */
  public record Options(boolean strict, LocalDate runDate, String runId, Map<String, String> parameters,
      PostgresExport.Target postgres) {
    public static final Options DEFAULT = new Options(false, null, null, Map.of(), null);

    public Options(boolean strict) {
      this(strict, null, null, Map.of(), null);
    }

    public Options(boolean strict, LocalDate runDate, String runId, Map<String, String> parameters) {
      this(strict, runDate, runId, parameters, null);
    }
  }

  /**
   * Everything the job computes, before it is written, with what the summary reports. The tables
   * are in their published order: figures, operations_periods, theater_split, attack_trends,
   * context_series, checks, rejects.
   */
  public record Outputs(SparkSession spark, List<OutputWriter.Table> tables, Map<String, Long> checksBySeverity,
      long rejectCount, List<InputLoad.FileAccount> accounts, Map<String, Long> figuresByDerivation) {

    public OutputWriter.Table table(String name) {
      return tables.stream().filter(t -> t.name().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no output table " + name));
    }

    public Dataset<Row> figures() {
      return table("figures").rows(spark);
    }

    public Dataset<Row> operationsPeriods() {
      return table("operations_periods").rows(spark);
    }

    public Dataset<Row> theaterSplit() {
      return table("theater_split").rows(spark);
    }

    public Dataset<Row> attackTrends() {
      return table("attack_trends").rows(spark);
    }

    public Dataset<Row> contextSeries() {
      return table("context_series").rows(spark);
    }

    public Dataset<Row> checks() {
      return table("checks").rows(spark);
    }

    public Dataset<Row> rejects() {
      return table("rejects").rows(spark);
    }

    public long errors() {
      return checksBySeverity.getOrDefault(Check.ERROR, 0L);
    }

    public long warnings() {
      return checksBySeverity.getOrDefault(Check.WARNING, 0L);
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
    Outputs outputs;
    PostgresExport.Result exported;
    String sparkWork;
    try (SparkWork work = SparkWork.countOn(spark.sparkContext());
        SmallInputMode mode = SmallInputMode.forInput(spark, inputDir)) {
      outputs = compute(spark, inputDir, options);
      OutputWriter.writeAll(spark, outputDir, outputs.tables(), runDate.toString());
      // after the files are published, so a failed export leaves them in place; before the manifest,
      // which records the export
      exported = options.postgres() == null ? null
          : PostgresExport.export(spark, options.postgres(), OutputWriter.published(spark, outputDir, outputs.tables()),
              runId, runDate);
      sparkWork = work.toString();
    }

    Map<String, Object> run = new LinkedHashMap<>();
    run.put("run_id", runId);
    run.put("run_date", runDate.toString());
    run.put("started_at", startedAt.toString());
    run.put("finished_at", Instant.now().toString());
    run.put("status", "succeeded");
    run.put("spark_master", spark.sparkContext().master());
    run.put("parameters", options.parameters());
    Map<String, Long> checks = new LinkedHashMap<>(); // in a fixed order (Map.of's varies by JVM)
    checks.put("error", outputs.errors());
    checks.put("warning", outputs.warnings());
    run.put("checks", checks);
    run.put("figures", outputs.figuresByDerivation());
    if (exported != null) {
      Map<String, Object> export = new LinkedHashMap<>();
      export.put("url", options.postgres().url()); // never carries a password: Target refuses one
      export.put("user", options.postgres().user());
      export.put("schema", options.postgres().schema());
      export.put("rows", exported.rows());
      run.put("postgres_export", export);
    }
    RunManifest.write(spark.sparkContext().hadoopConfiguration(), outputDir, inputDir, run,
        outputs.accounts().stream().map(a -> new RunManifest.Input(a.file(), a.read(), a.used(), a.rejected()))
            .toList(),
        outputs.tables());
    for (InputLoad.FileAccount a : outputs.accounts()) {
      LOG.info("{}: {} rows read = {} used + {} rejected", a.file(), a.read(), a.used(), a.rejected());
    }
    LOG.info("figures: {}", outputs.figuresByDerivation());
    LOG.info("checks: {} error(s), {} warning(s); rejects: {}", outputs.errors(), outputs.warnings(),
        outputs.rejectCount());
    LOG.info("done in {} ms: {} tables under {}; {}", (System.nanoTime() - started) / 1_000_000,
        outputs.tables().size(), outputDir, sparkWork);
    return outputs;
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
    LOG.info("reading {}", inputDir);
    long started = System.nanoTime();
    InputLoad.Loaded input;
    try (Progress progress = Progress.of("reading and checking " + inputDir)) {
      input = InputLoad.load(spark, inputDir, options.strict());
    }
    LOG.info("read {} reports and {} stated values in {} ms", input.reports().size(),
        input.statements().stream().filter(s -> s.getValue() != null).count(), (System.nanoTime() - started) / 1_000_000);

    long deriving = System.nanoTime();
    List<Statement> statements;
    long covered;
    DerivationEngine.Result derived;
    try {
      statements = CoverageRule.apply(input.statements(), input.reports());
      covered = System.nanoTime();
      derived = DerivationEngine.derive(statements);
    } catch (ArithmeticException e) { // the rules sum exactly (Math.addExact)
      throw new InputException("the input's figures add up to more than " + Long.MAX_VALUE
          + " in a derived figure (rule 2, 4 or 5), more than the job can hold", e);
    }
    List<Figure> figures = derived.figures();
    LOG.info("derived {} figures and {} checks from {} statements in {} ms (rule 2: {} ms)", figures.size(),
        derived.checks().size(), statements.size(), (System.nanoTime() - deriving) / 1_000_000,
        (covered - deriving) / 1_000_000);
    List<String> periodTheater = List.of("period_start", "period_end", "theater");
    List<String> rejectOrder = List.of("file", "line");
    // Each table is built from the figures alone, none from another: two cores build two at a time.
    List<java.util.function.Supplier<OutputWriter.Table>> builders = List.of(
        () -> OutputWriter.Table.onDriver("figures", FiguresTable.SCHEMA, FiguresTable.build(figures),
            List.of("period_start", "period_end", "theater", "metric")),
        () -> OutputWriter.Table.onDriver("operations_periods", OperationsPeriods.SCHEMA,
            OperationsPeriods.build(figures), periodTheater),
        () -> OutputWriter.Table.onDriver("theater_split", TheaterSplit.SCHEMA, TheaterSplit.build(figures),
            periodTheater),
        () -> OutputWriter.Table.onDriver("attack_trends", AttackTrends.SCHEMA, AttackTrends.build(figures),
            periodTheater),
        () -> OutputWriter.Table.onDriver("context_series", ContextSeries.SCHEMA,
            ContextSeries.build(input.context(), input.reports()), List.of("scope", "metric", "as_of")),
        () -> OutputWriter.Table.onDriver("checks", ChecksTable.SCHEMA, ChecksTable.build(derived.checks()),
            List.of("period_start", "period_end", "theater", "metric", "check", "figures")),
        () -> input.rejectRows() != null
            ? OutputWriter.Table.onDriver("rejects", InputLoad.REJECTS_SCHEMA, input.rejectRows(), rejectOrder)
            // more rejects than the load brings to the driver: a table as large as a bad input
            : new OutputWriter.Table("rejects", input.rejects(), rejectOrder));
    List<OutputWriter.Table> tables = builders.parallelStream().map(java.util.function.Supplier::get).toList();
    return new Outputs(spark, tables, countBy(derived.checks(), Check::getSeverity), input.rejectCount(),
        input.accounts(), countBy(derived.figures(), Figure::getDerivation));
  }

  private static <T> Map<String, Long> countBy(List<T> items, java.util.function.Function<T, String> key) {
    Map<String, Long> counts = new TreeMap<>();
    items.forEach(item -> counts.merge(key.apply(item), 1L, Long::sum));
    return counts;
  }
}
