package org.campaignmetrics.transform;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.campaignmetrics.io.CsvInputReader;

/**
 * Rules 1 and 2: from input records to statements, one value per report, period, theater and
 * metric. This is the only pass over row-level data; everything after it works on its result.
 */
public final class ReportedFigures {
  private static final String REJECT_LINE = "reject_line";

  private ReportedFigures() {}

  /**
   * Rule 1: records of one report with the same period and theater are summed; a sum with an empty
   * part is unknown. A row with a problem is kept as a group of its own so that the problem can be
   * reported with its line without a second pass over the input. A record citing a report that is
   * not in reports.csv gets a problem too.
   */
  public static Dataset<Row> sumRecords(Dataset<Row> parsed, List<String> metrics, Dataset<Row> reports) {
    List<Column> sums = new ArrayList<>();
    for (String m : metrics) {
      sums.add(when(count(col(m)).equalTo(count(lit(1))), sum(col(m))).as(m));
    }
    Column quotes = collect_set(col("quote"));
    sums.add(when(size(quotes).gt(0), array_join(array_sort(quotes), " | ")).as("quote"));
    sums.add(min(col(CsvInputReader.LINE)).as(CsvInputReader.LINE));
    sums.add(first(col(InputParsing.PROBLEM), true).as(InputParsing.PROBLEM));

    Dataset<Row> summed = parsed
        .withColumn(REJECT_LINE, when(col(InputParsing.PROBLEM).isNotNull(), col(CsvInputReader.LINE)))
        .groupBy(col("report_id"), col("period_start"), col("period_end"), col("theater"),
            col(CsvInputReader.FILE), col(REJECT_LINE))
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(new Column[0]))
        .drop(REJECT_LINE);

