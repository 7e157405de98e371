package org.campaignmetrics.input;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.campaignmetrics.model.Qualifier;
import org.campaignmetrics.model.Report;

/**
 * Turns the text columns of an input file into typed columns, and names the first thing wrong with
 * each row in {@code problem} (a struct of the column and the reason), null for a good row.
 */
public final class RowRules {
  public static final String PROBLEM = "problem";
  /** Whether a record breaks a rule other than the report's (see {@link #checkedFigures}). */
  public static final String REJECTED = "rejected";

  /** A count with its optional qualifier: 44, ~35, >30, >=7. */
  private static final String QUALIFIED_COUNT = "^(~|>=|>)?\\s*([0-9]{1,18})$";
  /** Suffix of the column holding a count's qualifier as a rank (see {@link #qualifierCode}). */
  public static final String QUALIFIER_RANK = "_qualifier_rank";
  private static final String ISO_DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

  private RowRules() {}

  /**
   * How the columns of one input are read: a text cell is trimmed and parsed; a typed Parquet column
   * (a date, a whole number) already is what the parse would give, so it skips the text rules.
   *
   * <p>{@link #stage} adds the trimmed text and the parsed value of each text column, one projection
   * per step, and the rules below refer to those columns. Written as nested expressions instead,
   * every rule would repeat the trim and the regexes of every cell it looks at: a tree that Spark
   * analyses, optimises and compiles again for each reference, seconds on a ten-row input.
   */
  private static final class Cells {
    private static final String TEXT = "_text_";
    private static final String NUMBER = "_number_";
    private static final String PREFIX = "_prefix_";
    private static final String DATE = "_date_";

    private final StructType schema;
    private final List<String> counts;
    private final List<String> dates;

    Cells(StructType schema, List<String> counts, List<String> dates) {
      this.schema = schema;
      this.counts = counts;
      this.dates = dates;
    }

    /**
     * The input with the text, number and date columns the rules read: one projection per step
     * (withColumns, not a withColumn per column, each of which Spark would analyse anew).
     */
    Dataset<Row> stage(Dataset<Row> raw) {
      Map<String, Column> text = new LinkedHashMap<>();
      for (String column : schema.fieldNames()) {
        if (isText(column) && !column.startsWith("_")) {
          Column trimmed = trim(col(column));
          text.put(TEXT + column, when(trimmed.notEqual(lit("")), trimmed));
        }
      }
      Map<String, Column> parsed = new LinkedHashMap<>();
      for (String column : counts) {
        if (isText(column)) {
          Column cell = col(TEXT + column);
          parsed.put(NUMBER + column, when(cell.rlike(QUALIFIED_COUNT),
              regexp_extract(cell, QUALIFIED_COUNT, 2).cast(DataTypes.LongType)));
          parsed.put(PREFIX + column, regexp_extract(cell, QUALIFIED_COUNT, 1));
        }
      }
      for (String column : dates) {
        if (isText(column)) {
          Column cell = col(TEXT + column);
          parsed.put(DATE + column, when(cell.rlike(ISO_DATE), to_date(try_to_timestamp(cell, lit("yyyy-MM-dd")))));
        }
      }
      return raw.withColumns(text).withColumns(parsed);
    }

    private boolean isText(String column) {
      return schema.apply(column).dataType().equals(DataTypes.StringType);
    }

    private boolean isWholeNumber(String column) {
      DataType type = schema.apply(column).dataType();
      return type.equals(DataTypes.LongType) || type.equals(DataTypes.IntegerType)
          || type.equals(DataTypes.ShortType) || type.equals(DataTypes.ByteType);
    }

    /** Trimmed text, with an empty cell read as not stated (null). */
    Column text(String column) {
      return isText(column) ? col(TEXT + column) : col(column).cast(DataTypes.StringType);
    }

    /** Whether the cell states nothing: cheaper than text() for a typed column. */
    Column isEmpty(String column) {
      return isText(column) ? text(column).isNull() : col(column).isNull();
    }

    Column count(String column) {
      if (isWholeNumber(column)) {
        return when(col(column).geq(0), col(column).cast(DataTypes.LongType));
      }
      return col(NUMBER + column);
    }

