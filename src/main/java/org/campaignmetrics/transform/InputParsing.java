package org.campaignmetrics.transform;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.campaignmetrics.Qualifier;
import org.campaignmetrics.io.CsvInputReader;

/**
 * Turns the text columns of an input file into typed columns, and names the first thing wrong with
 * each row in {@code problem} (a struct of the column and the reason), null for a good row.
 */
public final class InputParsing {
  public static final String PROBLEM = "problem";

  /** A count with its optional qualifier: 44, ~35, >30, >=7. */
  private static final String QUALIFIED_COUNT = "^(~|>=|>)?\\s*([0-9]{1,18})$";
  /** Suffix of the column holding a count's qualifier (exact, approximate, more_than, at_least). */
  public static final String QUALIFIER = "_qualifier";
  private static final String ISO_DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

  private InputParsing() {}

  /** Trimmed text, with an empty cell read as not stated (null). */
  static Column text(String column) {
    Column trimmed = trim(col(column));
    return when(trimmed.notEqual(lit("")), trimmed);
  }

  static Column count(String column) {
    Column text = text(column);
    return when(text.rlike(QUALIFIED_COUNT),
        regexp_extract(text, QUALIFIED_COUNT, 2).cast(DataTypes.LongType));
  }

  static Column qualifier(String column) {
    Column prefix = regexp_extract(text(column), QUALIFIED_COUNT, 1);
    return when(count(column).isNull(), lit(null).cast(DataTypes.StringType))
        .when(prefix.equalTo("~"), lit(Qualifier.APPROXIMATE.code()))
        .when(prefix.equalTo(">="), lit(Qualifier.AT_LEAST.code()))
        .when(prefix.equalTo(">"), lit(Qualifier.MORE_THAN.code()))
        .otherwise(lit(Qualifier.EXACT.code()));
  }

  static Column date(String column) {
    Column text = text(column);
    return when(text.rlike(ISO_DATE), to_date(try_to_timestamp(text, lit("yyyy-MM-dd"))));
  }

  private static Column problem(String column, Column when, Column reason) {
    return when(when, struct(lit(column).as("column"), reason.as("reason")));
  }

  private static Column quoted(Column text) {
    return concat(lit("'"), text, lit("'"));
  }

  private static Column requiredProblem(String column) {
    return problem(column, text(column).isNull(), lit("required value is empty"));
  }

  private static Column numberProblem(String column) {
    Column text = text(column);
    return coalesce(
        problem(column, text.rlike("^(~|>=|>)?\\s*-\\s*[0-9]+$"), concat(lit("negative count "), quoted(text))),
        problem(column, text.rlike("^(~|>=|>)?\\s*[0-9]{19,}$"), concat(lit("number too large "), quoted(text))),
        problem(column, count(column).isNull().and(text.rlike("^[~<>=\u2248\u2264\u2265]")),
            concat(lit("malformed qualifier "), quoted(text),
            lit(" (expected N, ~N, >N or >=N)"))),
        problem(column, text.isNotNull().and(count(column).isNull()),
            concat(lit("not a whole number "), quoted(text))));
  }

  private static Column dateProblem(String column) {
    Column text = text(column);
    return problem(column, text.isNotNull().and(date(column).isNull()),
        concat(lit("not a date (yyyy-MM-dd) "), quoted(text)));
  }

  private static Column malformedProblem() {
    return problem("(record)", col(CsvInputReader.MALFORMED).isNotNull(),
        lit("malformed CSV record (wrong number of fields or broken quoting)"));
  }

