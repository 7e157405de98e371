package org.campaignmetrics;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.campaignmetrics.io.CsvInputReader;
import org.campaignmetrics.io.CsvTable;
import org.campaignmetrics.io.InputException;
import org.campaignmetrics.io.OutputWriter;
import org.campaignmetrics.transform.AttackTrends;
import org.campaignmetrics.transform.FigureDerivation;
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
    outputs.figures().unpersist();
    LOG.info("done in {} ms: {} tables under {}", (System.nanoTime() - started) / 1_000_000,
        outputs.tables().size(), outputDir);
  }

  /** Reads and checks the input, then derives; throws {@link InputException} on bad input. */
  public static Outputs compute(SparkSession spark, String inputDir) {
    LOG.info("reading {}", inputDir);
    Dataset<Row> reports = InputParsing.reports(CsvInputReader.read(spark, inputDir, CsvTable.REPORTS))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> operations = ReportedFigures.sumRecords(
        InputParsing.figureRecords(CsvInputReader.read(spark, inputDir, CsvTable.OPERATIONS),
            Metric.OPERATIONS_METRICS),
        Metric.OPERATIONS_METRICS, reports).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> attacks = ReportedFigures.sumRecords(
        InputParsing.figureRecords(CsvInputReader.read(spark, inputDir, CsvTable.ATTACKS),
            Metric.ATTACKS_METRICS),
        Metric.ATTACKS_METRICS, reports).persist(StorageLevel.MEMORY_AND_DISK());
    failOnProblems(reports, operations, attacks);

    Dataset<Row> records = ReportedFigures.toLong(operations, Metric.OPERATIONS, Metric.OPERATIONS_METRICS)
        .unionByName(ReportedFigures.toLong(attacks, Metric.ATTACKS, Metric.ATTACKS_METRICS));
    Dataset<Row> statements = ReportedFigures.statements(records, reports);
    Dataset<Row> figures = FigureDerivation.derive(statements).persist(StorageLevel.MEMORY_AND_DISK());
    return new Outputs(figures, OperationsPeriods.build(figures), TheaterSplit.build(figures),
        AttackTrends.build(figures));
  }

  /** Stops the run, before anything is written, with each bad row's file, line, column and reason. */
  static void failOnProblems(Dataset<Row>... tables) {
    Dataset<Row> problems = null;
    for (Dataset<Row> table : tables) {
      Dataset<Row> found = table.filter(col(InputParsing.PROBLEM).isNotNull())
          .select(col(CsvInputReader.FILE), col(CsvInputReader.LINE),
              col(InputParsing.PROBLEM + ".column").as("column"),
              col(InputParsing.PROBLEM + ".reason").as("reason"));
      problems = problems == null ? found : problems.unionByName(found);
    }
    List<Row> shown = problems.orderBy(CsvInputReader.FILE, CsvInputReader.LINE)
        .limit(PROBLEMS_SHOWN + 1).collectAsList();
    if (shown.isEmpty()) {
      return;
    }
    List<String> lines = new ArrayList<>();
    for (Row p : shown.subList(0, Math.min(PROBLEMS_SHOWN, shown.size()))) {
      lines.add(p.getString(0) + " line " + p.getLong(1) + ", column '" + p.getString(2) + "': " + p.getString(3));
    }
    if (shown.size() > PROBLEMS_SHOWN) {
      lines.add("(only the first " + PROBLEMS_SHOWN + " problems are shown)");
    }
    throw new InputException(String.join("\n", lines));
  }
}