    /** A count's qualifier as its position in {@link Qualifier}'s order, weakest last (max() combines). */
    Column qualifierRank(String column) {
      if (isWholeNumber(column)) {
        return when(col(column).geq(0), lit(Qualifier.EXACT.ordinal()));
      }
      Column prefix = col(PREFIX + column);
      return when(count(column).isNull(), lit(null).cast(DataTypes.IntegerType))
          .when(prefix.equalTo("~"), lit(Qualifier.APPROXIMATE.ordinal()))
          .when(prefix.equalTo(">="), lit(Qualifier.AT_LEAST.ordinal()))
          .when(prefix.equalTo(">"), lit(Qualifier.MORE_THAN.ordinal()))
          .otherwise(lit(Qualifier.EXACT.ordinal()));
    }

    Column qualifier(String column) {
      return qualifierCode(qualifierRank(column));
    }

    Column date(String column) {
      return isText(column) ? col(DATE + column) : col(column);
    }

    Rule requiredRule(String column) {
      return new Rule(column, isEmpty(column), lit("required value is empty"));
    }

    Rule countRule(String column) {
      if (isWholeNumber(column)) {
        return new Rule(column, col(column).lt(0), concat(lit("negative count "), quoted(text(column))));
      }
      Column text = text(column);
      // a cell that parsed (the common case) is looked at no further
      return new Rule(column, text.isNotNull().and(count(column).isNull()),
          when(text.rlike("^(~|>=|>)?\\s*-\\s*[0-9]+$"), concat(lit("negative count "), quoted(text)))
              .when(text.rlike("^(~|>=|>)?\\s*[0-9]{19,}$"), concat(lit("number too large "), quoted(text)))
              .when(text.rlike("^[~<>=\u2248\u2264\u2265]"),
                  concat(lit("malformed qualifier "), quoted(text), lit(" (expected N, ~N, >N or >=N)")))
              .otherwise(concat(lit("not a whole number "), quoted(text))));
    }

    /** A date cell that is not empty and not a date; a typed column always is one. */
    Rule dateRule(String column) {
      if (!isText(column)) {
        return new Rule(column, lit(false), lit(null).cast(DataTypes.StringType));
      }
      Column text = text(column);
      return new Rule(column, text.isNotNull().and(date(column).isNull()),
          concat(lit(DateHints.NOT_A_DATE), quoted(text)));
    }
  }

  /** A qualifier rank back as its code: exact, at_least, more_than, approximate. */
  public static Column qualifierCode(Column rank) {
    Column codes = array(java.util.Arrays.stream(Qualifier.values()).map(q -> lit(q.code())).toArray(Column[]::new));
    return element_at(codes, rank.plus(1));
  }

  /**
   * One rule a record can break: the column it names, the condition under which it is broken, and
   * the reason given. A row's problem is the first rule it breaks, in the order of the list.
   */
  private record Rule(String column, Column broken, Column reason) {}

  private static Column problem(String column, Column when, Column reason) {
    return when(when, struct(lit(column).as("column"), reason.as("reason")));
  }

  /** The first rule the row breaks, as a (column, reason) struct; null for a good row. */
  private static Column firstProblem(List<Rule> rules) {
    return coalesce(rules.stream().map(r -> problem(r.column(), r.broken(), r.reason())).toArray(Column[]::new));
  }

  /**
   * Whether the row breaks any rule: what the input pass needs, without building the reason text or
   * the struct for every row.
   */
  private static Column breaksAny(List<Rule> rules) {
    Column any = rules.get(0).broken();
    for (Rule rule : rules.subList(1, rules.size())) {
      any = any.or(rule.broken());
    }
    return coalesce(any, lit(false));
  }

  private static Column quoted(Column text) {
    return concat(lit("'"), text, lit("'"));
  }

  private static Rule malformedRule() {
    return new Rule("(record)", col(CsvSource.MALFORMED).isNotNull(),
        lit("malformed CSV record (wrong number of fields or broken quoting)"));
  }

