package org.campaignmetrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

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
import org.campaignmetrics.derive.Report;
import org.campaignmetrics.derive.Statement;
import org.campaignmetrics.io.CsvInputReader;
import org.campaignmetrics.io.CsvTable;
import org.campaignmetrics.io.FigureInput;
import org.campaignmetrics.io.InputException;
import org.campaignmetrics.io.SourceRows;
import org.campaignmetrics.transform.ContextSeries;
import org.campaignmetrics.transform.InputParsing;
import org.campaignmetrics.transform.ReportedFigures;

/**
 * Reads the input directory in one Spark job: each file is read once, every row parsed and checked,
 * and the records of each report, period and theater summed (rule 1). What comes back to the driver
 * is small by construction: the reports, the context observations, the summed groups (reports x
 * periods x theaters) and, per figure file, how many rows were rejected. Only when rows were
 * rejected does a second job find them, with file, line, raw text, column and reason: rejected rows
 * never stop the run (unless strict); they are quarantined.
 */
public final class InputLoad {
  /** Rejects collected on the driver; past this, the rejects table is computed by Spark. */
  public static final int REJECTS_COLLECTED = 10_000;
  /** Rejected rows named in the message of a strict run. */
  private static final int REJECTS_SHOWN = 20;

  private static final String KIND = "kind";
  private static final String KIND_REPORT = "report";
  private static final String KIND_GROUP = "group";
  private static final String KIND_CONTEXT = "context";
  private static final String TABLE = "table";

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
   * query that computes them from the input.
   */
  public record Loaded(Map<String, Report> reports, List<Statement> statements,
      List<ContextSeries.Observation> context, List<Row> rejectRows, Dataset<Row> rejects, long rejectCount,
      List<FileAccount> accounts) {}

  /** One figure file of the input: its contract, table, the name it was read under, its rows and metrics. */
  private record FigureFile(CsvTable contract, String table, String input, SourceRows source, List<String> metrics) {}

  private InputLoad() {}