    Dataset<Row> knownReports = reports.select(col("report_id").as("known_report_id")).distinct();
    Column unknownReport = struct(lit("report_id").as("column"),
        concat(lit("unknown report_id '"), col("report_id"), lit("' (not in reports.csv)")).as("reason"));
    return summed
        .join(broadcast(knownReports), summed.col("report_id").equalTo(col("known_report_id")), "left")
        .withColumn(InputParsing.PROBLEM,
            when(col(InputParsing.PROBLEM).isNull().and(col("known_report_id").isNull()), unknownReport)
                .otherwise(col(InputParsing.PROBLEM)))
        .drop("known_report_id");
  }

  /** One row per record and metric: report_id, table, period, theater, metric, value, quote. */
  public static Dataset<Row> toLong(Dataset<Row> summed, String table, List<String> metrics) {
    Column[] pairs = metrics.stream()
        .map(m -> struct(lit(m).as("metric"), col(m).as("value")))
        .toArray(Column[]::new);
    return summed
        .filter(col(InputParsing.PROBLEM).isNull())
        .select(col("report_id"), lit(table).as("table"), col("period_start"), col("period_end"),
            col("theater"), explode(array(pairs)).as("pair"), col("quote"))
        .select(col("report_id"), col("table"), col("period_start"), col("period_end"), col("theater"),
            col("pair.metric").as("metric"), col("pair.value").as("value"), col("quote"));
  }

  /** Every calendar month, quarter, half and year lying wholly inside a report's declared coverage. */
  public static Dataset<Row> coverageBuckets(Dataset<Row> reports) {
    Column monthStart = col("month_start");
    Column quarterStart = trunc(monthStart, "quarter");
    Column halfStart = make_date(year(monthStart), when(month(monthStart).leq(6), 1).otherwise(7), lit(1));
    Column yearStart = trunc(monthStart, "year");
    return reports
        .filter(col("coverage_start").isNotNull().and(col("coverage_end").isNotNull()))
        .select(col("report_id"), col("coverage_start"), col("coverage_end"),
            explode(sequence(trunc(col("coverage_start"), "month"), col("coverage_end"),
                expr("interval 1 month"))).as("month_start"))
        .select(col("report_id"), col("coverage_start"), col("coverage_end"), explode(array(
            bucket(monthStart, 0), bucket(quarterStart, 2), bucket(halfStart, 5), bucket(yearStart, 11)))
            .as("bucket"))
        .filter(col("bucket.start").geq(col("coverage_start")).and(col("bucket.end").leq(col("coverage_end"))))
        .select(col("report_id"), col("bucket.start").as("period_start"), col("bucket.end").as("period_end"))
        .distinct();
  }

  private static Column bucket(Column start, int extraMonths) {
    return struct(start.as("start"), last_day(add_months(start, extraMonths)).as("end"));
  }

  /**
   * Rule 2: a report that declares coverage is complete for it. For every calendar bucket inside the
   * coverage, each theater the report names and each metric it states anywhere, the report's records
   * inside the bucket are summed and a bucket with none is 0. A bucket that a record straddles, or
   * that holds a record with the metric empty, is unknown.
   */
  public static Dataset<Row> coverageStatements(Dataset<Row> records, Dataset<Row> reports) {
    Dataset<Row> buckets = coverageBuckets(reports);
    Dataset<Row> covered = records.join(buckets.select("report_id").distinct(), "report_id");
    Dataset<Row> metricsStated = covered.groupBy("report_id", "table", "metric")
        .agg(max(col("value").isNotNull()).as("stated"))
        .filter(col("stated"))
        .drop("stated");
    Dataset<Row> theatersNamed = covered.select("report_id", "table", "theater").distinct();
    Dataset<Row> grid = buckets
        .join(metricsStated, "report_id")
        .join(theatersNamed, Columns.names("report_id", "table"));

    Dataset<Row> r = covered.select(col("report_id").as("r_report_id"), col("table").as("r_table"),
        col("metric").as("r_metric"), col("theater").as("r_theater"), col("period_start").as("r_start"),
        col("period_end").as("r_end"), col("value").as("r_value"));
    Column overlaps = grid.col("report_id").equalTo(r.col("r_report_id"))
        .and(grid.col("table").equalTo(r.col("r_table")))
        .and(grid.col("metric").equalTo(r.col("r_metric")))
        .and(grid.col("theater").equalTo(r.col("r_theater")))
        .and(r.col("r_start").leq(grid.col("period_end")))
        .and(r.col("r_end").geq(grid.col("period_start")));
    Column inside = col("r_start").geq(col("period_start")).and(col("r_end").leq(col("period_end")));
    Column unusable = when(col("r_start").isNotNull().and(inside.unary_$bang().or(col("r_value").isNull())), 1)
        .otherwise(0);
    return grid.join(r, overlaps, "left")
        .groupBy("report_id", "table", "period_start", "period_end", "theater", "metric")
        .agg(when(count(col("r_start")).equalTo(0), lit(0L))
            .when(sum(unusable).equalTo(0), sum(col("r_value")))
            .as("value"))
        .withColumn("quote", lit(null).cast("string"));
  }

  /**
   * Rules 1 and 2 together, as the statements the derivation ranks: each with its report's
   * source_type and published_on. A coverage bucket replaces a record of the same period, since it
   * also counts the records inside it. Unknown values state nothing and are dropped.
   */
  public static Dataset<Row> statements(Dataset<Row> records, Dataset<Row> reports) {
    Dataset<Row> buckets = coverageStatements(records, reports);
    String[] key = {"report_id", "table", "period_start", "period_end", "theater", "metric"};
    Dataset<Row> recordsOutsideBuckets =
        records.join(buckets.select(key[0], java.util.Arrays.copyOfRange(key, 1, key.length)),
            Columns.names(key), "left_anti");
    Dataset<Row> reportRank = reports.select("report_id", "source_type", "published_on");
    return recordsOutsideBuckets.unionByName(buckets)
        .filter(col("value").isNotNull())
        .join(broadcast(reportRank), "report_id");
  }
}
