package org.campaignmetrics.transform;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.campaignmetrics.io.CsvInputReader;

/**
 * Rule 1, the job's only pass over row-level data: records of one report with the same period and
 * theater are summed, in one Spark aggregation. Its result is small (reports x periods x theaters)
 * and everything after it works on that.
 */
public final class ReportedFigures {
  private static final String REJECT_LINE = "reject_line";

  private ReportedFigures() {}

  /**
   * Sums each metric per (report_id, period_start, period_end, theater); a sum with an empty part
   * is unknown (null). A row with a problem stays a group of its own, so that the problem can be
   * reported with its line without a second pass over the input. {@code _line} is the first line
   * of the group, {@code quote} its distinct quotes joined with " | ".
   */
  public static Dataset<Row> sumRecords(Dataset<Row> parsed, List<String> metrics) {
    List<Column> sums = new ArrayList<>();
    for (String m : metrics) {
      sums.add(when(count(col(m)).equalTo(count(lit(1))), sum(col(m))).as(m));
    }
    Column quotes = collect_set(col("quote"));
    sums.add(when(size(quotes).gt(0), array_join(array_sort(quotes), " | ")).as("quote"));
    sums.add(min(col(CsvInputReader.LINE)).as(CsvInputReader.LINE));
    sums.add(first(col(InputParsing.PROBLEM), true).as(InputParsing.PROBLEM));
    return parsed
        .withColumn(REJECT_LINE, when(col(InputParsing.PROBLEM).isNotNull(), col(CsvInputReader.LINE)))
        .groupBy(col("report_id"), col("period_start"), col("period_end"), col("theater"),
            col(CsvInputReader.FILE), col(REJECT_LINE))
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(new Column[0]))
        .drop(REJECT_LINE);
  }

  /**
   * The good groups, one row per metric: report_id, table, period_start, period_end, theater,
   * metric, value (null where unknown), quote, and the file and first line the figures came from.
   */
  public static Dataset<Row> toLong(Dataset<Row> summed, String table, List<String> metrics) {
    Column[] pairs = metrics.stream()
        .map(m -> struct(lit(m).as("metric"), col(m).as("value")))
        .toArray(Column[]::new);
    return summed
        .filter(col(InputParsing.PROBLEM).isNull())
        .select(col("report_id"), lit(table).as("table"), col("period_start"), col("period_end"),
            col("theater"), explode(array(pairs)).as("pair"), col("quote"), col(CsvInputReader.FILE),
            col(CsvInputReader.LINE))
        .select(col("report_id"), col("table"), col("period_start"), col("period_end"), col("theater"),
            col("pair.metric").as("metric"), col("pair.value").as("value"), col("quote"),
            col(CsvInputReader.FILE), col(CsvInputReader.LINE));
  }
}
