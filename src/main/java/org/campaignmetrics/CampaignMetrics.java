package org.campaignmetrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.Encoders;
import org.campaignmetrics.derive.CoverageRule;
import org.campaignmetrics.derive.DerivationEngine;
import org.campaignmetrics.derive.Figure;
import org.campaignmetrics.derive.Report;
import org.campaignmetrics.derive.Statement;
import org.campaignmetrics.io.CsvInputReader;
import org.campaignmetrics.io.CsvTable;
import org.campaignmetrics.io.InputException;
import org.campaignmetrics.io.OutputWriter;
import org.campaignmetrics.transform.AttackTrends;
import org.campaignmetrics.transform.FiguresTable;
import org.campaignmetrics.transform.InputParsing;
import org.campaignmetrics.transform.OperationsPeriods;
import org.campaignmetrics.transform.ReportedFigures;
import org.campaignmetrics.transform.TheaterSplit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The job: read the input directory, derive the figures, write every output table. */
public final class CampaignMetrics {
  private static final Logger LOG = LoggerFactory.getLogger(CampaignMetrics.class);
  /** How many input problems one failed run lists. */
  static final int PROBLEMS_SHOWN = 20;
  /** The one input job returns three kinds of rows, told apart by this column. */
  private static final String KIND = "kind";
  private static final String KIND_RECORD = "record";
  private static final String KIND_REPORT = "report";
  private static final String KIND_PROBLEM = "problem";

  private CampaignMetrics() {}

  /** Everything the job computes, before it is written. */
  public record Outputs(Dataset<Row> figures, Dataset<Row> operationsPeriods, Dataset<Row> theaterSplit,
      Dataset<Row> attackTrends) {

    public List<OutputWriter.Table> tables() {
      List<String> periodTheater = List.of("period_start", "period_end", "theater");
      return List.of(
          new OutputWriter.Table("figures", FiguresTable.build(figures),
              List.of("period_start", "period_end", "theater", "metric")),
          new OutputWriter.Table("operations_periods", operationsPeriods, periodTheater),
          new OutputWriter.Table("theater_split", theaterSplit, periodTheater),
          new OutputWriter.Table("attack_trends", attackTrends, periodTheater));
    }
  }

  public static void run(SparkSession spark, String inputDir, String outputDir) {
    long started = System.nanoTime();
    Outputs outputs = compute(spark, inputDir);
    OutputWriter.writeAll(spark, outputDir, outputs.tables());
    LOG.info("done in {} ms: {} tables under {}", (System.nanoTime() - started) / 1_000_000,
        outputs.tables().size(), outputDir);
  }

