package org.campaignmetrics.input;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.campaignmetrics.spark.CollectedRows;

/**
 * The input pass, one Spark job: every file is read once, every row parsed and checked, and the
 * records of each report, period and theater summed (rule 1). What comes back to the driver is small
 * by construction: the reports and context observations (a row per document or observation, with
 * its position and, where a rule is broken, its problem), the claims (a row per claim, likewise) and each figure file's rule-1 groups
 * (reports x periods x theaters, never the row count), as one table told apart by {@link #KIND}.
 */
final class InputPass {
  private static final String KIND = "kind";
  private static final String KIND_REPORT = "report";
  private static final String KIND_GROUP = "group";
  private static final String KIND_CONTEXT = "context";
  private static final String KIND_CLAIM = "claim";
  /** The columns of a claims row that come to the driver. */
  static final List<String> CLAIM_COLUMNS = List.of("claim_id", "report_id", "quote", "metric", "theater",
      "period_start", "period_end", "basis", "baseline_start", "baseline_end", "baseline_theater", "comparison",
      "operator", "threshold", "tolerance");
  /** Which figure file a group comes from (its {@link InputFile#fileName}). */
  private static final String FIGURE_FILE = "figure_file";

  /** A figure file of the contract as this input holds it: the name read (CSV or Parquet) and its rows. */
  record FigureFileSource(InputFile contract, String name, SourceRows rows) {}

  /** The files of the input directory, opened: headers read and checked, nothing computed yet. */
  record Sources(SourceRows reports, List<FigureFileSource> figureFiles, SourceRows context, SourceRows claims) {}

  /** What the pass brought to the driver, by kind: report rows, groups per figure file, context rows, claim rows. */
  record Result(List<Row> reports, Map<InputFile, List<Row>> groups, List<Row> context, List<Row> claims) {}

  private InputPass() {}

  /** Opens every file in the contract's order: whole-file problems stop the run here, before any Spark job. */
  static Sources open(SparkSession spark, String inputDir) {
    SourceRows reports = CsvSource.readWithRecordIndex(spark, inputDir, InputContract.REPORTS);
    List<FigureFileSource> figureFiles = new ArrayList<>();
    for (InputFile file : InputContract.FIGURE_FILES) {
      figureFiles.add(new FigureFileSource(file, FigureSource.name(spark, inputDir, file),
          FigureSource.readForPass(spark, inputDir, file)));
    }
    SourceRows context = CsvSource.exists(spark, inputDir, InputContract.CONTEXT)
        ? CsvSource.readWithRecordIndex(spark, inputDir, InputContract.CONTEXT) : null;
    SourceRows claims = CsvSource.exists(spark, inputDir, InputContract.CLAIMS)
        ? CsvSource.readWithRecordIndex(spark, inputDir, InputContract.CLAIMS) : null;
    return new Sources(reports, figureFiles, context, claims);
  }

  static Result run(Sources sources) {
    List<Row> passRows;
    try {
      passRows = CollectedRows.of(query(sources));
    } catch (Exception e) { // Spark's SparkException is checked, and thrown undeclared
      throw Rule1Sums.sumTooLarge(e, String.join(", ", sources.figureFiles().stream().map(FigureFileSource::name).toList()));
    }
    List<Row> reports = new ArrayList<>();
    List<Row> context = new ArrayList<>();
    List<Row> claims = new ArrayList<>();
    Map<String, List<Row>> groupsByName = new LinkedHashMap<>();
    for (Row row : passRows) {
      switch (row.<String>getAs(KIND)) {
        case KIND_REPORT -> reports.add(row);
        case KIND_GROUP -> groupsByName.computeIfAbsent(row.getAs(FIGURE_FILE), k -> new ArrayList<>()).add(row);
        case KIND_CLAIM -> claims.add(row);
        default -> context.add(row);
      }
    }
    Map<InputFile, List<Row>> groups = new LinkedHashMap<>();
    for (FigureFileSource file : sources.figureFiles()) {
      groups.put(file.contract(), groupsByName.getOrDefault(file.contract().fileName(), new ArrayList<>()));
    }
    return new Result(reports, groups, context, claims);
  }

  private static Dataset<Row> query(Sources sources) {
    Column[] position = {col(CsvSource.RECORD), col(CsvSource.BREAKS)};
    // each step is one projection: Spark analyses every intermediate DataFrame, seconds in a cold JVM
    Dataset<Row> everything = RowRules.reports(sources.reports())
        .select(columns(List.of("report_id", "source_type", "published_on", "coverage_start", "coverage_end"),
            particulars(position), lit(KIND_REPORT).as(KIND)));
    for (FigureFileSource figures : sources.figureFiles()) {
      List<String> metrics = figures.contract().metrics();
      Dataset<Row> groups = Rule1Sums.sumRecords(RowRules.checkedFigures(figures.rows(), metrics), metrics);
      everything = everything.unionByName(groups.select(columns(List.of(groups.columns()),
          new Column[] {lit(figures.contract().fileName()).as(FIGURE_FILE)}, lit(KIND_GROUP).as(KIND))), true);
    }
    if (sources.context() != null) {
      everything = everything.unionByName(RowRules.contextObservations(sources.context())
          .select(columns(List.of("report_id", "as_of", "scope", "metric", "value", "qualifier", "quote"),
              particulars(position), lit(KIND_CONTEXT).as(KIND))), true);
    }
    if (sources.claims() != null) {
      everything = everything.unionByName(RowRules.claims(sources.claims())
          .select(columns(CLAIM_COLUMNS, particulars(position), lit(KIND_CLAIM).as(KIND))), true);
    }
    return everything;
  }

  /** Where a parsed row is and what is wrong with it: file, its position, raw text, column, reason. */
  static Column[] particulars(Column... position) {
    List<Column> columns = new ArrayList<>();
    columns.add(col(CsvSource.FILE).as("file"));
    columns.addAll(List.of(position));
    columns.add(col(CsvSource.RAW).as("raw"));
    columns.add(col(RowRules.PROBLEM + ".column").as("column"));
    columns.add(col(RowRules.PROBLEM + ".reason").as("reason"));
    return columns.toArray(new Column[0]);
  }

  private static Column[] columns(List<String> names, Column[] more, Column kind) {
    List<Column> columns = new ArrayList<>(names.stream().map(org.apache.spark.sql.functions::col).toList());
    columns.addAll(List.of(more));
    columns.add(kind);
    return columns.toArray(new Column[0]);
  }
}
