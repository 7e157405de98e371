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
import org.apache.spark.sql.Column;
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
    SourceRows reports = CsvInputReader.readInOrder(spark, inputDir, CsvTable.REPORTS);
    List<FigureFile> figureFiles = List.of(
        new FigureFile(CsvTable.OPERATIONS, Metric.OPERATIONS, FigureInput.name(spark, inputDir, CsvTable.OPERATIONS),
            FigureInput.readInOrder(spark, inputDir, CsvTable.OPERATIONS), Metric.OPERATIONS_METRICS),
        new FigureFile(CsvTable.ATTACKS, Metric.ATTACKS, FigureInput.name(spark, inputDir, CsvTable.ATTACKS),
            FigureInput.readInOrder(spark, inputDir, CsvTable.ATTACKS), Metric.ATTACKS_METRICS));
    SourceRows context = CsvInputReader.exists(spark, inputDir, CsvTable.CONTEXT)
        ? CsvInputReader.readInOrder(spark, inputDir, CsvTable.CONTEXT) : null;

    List<Row> reportRows = new ArrayList<>();
    List<Row> contextRows = new ArrayList<>();
    Map<String, List<Row>> groupsByTable = new LinkedHashMap<>();
    figureFiles.forEach(f -> groupsByTable.put(f.table(), new ArrayList<>()));
    List<Row> passRows;
    try {
      passRows = CollectedRows.of(inputPass(reports, figureFiles, context));
    } catch (Exception e) { // Spark's SparkException is checked, and thrown undeclared
      throw sumTooLarge(e, String.join(", ", figureFiles.stream().map(FigureFile::input).toList()));
    }
    for (Row row : passRows) {
      switch (row.<String>getAs(KIND)) {
        case KIND_REPORT -> reportRows.add(row);
        case KIND_GROUP -> groupsByTable.get(row.<String>getAs(TABLE)).add(row);
        default -> contextRows.add(row);
      }
    }

    Quarantine quarantine = new Quarantine();
    Map<String, Report> validReports = validReports(reportRows, quarantine);
    List<Statement> statements = new ArrayList<>();
    for (FigureFile figures : figureFiles) {
      statements.addAll(statements(figures, groupsByTable.get(figures.table()), validReports.keySet(), quarantine));
    }
    List<ContextSeries.Observation> observations =
        context == null ? List.of() : observations(contextRows, validReports.keySet(), quarantine);
    long rejectCount = quarantine.accounts.stream().mapToLong(FileAccount::rejected).sum();
    Set<String> figureInputs = new java.util.HashSet<>(figureFiles.stream().map(FigureFile::input).toList());
    long figureRejects = quarantine.accounts.stream().filter(a -> figureInputs.contains(a.file()))
        .mapToLong(FileAccount::rejected).sum();

    // Rejected figure rows, found again with their particulars: a second job, only when there are any.
    List<Row> rejects = quarantine.rejects;
    Dataset<Row> figureRejectRows = null;
    if (figureRejects > 0) {
      for (FigureFile figures : figureFiles) {
        Dataset<Row> found = InputParsing.figureRecords(FigureInput.read(spark, inputDir, figures.contract()),
                figures.metrics(), validReports.keySet())
            .filter(col(InputParsing.PROBLEM).isNotNull())
            .select(particulars(col(CsvInputReader.LINE).as("line")));
        figureRejectRows = figureRejectRows == null ? found : figureRejectRows.unionByName(found);
      }
      if (strict || figureRejects <= REJECTS_COLLECTED) {
        List<Row> found = CollectedRows.of(figureRejectRows.orderBy("file", "line")
            .limit((int) Math.min(figureRejects, strict ? REJECTS_SHOWN : REJECTS_COLLECTED)));
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
      return new Loaded(validReports, statements, observations, null, rejectsTable, rejectCount, quarantine.accounts);
    }
    return new Loaded(validReports, statements, observations, rejects, null, rejectCount, quarantine.accounts);
  }

  /**
   * The input pass, one Spark job: the reports, the context observations (every row, with its
   * position and, where a rule is broken, its problem) and each figure file's rule-1 groups, as one
   * table told apart by {@link #KIND}.
   */
  private static Dataset<Row> inputPass(SourceRows reports, List<FigureFile> figureFiles, SourceRows context) {
    Column[] position = {col(CsvInputReader.RECORD), col(CsvInputReader.BREAKS)};
    // each step is one projection: Spark analyses every intermediate DataFrame, seconds in a cold JVM
    Dataset<Row> everything = InputParsing.reports(reports)
        .select(columns(List.of("report_id", "source_type", "published_on", "coverage_start", "coverage_end"),
            particulars(position), lit(KIND_REPORT).as(KIND)));
    for (FigureFile figures : figureFiles) {
      Dataset<Row> groups =
          ReportedFigures.sumRecords(InputParsing.checkedFigures(figures.source(), figures.metrics()), figures.metrics());
      everything = everything.unionByName(groups.select(columns(List.of(groups.columns()),
          new Column[] {lit(figures.table()).as(TABLE)}, lit(KIND_GROUP).as(KIND))), true);
    }
    if (context != null) {
      everything = everything.unionByName(InputParsing.contextObservations(context)
          .select(columns(List.of("report_id", "as_of", "scope", "metric", "value", "qualifier", "quote"),
              particulars(position), lit(KIND_CONTEXT).as(KIND))), true);
    }
    return everything;
  }

  /** Where a parsed row is and what is wrong with it: file, its position, raw text, column, reason. */
  private static Column[] particulars(Column... position) {
    List<Column> columns = new ArrayList<>();
    columns.add(col(CsvInputReader.FILE).as("file"));
    columns.addAll(List.of(position));
    columns.add(col(CsvInputReader.RAW).as("raw"));
    columns.add(col(InputParsing.PROBLEM + ".column").as("column"));
    columns.add(col(InputParsing.PROBLEM + ".reason").as("reason"));
    return columns.toArray(new Column[0]);
  }

  private static Column[] columns(List<String> names, Column[] more, Column kind) {
    List<Column> columns = new ArrayList<>(names.stream().map(org.apache.spark.sql.functions::col).toList());
    columns.addAll(List.of(more));
    columns.add(kind);
    return columns.toArray(new Column[0]);
  }

  /** What the input pass quarantined, and each file's account of rows read, used and rejected. */
  private static final class Quarantine {
    final List<Row> rejects = new ArrayList<>();
    final List<FileAccount> accounts = new ArrayList<>();

    void account(String file, long read, long rejected) {
      accounts.add(new FileAccount(file, read, read - rejected, rejected));
    }
  }

  /** The valid reports; rule 3 ranks them by id, so an id must name one report (a whole-file problem). */
  private static Map<String, Report> validReports(List<Row> reportRows, Quarantine quarantine) {
    Map<String, Report> valid = new LinkedHashMap<>();
    Map<String, List<Long>> linesById = new TreeMap<>();
    Map<Long, Long> lines = CsvInputReader.lines(reportRows);
    long rejected = 0;
    for (Row row : reportRows) {
      String id = row.getAs("report_id");
      long line = lines.get(row.<Long>getAs(CsvInputReader.RECORD));
      if (id != null) {
        linesById.computeIfAbsent(id, k -> new ArrayList<>()).add(line);
      }
      if (row.getAs("reason") == null) {
        valid.put(id, toReport(row));
      } else {
        quarantine.rejects.add(rejectRow(row, line, row.getAs("column"), row.getAs("reason")));
        rejected++;
      }
    }
    linesById.forEach((id, idLines) -> {
      if (idLines.size() > 1) {
        throw new InputException(CsvTable.REPORTS.fileName() + ": duplicate report_id '" + id + "' on lines "
            + String.join(", ", idLines.stream().sorted().map(String::valueOf).toList()));
      }
    });
    quarantine.account(CsvTable.REPORTS.fileName(), reportRows.size(), rejected);
    return valid;
  }

  /**
   * A figure file's rule-1 statements from its groups; a group of rows that break no rule but name
   * no valid report is rejected whole (its rows are found again with the other rejected ones).
   */
  private static List<Statement> statements(FigureFile figures, List<Row> groups, Set<String> reportIds,
      Quarantine quarantine) {
    long read = 0;
    long rejected = 0;
    List<Row> valid = new ArrayList<>();
    for (Row group : groups) {
      long rows = group.<Long>getAs(ReportedFigures.ROWS);
      read += rows;
      if (group.<Boolean>getAs(InputParsing.REJECTED) || !reportIds.contains(group.<String>getAs("report_id"))) {
        rejected += rows;
      } else {
        valid.add(group);
      }
    }
    quarantine.account(figures.input(), read, rejected);
    try {
      return ReportedFigures.statements(figures.table(), figures.metrics(), valid);
    } catch (ArithmeticException e) {
      throw sumTooLarge(e, figures.input());
    }
  }

  /**
   * A rule-1 sum that left the range of a long (the pass sums exactly, see ReportedFigures) stops the
   * run: a whole-input problem, named with the files it may be in; any other failure as it is.
   */
  private static RuntimeException sumTooLarge(Exception failure, String files) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof ArithmeticException) {
        return new InputException(files + ": the counts of one report for one period and theater sum to more than "
            + Long.MAX_VALUE + " (rule 1), more than the job can hold");
      }
    }
    return failure instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(failure.getMessage(), failure);
  }

  /** The context observations: every row is on the driver, and its report is checked here. */
  private static List<ContextSeries.Observation> observations(List<Row> contextRows, Set<String> reportIds,
      Quarantine quarantine) {
    List<ContextSeries.Observation> observations = new ArrayList<>();
    Map<Long, Long> lines = CsvInputReader.lines(contextRows);
    long rejected = 0;
    for (Row row : contextRows) {
      String id = row.getAs("report_id");
      long line = lines.get(row.<Long>getAs(CsvInputReader.RECORD));
      if (row.getAs("reason") != null) {
        quarantine.rejects.add(rejectRow(row, line, row.getAs("column"), row.getAs("reason")));
        rejected++;
      } else if (!reportIds.contains(id)) {
        quarantine.rejects.add(rejectRow(row, line, "report_id", InputParsing.unknownReportReason(id)));
        rejected++;
      } else {
        observations.add(new ContextSeries.Observation(id, Period.day(row.getAs("as_of")), row.getAs("scope"),
            row.getAs("metric"), row.getAs("value"), row.getAs("qualifier"), row.getAs("quote")));
      }
    }
    quarantine.account(CsvTable.CONTEXT.fileName(), contextRows.size(), rejected);
    return observations;
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
    LocalDate coverageStart = Period.day(row.getAs("coverage_start"));
    return new Report(row.getAs("report_id"), row.getAs("source_type"), Period.day(row.getAs("published_on")),
        coverageStart == null ? null : new Period(coverageStart, Period.day(row.getAs("coverage_end"))));
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