  /**
   * reports.csv ({@link CsvSource#readWithRecordIndex}): the report's identity, how it ranks (rule 3)
   * and its declared coverage (rule 2).
   */
  public static Dataset<Row> reports(SourceRows source) {
    Cells cells = new Cells(source.rows().schema(), List.of(),
        List.of("published_on", "coverage_start", "coverage_end"));
    Column sourceType = lower(cells.text("source_type"));
    Column coverageStart = cells.date("coverage_start");
    Column coverageEnd = cells.date("coverage_end");
    Column problem = firstProblem(List.of(
        malformedRule(),
        cells.requiredRule("report_id"),
        cells.dateRule("published_on"),
        cells.requiredRule("source_type"),
        new Rule("source_type", sourceType.isin(Report.OFFICIAL, Report.MEDIA).unary_$bang(),
            concat(lit("unknown source_type "), quoted(cells.text("source_type")),
                lit(" (expected official or media)"))),
        cells.dateRule("coverage_start"),
        cells.dateRule("coverage_end"),
        new Rule("coverage_end", cells.text("coverage_start").isNull().notEqual(cells.text("coverage_end").isNull()),
            lit("coverage_start and coverage_end must both be given or both be empty")),
        new Rule("coverage_end", coverageEnd.lt(coverageStart), lit("coverage_end is before coverage_start"))));
    return cells.stage(source.rows()).select(
        cells.text("report_id").as("report_id"),
        cells.text("publisher").as("publisher"),
        cells.date("published_on").as("published_on"),
        sourceType.as("source_type"),
        cells.text("title").as("title"),
        cells.text("reference").as("reference"),
        coverageStart.as("coverage_start"),
        coverageEnd.as("coverage_end"),
        col(CsvSource.INPUT),
        col(CsvSource.FILE),
        col(CsvSource.RECORD),
        col(CsvSource.BREAKS),
        rawWhere(problem, source),
        problem.as(PROBLEM));
  }

  private static final String UNKNOWN_REPORT = "unknown report_id ";
  private static final String UNKNOWN_REPORT_WHY = " (not in reports.csv, or rejected there)";

  /** Why a record whose report_id is not a valid row of reports.csv is rejected (as {@link #unknownReport} says it). */
  public static String unknownReportReason(String reportId) {
    return UNKNOWN_REPORT + "'" + reportId + "'" + UNKNOWN_REPORT_WHY;
  }

  /**
   * The rule a record breaks when its report_id is not a valid row of reports.csv: unknown, or
   * rejected there. The valid ids are few (one per report), so they are a literal set: no join.
   */
  private static Rule unknownReport(Cells cells, Set<String> reportIds) {
    Column id = cells.text("report_id");
    return new Rule("report_id", id.isNotNull().and(id.isin(reportIds.toArray()).unary_$bang()),
        concat(lit(UNKNOWN_REPORT), quoted(id), lit(UNKNOWN_REPORT_WHY)));
  }

  /**
   * A row's own text, for the rejects table: only where the row has a problem. Computed in the same
   * projection as the problem, so that Spark formats no text for the rows that are fine.
   */
  private static Column rawWhere(Column problem, SourceRows source) {
    return when(problem.isNotNull(), source.rawText()).as(CsvSource.RAW);
  }

  /**
   * context.csv ({@link CsvSource#readWithRecordIndex}): one observation of a stock (fighters at large,
   * camp population) at a date, checked by every rule but the report's: the file is read with
   * reports.csv, before the valid report ids are known, and every row comes to the driver (one per
   * observation, like reports), which checks the report id ({@link #unknownReportReason}). {@code raw}
   * is the text of every row.
   */
  public static Dataset<Row> contextObservations(SourceRows source) {
    Cells cells = new Cells(source.rows().schema(), List.of("value"), List.of("as_of"));
    Column problem = firstProblem(List.of(
        malformedRule(),
        cells.requiredRule("report_id"),
        cells.requiredRule("as_of"),
        cells.dateRule("as_of"),
        cells.requiredRule("scope"),
        cells.requiredRule("metric"),
        cells.requiredRule("value"),
        cells.countRule("value")));
    return cells.stage(source.rows()).select(
        cells.text("report_id").as("report_id"),
        cells.date("as_of").as("as_of"),
        upper(cells.text("scope")).as("scope"),
        lower(cells.text("metric")).as("metric"),
        cells.count("value").as("value"),
        cells.qualifier("value").as("qualifier"),
        cells.text("quote").as("quote"),
        col(CsvSource.INPUT),
        col(CsvSource.FILE),
        col(CsvSource.RECORD),
        col(CsvSource.BREAKS),
        source.rawText().as(CsvSource.RAW),
        problem.as(PROBLEM));
  }

