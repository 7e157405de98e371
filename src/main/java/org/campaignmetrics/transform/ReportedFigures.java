package org.campaignmetrics.transform;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.campaignmetrics.Qualifier;
import org.campaignmetrics.io.CsvInputReader;

/**
 * Rule 1, the job's only pass over row-level data: records of one report with the same period and
 * theater are summed, in one Spark aggregation. Its result is small (reports x periods x theaters)
 * and everything after it works on that.
 */
public final class ReportedFigures {
  private static final String REJECT_FILE = "reject_file";
  private static final String REJECT_LINE = "reject_line";
  private static final String RANK = "_qualifier_rank";
  private static final String STATED = "_stated";
  /** Number of input rows behind a group. */
  public static final String ROWS = "rows";
  /** What identifies a group of records: the statement they make together. */
  public static final List<String> GROUP =
      List.of("report_id", "period_start", "period_end", "theater", CsvInputReader.INPUT);

  private ReportedFigures() {}

  /**
   * Sums each metric per (report_id, period_start, period_end, theater) of one input; a sum with an
   * empty part is unknown (null), and its qualifier is the weakest of its parts'. A row with a
   * problem stays a group of its own, with its file, line, problem and raw text, so that it can be
   * quarantined without a second pass over the input. {@code _line} is the first line of the group,
   * {@code rows} its number of input rows, {@code quote} its distinct quotes joined with " | ".
   *
   * <p>Two aggregations, so that the pass over the rows is a hash aggregation: the first, over every
   * row, keeps fixed-width buffers only (sums, counts, ranks) and has the quote and a rejected row's
   * text in its key, since a text aggregate would make Spark sort every input row; the second
   * gathers the quotes of its small result.
   */
  public static Dataset<Row> sumRecords(Dataset<Row> parsed, List<String> metrics) {
    Column rejected = col(InputParsing.PROBLEM).isNotNull();
    List<Column> keys = new ArrayList<>(GROUP.stream().map(functions::col).toList());
    keys.addAll(List.of(col(REJECT_FILE), col(REJECT_LINE), col(InputParsing.PROBLEM),
        col(CsvInputReader.RAW))); // a rejected row's text; null for the rows that are fine
    List<Column> partial = new ArrayList<>();
    List<Column> total = new ArrayList<>();
    for (String m : metrics) {
      partial.add(sum(col(m)).as(m));
      partial.add(count(col(m)).as(m + STATED));
      partial.add(max(qualifierRank(col(m + InputParsing.QUALIFIER))).as(m + RANK));
      Column complete = sum(col(m + STATED)).equalTo(sum(col(ROWS)));
      total.add(when(complete, sum(col(m))).as(m));
      total.add(when(complete, max(col(m + RANK))).as(m + RANK));
    }
    partial.add(min(col(CsvInputReader.LINE)).as(CsvInputReader.LINE));
    partial.add(count(lit(1)).as(ROWS));
    total.add(min(col(CsvInputReader.LINE)).as(CsvInputReader.LINE));
    total.add(sum(col(ROWS)).as(ROWS));
    Column quotes = collect_set(col("quote"));
    total.add(when(size(quotes).gt(0), array_join(array_sort(quotes), " | ")).as("quote"));

    List<Column> keysWithQuote = new ArrayList<>(keys);
    keysWithQuote.add(col("quote"));
    Dataset<Row> summed = parsed
        .withColumn(REJECT_FILE, when(rejected, col(CsvInputReader.FILE)))
        .withColumn(REJECT_LINE, when(rejected, col(CsvInputReader.LINE)))
        .groupBy(keysWithQuote.toArray(new Column[0]))
        .agg(partial.get(0), partial.subList(1, partial.size()).toArray(new Column[0]))
        .groupBy(keys.toArray(new Column[0]))
        .agg(total.get(0), total.subList(1, total.size()).toArray(new Column[0]))
        .withColumnRenamed(REJECT_FILE, CsvInputReader.FILE)
        .drop(REJECT_LINE);
    Column names = array(Arrays.stream(Qualifier.values()).map(q -> lit(q.code())).toArray(Column[]::new));
    Map<String, Column> qualifiers = new LinkedHashMap<>();
    for (String m : metrics) {
      qualifiers.put(m + InputParsing.QUALIFIER, element_at(names, col(m + RANK).plus(1)));
    }
    summed = summed.withColumns(qualifiers).drop(metrics.stream().map(m -> m + RANK).toArray(String[]::new));
    return summed;
  }

  /** Position of a qualifier in {@link Qualifier}'s order, weakest last, so that max() combines. */
  private static Column qualifierRank(Column qualifier) {
    Column rank = lit(null).cast("int");
    Qualifier[] all = Qualifier.values();
    for (int i = all.length - 1; i >= 0; i--) {
      rank = when(qualifier.equalTo(all[i].code()), lit(i)).otherwise(rank);
    }
    return rank;
  }
}