  public static Loaded load(SparkSession spark, String inputDir, boolean strict) {
    // Whole-file problems first, in the order of the contract, before any Spark job.
    SourceRows reportsSource = CsvInputReader.readInOrder(spark, inputDir, CsvTable.REPORTS);
    List<FigureFile> figureFiles = List.of(
        new FigureFile(CsvTable.OPERATIONS, Metric.OPERATIONS, FigureInput.name(spark, inputDir, CsvTable.OPERATIONS),
            FigureInput.readInOrder(spark, inputDir, CsvTable.OPERATIONS), Metric.OPERATIONS_METRICS),
        new FigureFile(CsvTable.ATTACKS, Metric.ATTACKS, FigureInput.name(spark, inputDir, CsvTable.ATTACKS),
            FigureInput.readInOrder(spark, inputDir, CsvTable.ATTACKS), Metric.ATTACKS_METRICS));
    boolean hasContext = CsvInputReader.exists(spark, inputDir, CsvTable.CONTEXT);

    // The input pass: reports, context and each figure file's rule-1 groups, in one Spark job.
    Dataset<Row> everything = InputParsing.reports(reportsSource)
        .select(col("report_id"), col("source_type"), col("published_on"), col("coverage_start"),
            col("coverage_end"), col(CsvInputReader.FILE).as("file"), col(CsvInputReader.RECORD),
            col(CsvInputReader.BREAKS),
            col(CsvInputReader.RAW).as("raw"), col(InputParsing.PROBLEM + ".column").as("column"),
            col(InputParsing.PROBLEM + ".reason").as("reason"))
        .withColumn(KIND, lit(KIND_REPORT));
    for (FigureFile figures : figureFiles) {
      everything = everything.unionByName(
          ReportedFigures.sumRecords(InputParsing.checkedFigures(figures.source(), figures.metrics()), figures.metrics())
              .withColumn(TABLE, lit(figures.table()))
              .withColumn(KIND, lit(KIND_GROUP)), true);
    }
    if (hasContext) {
      everything = everything.unionByName(
          InputParsing.contextObservations(CsvInputReader.readInOrder(spark, inputDir, CsvTable.CONTEXT))
              .select(col("report_id"), col("as_of"), col("scope"), col("metric"), col("value"), col("qualifier"),
                  col("quote"), col(CsvInputReader.FILE).as("file"), col(CsvInputReader.RECORD),
                  col(CsvInputReader.BREAKS),
                  col(CsvInputReader.RAW).as("raw"), col(InputParsing.PROBLEM + ".column").as("column"),
                  col(InputParsing.PROBLEM + ".reason").as("reason"))
              .withColumn(KIND, lit(KIND_CONTEXT)), true);
    }
    List<Row> reportRows = new ArrayList<>();
    List<Row> contextRows = new ArrayList<>();
    Map<String, List<Row>> groupsByTable = new LinkedHashMap<>();
    figureFiles.forEach(f -> groupsByTable.put(f.table(), new ArrayList<>()));
    for (Row row : everything.collectAsList()) {
      switch (row.<String>getAs(KIND)) {
        case KIND_REPORT -> reportRows.add(row);
        case KIND_GROUP -> groupsByTable.get(row.<String>getAs(TABLE)).add(row);
        default -> contextRows.add(row);
      }
    }

    // Reports: rule 3 ranks them by id, so an id must name one report (a whole-file problem).
    Map<String, Report> validReports = new LinkedHashMap<>();
    Map<String, List<Long>> linesById = new TreeMap<>();
    List<Row> rejects = new ArrayList<>();
    Map<Long, Long> reportLines = CsvInputReader.lines(reportRows);
    for (Row row : reportRows) {
      String id = row.getAs("report_id");
      long line = reportLines.get(row.<Long>getAs(CsvInputReader.RECORD));
      if (id != null) {
        linesById.computeIfAbsent(id, k -> new ArrayList<>()).add(line);
      }
      if (row.getAs("reason") == null) {
        validReports.put(id, toReport(row));
      } else {
        rejects.add(rejectRow(row, line, row.getAs("column"), row.getAs("reason")));
      }
    }
    linesById.forEach((id, lines) -> {
      if (lines.size() > 1) {
        throw new InputException(CsvTable.REPORTS.fileName() + ": duplicate report_id '" + id + "' on lines "
            + String.join(", ", lines.stream().sorted().map(String::valueOf).toList()));
      }
    });
    Set<String> reportIds = validReports.keySet();
    List<FileAccount> accounts = new ArrayList<>();
    accounts.add(new FileAccount(CsvTable.REPORTS.fileName(), reportRows.size(), reportRows.size() - rejects.size(),
        rejects.size()));

    // Figure files: a group of valid records whose report is not a valid one is rejected whole.
    List<Statement> statements = new ArrayList<>();
    long figureRejects = 0;
    for (FigureFile figures : figureFiles) {
      long read = 0;
      long rejected = 0;
      List<Row> valid = new ArrayList<>();
      for (Row group : groupsByTable.get(figures.table())) {
        long rows = group.<Long>getAs(ReportedFigures.ROWS);
        read += rows;
        if (group.<Boolean>getAs(InputParsing.REJECTED) || !reportIds.contains(group.<String>getAs("report_id"))) {
          rejected += rows;
        } else {
          valid.add(group);
        }
      }
      statements.addAll(ReportedFigures.statements(figures.table(), figures.metrics(), valid));
      accounts.add(new FileAccount(figures.input(), read, read - rejected, rejected));
      figureRejects += rejected;
    }

    // Context: every row is here; the report's rule is checked now that the valid ids are known.
    List<ContextSeries.Observation> context = new ArrayList<>();
    if (hasContext) {
      long rejected = 0;
      Map<Long, Long> contextLines = CsvInputReader.lines(contextRows);
      for (Row row : contextRows) {
        String id = row.getAs("report_id");
        long line = contextLines.get(row.<Long>getAs(CsvInputReader.RECORD));
        if (row.getAs("reason") != null) {
          rejects.add(rejectRow(row, line, row.getAs("column"), row.getAs("reason")));
          rejected++;
        } else if (!reportIds.contains(id)) {
          rejects.add(rejectRow(row, line, "report_id", InputParsing.unknownReportReason(id)));
          rejected++;
        } else {
          context.add(new ContextSeries.Observation(id, localDate(row.getAs("as_of")), row.getAs("scope"),
              row.getAs("metric"), row.getAs("value"), row.getAs("qualifier"), row.getAs("quote")));
        }
      }
      accounts.add(new FileAccount(CsvTable.CONTEXT.fileName(), contextRows.size(), contextRows.size() - rejected,
          rejected));
    }
    long rejectCount = accounts.stream().mapToLong(FileAccount::rejected).sum();

    // Rejected figure rows, found again with their particulars: a second job, only when there are any.
    Dataset<Row> figureRejectRows = null;
    if (figureRejects > 0) {
      for (FigureFile figures : figureFiles) {
        Dataset<Row> found = InputParsing.figureRecords(FigureInput.read(spark, inputDir, figures.contract()),
                figures.metrics(), reportIds)
            .filter(col(InputParsing.PROBLEM).isNotNull())
            .select(col(CsvInputReader.FILE).as("file"), col(CsvInputReader.LINE).as("line"),
                col(CsvInputReader.RAW).as("raw"), col(InputParsing.PROBLEM + ".column").as("column"),
                col(InputParsing.PROBLEM + ".reason").as("reason"));
        figureRejectRows = figureRejectRows == null ? found : figureRejectRows.unionByName(found);
      }
      if (strict || figureRejects <= REJECTS_COLLECTED) {
        List<Row> found = figureRejectRows.orderBy("file", "line")
            .limit((int) Math.min(figureRejects, strict ? REJECTS_SHOWN : REJECTS_COLLECTED)).collectAsList();
        if (!strict && found.size() != figureRejects) {
          throw new IllegalStateException("the input pass rejected " + figureRejects + " figure rows, but "
              + found.size() + " were found again; did the input change during the run?");
        }
        rejects.addAll(found);
      }
    }
    // by position: rows of REJECTS_SCHEMA, some made on the driver without a schema
    rejects.sort(java.util.Comparator.comparing((Row r) -> r.getString(0)).thenComparing(r -> r.getLong(1)));
    if (strict && rejectCount > 0) {
      throw new RejectedInputException(firstRejectMessages(rejects), rejectCount);
    }
    if (figureRejects > REJECTS_COLLECTED) {
      // too many to bring to the driver: Spark computes the table again from the input when writing it
      Dataset<Row> rejectsTable = figureRejectRows.unionByName(spark.createDataFrame(rejects, REJECTS_SCHEMA));
      return new Loaded(validReports, statements, context, null, rejectsTable, rejectCount, accounts);
    }
    return new Loaded(validReports, statements, context, rejects, null, rejectCount, accounts);
  }

  /** A rejects table row (file, line, raw, column, reason) from a row read on the driver. */
  private static Row rejectRow(Row row, long line, String column, String reason) {
    return RowFactory.create(row.getAs("file"), line, row.getAs("raw"), column, reason);
  }

  private static List<String> firstRejectMessages(List<Row> rejects) {
    List<String> lines = new ArrayList<>();
    for (Row r : rejects.subList(0, Math.min(REJECTS_SHOWN, rejects.size()))) {
      lines.add(r.getString(0) + " line " + r.getLong(1) + ", column '" + r.getString(3) + "': " + r.getString(4));
    }
    return lines;
  }

  private static Report toReport(Row row) {
    LocalDate coverageStart = localDate(row.getAs("coverage_start"));
    return new Report(row.getAs("report_id"), row.getAs("source_type"), localDate(row.getAs("published_on")),
        coverageStart == null ? null : new Period(coverageStart, localDate(row.getAs("coverage_end"))));
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
