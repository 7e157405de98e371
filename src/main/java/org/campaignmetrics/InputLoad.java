package org.campaignmetrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.campaignmetrics.derive.Report;
import org.campaignmetrics.derive.Statement;
import org.campaignmetrics.io.CsvInputReader;
import org.campaignmetrics.io.CsvTable;
import org.campaignmetrics.io.FigureInput;
import org.campaignmetrics.io.InputException;
import org.campaignmetrics.transform.ContextSeries;
import org.campaignmetrics.transform.InputParsing;
import org.campaignmetrics.transform.ReportedFigures;

/**
 * Reads the input directory in one Spark job: each file is read once, every row parsed and checked,
 * and the records of each report, period and theater summed (rule 1). What comes back to the driver
 * is small by construction: the reports, the summed groups (reports x periods x theaters), the first
 * rejected rows, and each file's row counts. Rejected rows never stop the run (unless strict); they
 * are quarantined with their file, line, raw text, column and reason.
 */
public final class InputLoad {
  /** Rejects collected with the statements; past this, the rejects table is computed by Spark. */
  public static final int REJECTS_COLLECTED = 10_000;

  private static final String KIND = "kind";
  private static final String KIND_GROUP = "group";
  private static final String KIND_REJECT = "reject";
  private static final String KIND_COUNT = "count";
  private static final String KIND_CONTEXT = "context";

  /** Context observations as they come back to the driver. */
  public static final StructType CONTEXT_SCHEMA = new StructType()
      .add("report_id", DataTypes.StringType, true)
      .add("as_of", DataTypes.DateType, true)
      .add("scope", DataTypes.StringType, true)
      .add("metric", DataTypes.StringType, true)
      .add("value", DataTypes.LongType, true)
      .add("qualifier", DataTypes.StringType, true)
      .add("quote", DataTypes.StringType, true);

  /** The rejects output table: every quarantined input row. */
  public static final StructType REJECTS_SCHEMA = new StructType()
      .add("file", DataTypes.StringType, true)
      .add("line", DataTypes.LongType, true)
      .add("raw", DataTypes.StringType, true)
      .add("column", DataTypes.StringType, true)
      .add("reason", DataTypes.StringType, true);

  /** Rows read, used and rejected in one input file: read = used + rejected, always. */
  public record FileAccount(String file, long read, long used, long rejected) {}

  /**
   * The loaded input: valid reports, rule-1 statements, context observations, quarantined rows and
   * each file's account. The rejects are on the driver ({@code rejectRows}) unless there are more
   * than {@link #REJECTS_COLLECTED}: then {@code rejectRows} is null and {@code rejects} is the Spark
   * query that computes them again from the input.
   */
  public record Loaded(Map<String, Report> reports, List<Statement> statements,
      List<ContextSeries.Observation> context, List<Row> rejectRows, Dataset<Row> rejects, long rejectCount,
      List<FileAccount> accounts) {}

  private InputLoad() {}