  /** A decimal number as claims.csv writes thresholds and tolerances: 2, 0.05, -1.5 (no exponent, no grouping). */
  private static final String DECIMAL = "^-?[0-9]{1,15}(\\.[0-9]{1,15})?$";

  /** The words a cell may hold, lower-cased (basis, comparison) or as written (operator). */
  private static Rule oneOf(Cells cells, String column, Column value, List<String> allowed) {
    return new Rule(column, value.isin(allowed.toArray()).unary_$bang(),
        concat(lit("unknown " + column + " "), quoted(cells.text(column)),
            lit(" (expected " + String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or "
                + allowed.get(allowed.size() - 1) + ")")));
  }

  private static Column decimal(Cells cells, String column) {
    Column text = cells.text(column);
    return when(text.rlike(DECIMAL), text.cast(DataTypes.DoubleType));
  }

  private static Rule decimalRule(Cells cells, String column) {
    Column text = cells.text(column);
    return new Rule(column, text.isNotNull().and(text.rlike(DECIMAL).unary_$bang()),
        concat(lit("not a number "), quoted(text), lit(" (expected a decimal number such as 2 or 0.05)")));
  }

  /**
   * claims.csv ({@link CsvSource#readWithRecordIndex}): one claim a report makes about its figures,
   * checked by every rule but the report's and the claim id's uniqueness, which the driver checks
   * (like context.csv, every row comes to the driver). The baseline may be left empty only for a
   * {@code value} comparison; {@code baseline_theater} defaults to {@code theater}.
   */
  public static Dataset<Row> claims(SourceRows source) {
    Cells cells = new Cells(source.rows().schema(), List.of(),
        List.of("period_start", "period_end", "baseline_start", "baseline_end"));
    Column basis = lower(cells.text("basis"));
    Column comparison = lower(cells.text("comparison"));
    Column operator = cells.text("operator");
    Column needsBaseline = comparison.notEqual(lit("value"));
    Column tolerance = decimal(cells, "tolerance");
    Column problem = firstProblem(List.of(
        malformedRule(),
        cells.requiredRule("claim_id"),
        cells.requiredRule("report_id"),
        cells.requiredRule("quote"),
        cells.requiredRule("metric"),
        cells.requiredRule("theater"),
        cells.requiredRule("period_start"),
        cells.dateRule("period_start"),
        cells.requiredRule("period_end"),
        cells.dateRule("period_end"),
        new Rule("period_end", cells.date("period_end").lt(cells.date("period_start")),
            lit("period_end is before period_start")),
        cells.requiredRule("basis"),
        oneOf(cells, "basis", basis, List.of("total", "annualised", "per_30_days")),
        cells.requiredRule("comparison"),
        oneOf(cells, "comparison", comparison, List.of("ratio", "difference", "value")),
        new Rule("baseline_start", needsBaseline.and(cells.isEmpty("baseline_start")),
            lit("required value is empty (a ratio or difference needs a baseline)")),
        cells.dateRule("baseline_start"),
        new Rule("baseline_end", needsBaseline.and(cells.isEmpty("baseline_end")),
            lit("required value is empty (a ratio or difference needs a baseline)")),
        cells.dateRule("baseline_end"),
        new Rule("baseline_end", cells.isEmpty("baseline_start").notEqual(cells.isEmpty("baseline_end")),
            lit("baseline_start and baseline_end must both be given or both be empty")),
        new Rule("baseline_end", cells.date("baseline_end").lt(cells.date("baseline_start")),
            lit("baseline_end is before baseline_start")),
        cells.requiredRule("operator"),
        oneOf(cells, "operator", operator, List.of(">", ">=", "<", "<=", "=", "~")),
        cells.requiredRule("threshold"),
        decimalRule(cells, "threshold"),
        decimalRule(cells, "tolerance"),
        new Rule("tolerance", tolerance.lt(0), concat(lit("negative tolerance "), quoted(cells.text("tolerance"))))));
    return cells.stage(source.rows()).select(
        cells.text("claim_id").as("claim_id"),
        cells.text("report_id").as("report_id"),
        cells.text("quote").as("quote"),
        lower(cells.text("metric")).as("metric"),
        upper(cells.text("theater")).as("theater"),
        cells.date("period_start").as("period_start"),
        cells.date("period_end").as("period_end"),
        basis.as("basis"),
        cells.date("baseline_start").as("baseline_start"),
        cells.date("baseline_end").as("baseline_end"),
        upper(coalesce(cells.text("baseline_theater"), cells.text("theater"))).as("baseline_theater"),
        comparison.as("comparison"),
        operator.as("operator"),
        decimal(cells, "threshold").as("threshold"),
        tolerance.as("tolerance"),
        col(CsvSource.INPUT),
        col(CsvSource.FILE),
        col(CsvSource.RECORD),
        col(CsvSource.BREAKS),
        source.rawText().as(CsvSource.RAW),
        problem.as(PROBLEM));
  }