  /**
   * Reads and checks the input, then derives; throws {@link InputException} on bad input.
   *
   * <p>One Spark job reads every input file once and returns the statements (rules 1 and 2: one
   * value per report, period, theater and metric, so their number depends on periods, theaters and
   * reports, never on the row count) together with the first input problems. The derivation then
   * runs on the driver, and the output tables are built from its small local result.
   */
  public static Outputs compute(SparkSession spark, String inputDir) {
    LOG.info("reading {}", inputDir);
    long started = System.nanoTime();
    Dataset<Row> reports = InputParsing.reports(CsvInputReader.read(spark, inputDir, CsvTable.REPORTS));
    Dataset<Row> operations = ReportedFigures.sumRecords(
        InputParsing.figureRecords(CsvInputReader.read(spark, inputDir, CsvTable.OPERATIONS),
            Metric.OPERATIONS_METRICS),
        Metric.OPERATIONS_METRICS);
    Dataset<Row> attacks = ReportedFigures.sumRecords(
        InputParsing.figureRecords(CsvInputReader.read(spark, inputDir, CsvTable.ATTACKS),
            Metric.ATTACKS_METRICS),
        Metric.ATTACKS_METRICS);
    Dataset<Row> records = ReportedFigures.toLong(operations, Metric.OPERATIONS, Metric.OPERATIONS_METRICS)
        .unionByName(ReportedFigures.toLong(attacks, Metric.ATTACKS, Metric.ATTACKS_METRICS))
        .withColumn(KIND, lit(KIND_RECORD));
    Dataset<Row> goodReports = reports.filter(col(InputParsing.PROBLEM).isNull())
        .select(col("report_id"), col("source_type"), col("published_on"), col("coverage_start"),
            col("coverage_end"))
        .withColumn(KIND, lit(KIND_REPORT));
    Dataset<Row> problems = firstProblems(reports, operations, attacks).withColumn(KIND, lit(KIND_PROBLEM));

    List<Row> collected = records.unionByName(goodReports, true).unionByName(problems, true).collectAsList();
    Map<String, Report> reportsById = new HashMap<>();
    List<Statement> recordStatements = new ArrayList<>();
    List<Row> recordRows = new ArrayList<>();
    List<String[]> problemCells = new ArrayList<>();
    for (Row row : collected) {
      switch (row.<String>getAs(KIND)) {
        case KIND_REPORT -> {
          Report report = toReport(row);
          reportsById.put(report.reportId(), report);
        }
        case KIND_RECORD -> recordRows.add(row);
        default -> problemCells.add(new String[] {row.getAs(CsvInputReader.FILE),
            String.valueOf(row.<Long>getAs(CsvInputReader.LINE)), row.getAs("column"), row.getAs("reason")});
      }
    }
    Set<List<Object>> unknownReported = new HashSet<>();
    for (Row row : recordRows) {
      String reportId = row.getAs("report_id");
      if (reportsById.containsKey(reportId)) {
        recordStatements.add(toStatement(row));
      } else if (unknownReported.add(List.of(row.getAs(CsvInputReader.FILE), row.getAs(CsvInputReader.LINE)))) {
        problemCells.add(new String[] {row.getAs(CsvInputReader.FILE),
            String.valueOf(row.<Long>getAs(CsvInputReader.LINE)), "report_id",
            "unknown report_id '" + reportId + "' (not in reports.csv)"});
      }
    }
    failOnProblems(problemCells);
    LOG.info("read {} reports and {} figure records in {} ms", reportsById.size(), recordStatements.size(),
        (System.nanoTime() - started) / 1_000_000);

    List<Statement> statements = CoverageRule.apply(recordStatements, reportsById);
    List<Figure> derived = DerivationEngine.derive(statements);
    LOG.info("derived {} figures from {} statements", derived.size(), statements.size());
    Dataset<Row> figures = FiguresTable.fromBeans(spark.createDataset(derived, Encoders.bean(Figure.class)));
    return new Outputs(figures, OperationsPeriods.build(figures), TheaterSplit.build(figures),
        AttackTrends.build(figures));
  }

  private static Report toReport(Row row) {
    LocalDate coverageStart = localDate(row.getAs("coverage_start"));
    return new Report(row.getAs("report_id"), row.getAs("source_type"), localDate(row.getAs("published_on")),
        coverageStart == null ? null : new Period(coverageStart, localDate(row.getAs("coverage_end"))));
  }

  private static Statement toStatement(Row row) {
    Statement s = new Statement();
    s.setTable(row.getAs("table"));
    s.setReportId(row.getAs("report_id"));
    s.setPeriodStart(localDate(row.getAs("period_start")));
    s.setPeriodEnd(localDate(row.getAs("period_end")));
    s.setTheater(row.getAs("theater"));
    s.setMetric(row.getAs("metric"));
    s.setValue(row.getAs("value"));
    s.setQuote(row.getAs("quote"));
    return s;
  }

  private static LocalDate localDate(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
  }

  /** The first problems of the input files, in file and line order: file, line, column, reason. */
  static Dataset<Row> firstProblems(Dataset<Row>... tables) {
    Dataset<Row> problems = null;
    for (Dataset<Row> table : tables) {
      Dataset<Row> found = table.filter(col(InputParsing.PROBLEM).isNotNull())
          .select(col(CsvInputReader.FILE), col(CsvInputReader.LINE),
              col(InputParsing.PROBLEM + ".column").as("column"),
              col(InputParsing.PROBLEM + ".reason").as("reason"));
      problems = problems == null ? found : problems.unionByName(found);
    }
    return problems.orderBy(CsvInputReader.FILE, CsvInputReader.LINE).limit(PROBLEMS_SHOWN + 1);
  }

  /** Stops the run, before anything is written, with each bad row's file, line, column and reason. */
  static void failOnProblems(List<String[]> problems) {
    if (problems.isEmpty()) {
      return;
    }
    problems.sort(Comparator.comparing((String[] p) -> p[0]).thenComparingLong(p -> Long.parseLong(p[1])));
    List<String> lines = new ArrayList<>();
    for (String[] p : problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size()))) {
      lines.add(p[0] + " line " + p[1] + ", column '" + p[2] + "': " + p[3]);
    }
    if (problems.size() > PROBLEMS_SHOWN) {
      lines.add("(only the first " + PROBLEMS_SHOWN + " problems are shown)");
    }
    throw new InputException(String.join("\n", lines));
  }
}