  public static Loaded load(SparkSession spark, String inputDir, boolean strict) {
    // Reports first, in a small job of their own: one row per document, needed to check every record.
    List<Row> reportRows = InputParsing.reports(CsvInputReader.read(spark, inputDir, CsvTable.REPORTS))
        .select(col("report_id"), col("source_type"), col("published_on"), col("coverage_start"),
            col("coverage_end"), col(CsvInputReader.FILE).as("file"), col(CsvInputReader.LINE).as("line"),
            col(CsvInputReader.RAW).as("raw"), col(InputParsing.PROBLEM + ".column").as("column"),
            col(InputParsing.PROBLEM + ".reason").as("reason"))
        .collectAsList();
    Map<String, Report> validReports = new LinkedHashMap<>();
    Map<String, List<Long>> linesById = new TreeMap<>();
    List<Row> collectedRejects = new ArrayList<>();
    for (Row row : reportRows) {
      String id = row.getAs("report_id");
      if (id != null) {
        linesById.computeIfAbsent(id, k -> new ArrayList<>()).add(row.getAs("line"));
      }
      if (row.getAs("reason") == null) {
        validReports.put(id, toReport(row));
      } else {
        collectedRejects.add(row);
      }
    }
    // Rule 3 ranks reports by id, so an id must name one report: a whole-file problem.
    linesById.forEach((id, lines) -> {
      if (lines.size() > 1) {
        throw new InputException(CsvTable.REPORTS.fileName() + ": duplicate report_id '" + id + "' on lines "
            + String.join(", ", lines.stream().sorted().map(String::valueOf).toList()));
      }
    });
    long reportRowsRejected = collectedRejects.size();

    // Then one job over the figure files: each read once, checked, and summed (rule 1).
    Set<String> reportIds = validReports.keySet();
    String operationsInput = FigureInput.name(spark, inputDir, CsvTable.OPERATIONS);
    String attacksInput = FigureInput.name(spark, inputDir, CsvTable.ATTACKS);
    // Each summed input feeds three branches (groups, rejects, counts). Spark pushes each branch's
    // filter on the problem below the aggregation, which would scan and parse the input once per
    // branch; kept, the input is read once and the branches read the small result.
    Dataset<Row> operations = summed(spark, inputDir, CsvTable.OPERATIONS, Metric.OPERATIONS_METRICS, reportIds)
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> attacks = summed(spark, inputDir, CsvTable.ATTACKS, Metric.ATTACKS_METRICS, reportIds)
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> rejects = rejectRows(operations).unionByName(rejectRows(attacks));
    Dataset<Row> groups = operations.filter(col(InputParsing.PROBLEM).isNull())
        .withColumn("table", lit(Metric.OPERATIONS))
        .unionByName(attacks.filter(col(InputParsing.PROBLEM).isNull()).withColumn("table", lit(Metric.ATTACKS)), true)
        .drop(InputParsing.PROBLEM, CsvInputReader.RAW)
        .withColumn(KIND, lit(KIND_GROUP));
    Dataset<Row> counts = counts(operations).unionByName(counts(attacks));
    Dataset<Row> contextRows = null;
    boolean hasContext = CsvInputReader.exists(spark, inputDir, CsvTable.CONTEXT);
    if (hasContext) {
      Dataset<Row> context =
          InputParsing.contextObservations(CsvInputReader.read(spark, inputDir, CsvTable.CONTEXT), reportIds);
      rejects = rejects.unionByName(rejectRows(context));
      contextRows = context.filter(col(InputParsing.PROBLEM).isNull())
          .select(CONTEXT_SCHEMA.fieldNames()[0], java.util.Arrays.copyOfRange(CONTEXT_SCHEMA.fieldNames(), 1,
              CONTEXT_SCHEMA.fieldNames().length))
          .withColumn(KIND, lit(KIND_CONTEXT));
      counts = counts.unionByName(context.groupBy(col(CsvInputReader.INPUT))
          .agg(count(lit(1)).as("rows_read"),
              sum(when(col(InputParsing.PROBLEM).isNotNull(), 1L).otherwise(0L)).as("rows_rejected")));
    }
    Dataset<Row> firstRejects = rejects.orderBy("file", "line").limit(REJECTS_COLLECTED + 1)
        .withColumn(KIND, lit(KIND_REJECT));
    Dataset<Row> everything = groups.unionByName(counts.withColumn(KIND, lit(KIND_COUNT)), true)
        .unionByName(firstRejects, true);
    if (contextRows != null) {
      everything = everything.unionByName(contextRows, true);
    }

    List<Statement> statements = new ArrayList<>();
    List<ContextSeries.Observation> context = new ArrayList<>();
    Map<String, long[]> readAndRejected = new TreeMap<>();
    Map<String, Long> used = new TreeMap<>();
    long figureRejects = 0;
    List<Row> collected;
    try {
      collected = everything.collectAsList();
    } finally {
      operations.unpersist();
      attacks.unpersist();
    }
    for (Row row : collected) {
      switch (row.<String>getAs(KIND)) {
        case KIND_GROUP -> {
          used.merge(row.getAs(CsvInputReader.INPUT), row.<Long>getAs(ReportedFigures.ROWS), Long::sum);
          List<String> metrics = Metric.OPERATIONS.equals(row.getAs("table"))
              ? Metric.OPERATIONS_METRICS : Metric.ATTACKS_METRICS;
          for (String metric : metrics) {
            statements.add(toStatement(row, metric));
          }
        }
        case KIND_COUNT -> readAndRejected.put(row.getAs(CsvInputReader.INPUT),
            new long[] {row.<Long>getAs("rows_read"), row.<Long>getAs("rows_rejected")});
        case KIND_CONTEXT -> {
          used.merge(CsvTable.CONTEXT.fileName(), 1L, Long::sum);
          context.add(new ContextSeries.Observation(row.getAs("report_id"), localDate(row.getAs("as_of")),
              row.getAs("scope"), row.getAs("metric"), row.getAs("value"), row.getAs("qualifier"),
              row.getAs("quote")));
        }
        default -> {
          collectedRejects.add(row);
          figureRejects++;
        }
      }
    }

    List<FileAccount> accounts = new ArrayList<>();
    accounts.add(new FileAccount(CsvTable.REPORTS.fileName(), reportRows.size(),
        reportRows.size() - reportRowsRejected, reportRowsRejected));
    long rejectCount = reportRowsRejected;
    List<String> inputs = new ArrayList<>(List.of(operationsInput, attacksInput));
    if (hasContext) {
      inputs.add(CsvTable.CONTEXT.fileName());
    }
    for (String input : inputs) {
      long[] counted = readAndRejected.getOrDefault(input, new long[2]);
      long usedRows = used.getOrDefault(input, 0L);
      if (counted[0] != usedRows + counted[1]) {
        throw new IllegalStateException(input + ": " + counted[0] + " rows read but " + usedRows
            + " used and " + counted[1] + " rejected; rows went missing");
      }
      accounts.add(new FileAccount(input, counted[0], usedRows, counted[1]));
      rejectCount += counted[1];
    }
    collectedRejects.sort(java.util.Comparator.comparing((Row r) -> r.<String>getAs("file"))
        .thenComparing(r -> r.<Long>getAs("line")));
    if (strict && rejectCount > 0) {
      throw new RejectedInputException(firstRejectMessages(collectedRejects), rejectCount);
    }
    List<Row> rejectTableRows = collectedRejects.stream().map(r -> RowFactory.create(
        r.getAs("file"), r.getAs("line"), r.getAs("raw"), r.getAs("column"), r.getAs("reason"))).toList();
    if (figureRejects > REJECTS_COLLECTED) {
      // too many to have brought back: Spark computes the table again from the input when writing it
      Dataset<Row> rejectsTable = rejects.unionByName(spark.createDataFrame(
          rejectTableRows.stream().filter(r -> CsvTable.REPORTS.fileName().equals(r.getString(0))).toList(),
          REJECTS_SCHEMA));
      return new Loaded(validReports, statements, context, null, rejectsTable, rejectCount, accounts);
    }
    return new Loaded(validReports, statements, context, rejectTableRows, null, rejectCount, accounts);
  }