  /** reports.csv: the report's identity, how it ranks (rule 3) and its declared coverage (rule 2). */
  public static Dataset<Row> reports(Dataset<Row> raw) {
    Column sourceType = lower(text("source_type"));
    Column coverageStart = date("coverage_start");
    Column coverageEnd = date("coverage_end");
    Column problem = coalesce(
        malformedProblem(),
        requiredProblem("report_id"),
        dateProblem("published_on"),
        requiredProblem("source_type"),
        problem("source_type", sourceType.isin("official", "media").unary_$bang(),
            concat(lit("unknown source_type "), quoted(text("source_type")),
                lit(" (expected official or media)"))),
        dateProblem("coverage_start"),
        dateProblem("coverage_end"),
        problem("coverage_end", text("coverage_start").isNull().notEqual(text("coverage_end").isNull()),
            lit("coverage_start and coverage_end must both be given or both be empty")),
        problem("coverage_end", coverageEnd.lt(coverageStart),
            lit("coverage_end is before coverage_start")));
    return raw.select(
        text("report_id").as("report_id"),
        text("publisher").as("publisher"),
        date("published_on").as("published_on"),
        sourceType.as("source_type"),
        text("title").as("title"),
        text("reference").as("reference"),
        coverageStart.as("coverage_start"),
        coverageEnd.as("coverage_end"),
        col(CsvInputReader.INPUT),
        col(CsvInputReader.FILE),
        col(CsvInputReader.LINE),
        col(CsvInputReader.RAW),
        problem.as(PROBLEM));
  }

  /**
   * Marks the records whose report_id is not a valid row of reports.csv: unknown, or rejected there.
   * The valid ids are few (one per report), so they are a literal set: no join.
   */
  public static Dataset<Row> withKnownReports(Dataset<Row> records, java.util.Set<String> reportIds) {
    Column unknown = problem("report_id",
        col("report_id").isNotNull().and(col("report_id").isin(reportIds.toArray()).unary_$bang()),
        concat(lit("unknown report_id "), quoted(col("report_id")),
            lit(" (not in reports.csv, or rejected there)")));
    return records.withColumn(PROBLEM, coalesce(col(PROBLEM), unknown));
  }

  /** context.csv: one observation of a stock (fighters at large, camp population) at a date. */
  public static Dataset<Row> contextObservations(Dataset<Row> raw) {
    Column problem = coalesce(
        malformedProblem(),
        requiredProblem("report_id"),
        requiredProblem("as_of"),
        dateProblem("as_of"),
        requiredProblem("scope"),
        requiredProblem("metric"),
        requiredProblem("value"),
        numberProblem("value"));
    return raw.select(
        text("report_id").as("report_id"),
        date("as_of").as("as_of"),
        upper(text("scope")).as("scope"),
        lower(text("metric")).as("metric"),
        count("value").as("value"),
        qualifier("value").as("qualifier"),
        text("quote").as("quote"),
        col(CsvInputReader.INPUT),
        col(CsvInputReader.FILE),
        col(CsvInputReader.LINE),
        col(CsvInputReader.RAW),
        problem.as(PROBLEM));
  }

  /** operations.csv or attacks.csv: one record of figures for a period and theater. */
  public static Dataset<Row> figureRecords(Dataset<Row> raw, List<String> metrics) {
    List<Column> problems = new ArrayList<>(List.of(
        malformedProblem(),
        requiredProblem("report_id"),
        requiredProblem("period_start"),
        dateProblem("period_start"),
        requiredProblem("period_end"),
        dateProblem("period_end"),
        problem("period_end", date("period_end").lt(date("period_start")),
            lit("period_end is before period_start")),
        requiredProblem("theater")));
    metrics.forEach(m -> problems.add(numberProblem(m)));

    List<Column> columns = new ArrayList<>(List.of(
        text("report_id").as("report_id"),
        date("period_start").as("period_start"),
        date("period_end").as("period_end"),
        upper(text("theater")).as("theater")));
    metrics.forEach(m -> {
      columns.add(count(m).as(m));
      columns.add(qualifier(m).as(m + QUALIFIER));
    });
    columns.add(text("quote").as("quote"));
    columns.add(col(CsvInputReader.INPUT));
    columns.add(col(CsvInputReader.FILE));
    columns.add(col(CsvInputReader.LINE));
    columns.add(col(CsvInputReader.RAW));
    columns.add(coalesce(problems.toArray(new Column[0])).as(PROBLEM));
    return raw.select(columns.toArray(new Column[0]));
  }
}