  /** The rules of a figure record, in the order a row's problem is chosen; the report's rule comes last. */
  private static List<Rule> figureRules(Cells cells, List<String> metrics) {
    List<Rule> rules = new ArrayList<>(List.of(
        malformedRule(),
        cells.requiredRule("report_id"),
        cells.requiredRule("period_start"),
        cells.dateRule("period_start"),
        cells.requiredRule("period_end"),
        cells.dateRule("period_end"),
        new Rule("period_end", cells.date("period_end").lt(cells.date("period_start")),
            lit("period_end is before period_start")),
        cells.requiredRule("theater")));
    metrics.forEach(m -> rules.add(cells.countRule(m)));
    return rules;
  }

  private static List<Column> figureColumns(Cells cells, List<String> metrics, boolean typedRanks) {
    List<Column> columns = new ArrayList<>(List.of(
        cells.text("report_id").as("report_id"),
        cells.date("period_start").as("period_start"),
        cells.date("period_end").as("period_end"),
        // as written: codes are upper-cased on the summed groups (Rule1Sums), not on every row
        cells.text("theater").as("theater")));
    metrics.forEach(m -> {
      columns.add(cells.count(m).as(m));
      if (typedRanks || cells.isText(m)) {
        columns.add(cells.qualifierRank(m).as(m + QUALIFIER_RANK));
      }
    });
    columns.add(cells.text("quote").as("quote"));
    return columns;
  }

  /**
   * operations or attacks for the input pass (rule 1): the typed columns of each record and whether
   * it breaks a rule ({@link #REJECTED}), with neither its file and line nor the reason: those are
   * found by {@link #figureRecords} when there are rejected rows to show. The report's rule is
   * checked on the summed groups, whose report ids are few. A count's qualifier rank is there only
   * for a text column: a typed count is always exact.
   */
  public static Dataset<Row> checkedFigures(SourceRows source, List<String> metrics) {
    Cells cells = new Cells(source.rows().schema(), metrics, List.of("period_start", "period_end"));
    List<Column> columns = figureColumns(cells, metrics, false);
    columns.add(breaksAny(figureRules(cells, metrics)).as(REJECTED));
    return cells.stage(source.rows()).select(columns.toArray(new Column[0]));
  }

  /**
   * operations.csv or attacks.csv: one record of figures for a period and theater, with its file,
   * line, the first rule it breaks (the report's included) and, for a rejected row, its raw text.
   */
  public static Dataset<Row> figureRecords(SourceRows source, List<String> metrics, Set<String> reportIds) {
    Cells cells = new Cells(source.rows().schema(), metrics, List.of("period_start", "period_end"));
    List<Rule> rules = figureRules(cells, metrics);
    rules.add(unknownReport(cells, reportIds));
    Column problem = firstProblem(rules);
    List<Column> columns = figureColumns(cells, metrics, true);
    columns.add(col(CsvSource.INPUT));
    columns.add(col(CsvSource.FILE));
    columns.add(col(CsvSource.LINE));
    columns.add(rawWhere(problem, source));
    columns.add(problem.as(PROBLEM));
    return cells.stage(source.rows()).select(columns.toArray(new Column[0]));
  }
}