  private static Dataset<Row> summed(SparkSession spark, String inputDir, CsvTable table, List<String> metrics,
      Set<String> reportIds) {
    // the input's name is the same on every row: added to the small result, not hashed into each row's key
    return ReportedFigures.sumRecords(
            InputParsing.figureRecords(FigureInput.read(spark, inputDir, table), metrics, reportIds), metrics)
        .withColumn(CsvInputReader.INPUT, lit(FigureInput.name(spark, inputDir, table)));
  }

  /** The rows of a parsed or summed input that have a problem: file, line, raw, column, reason. */
  static Dataset<Row> rejectRows(Dataset<Row> table) {
    return table.filter(col(InputParsing.PROBLEM).isNotNull())
        .select(col(CsvInputReader.FILE).as("file"), col(CsvInputReader.LINE).as("line"),
            col(CsvInputReader.RAW).as("raw"), col(InputParsing.PROBLEM + ".column").as("column"),
            col(InputParsing.PROBLEM + ".reason").as("reason"));
  }

  private static Dataset<Row> counts(Dataset<Row> summed) {
    return summed.groupBy(col(CsvInputReader.INPUT))
        .agg(sum(col(ReportedFigures.ROWS)).as("rows_read"),
            sum(when(col(InputParsing.PROBLEM).isNotNull(), col(ReportedFigures.ROWS)).otherwise(0L))
                .as("rows_rejected"));
  }

  private static List<String> firstRejectMessages(List<Row> rejects) {
    List<String> lines = new ArrayList<>();
    for (Row r : rejects.subList(0, Math.min(20, rejects.size()))) {
      lines.add(r.getAs("file") + " line " + r.getAs("line") + ", column '" + r.getAs("column") + "': "
          + r.getAs("reason"));
    }
    return lines;
  }

  private static Report toReport(Row row) {
    LocalDate coverageStart = localDate(row.getAs("coverage_start"));
    return new Report(row.getAs("report_id"), row.getAs("source_type"), localDate(row.getAs("published_on")),
        coverageStart == null ? null : new Period(coverageStart, localDate(row.getAs("coverage_end"))));
  }

  private static Statement toStatement(Row row, String metric) {
    Statement s = new Statement();
    s.setTable(row.getAs("table"));
    s.setReportId(row.getAs("report_id"));
    s.setPeriodStart(localDate(row.getAs("period_start")));
    s.setPeriodEnd(localDate(row.getAs("period_end")));
    s.setTheater(row.getAs("theater"));
    s.setMetric(metric);
    s.setValue(row.getAs(metric));
    s.setQualifier(row.getAs(metric + InputParsing.QUALIFIER));
    s.setQuote(row.getAs("quote"));
    return s;
  }

  private static LocalDate localDate(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
  }

  /** --strict: the input had rejected rows, and the run stops before writing anything. */
  public static final class RejectedInputException extends InputException {
    private final long rejected;

    RejectedInputException(List<String> firstRejects, long rejected) {
      super(String.join("\n", firstRejects)
          + (rejected > firstRejects.size() ? "\n(" + rejected + " rows rejected in all)" : ""));
      this.rejected = rejected;
    }

    public long rejected() {
      return rejected;
    }
  }
}
