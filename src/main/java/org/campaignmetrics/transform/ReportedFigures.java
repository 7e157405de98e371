package org.campaignmetrics.transform;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.campaignmetrics.io.CsvInputReader;

/**
 * Rule 1, the job's only pass over row-level data: records of one report with the same period and
 * theater are summed, in one Spark aggregation. Its result is small (reports x periods x theaters)
 * and everything after it works on that.
 */
public final class ReportedFigures {
  private static final String REJECT_FILE = "_reject_file";
  private static final String REJECT_LINE = "_reject_line";
  private static final String REJECT_COLUMN = "_reject_column";
  private static final String REJECT_REASON = "_reject_reason";
  private static final String REJECT_RAW = "_reject_raw";
  private static final String STATED = "_stated";
  /** Number of input rows behind a group. */
  public static final String ROWS = "rows";
  /** What identifies a group of records of one input: the statement they make together. */
  private static final List<String> GROUP = List.of("report_id", "period_start", "period_end", "theater");

  private ReportedFigures() {}

  /**
   * Sums each metric per (report_id, period_start, period_end, theater) of one input; a sum with an
   * empty part is unknown (null), and its qualifier is the weakest of its parts'. A row with a
   * problem stays a group of its own, with its file, line, problem and raw text, so that it can be
   * quarantined without a second pass over the input (file, line and raw text are null for the
   * groups of good rows). {@code rows} is a group's number of input rows, {@code quote} its distinct
   * quotes joined with " | ".
   *
   * <p>Two aggregations, so that the pass over the rows is a hash aggregation with a short key: the
   * first, over every row, keeps fixed-width buffers only (sums, counts, ranks), with the quote and
   * a rejected row's particulars in its key, since a text aggregate would make Spark sort every
   * input row; the second, over its small result, gathers the quotes.
   */
  public static Dataset<Row> sumRecords(Dataset<Row> parsed, List<String> metrics) {
    Column rejected = col(InputParsing.PROBLEM).isNotNull();
    // A rejected row's particulars as flat columns, not one struct: with only numbers and text in
    // its key, Spark's partial aggregation uses its faster generated hash map.
    Map<String, Column> reject = new LinkedHashMap<>();
    reject.put(REJECT_FILE, when(rejected, col(CsvInputReader.FILE)));
    reject.put(REJECT_LINE, when(rejected, col(CsvInputReader.LINE)));
    reject.put(REJECT_COLUMN, col(InputParsing.PROBLEM + ".column"));
    reject.put(REJECT_REASON, col(InputParsing.PROBLEM + ".reason"));
    reject.put(REJECT_RAW, when(rejected, col(CsvInputReader.RAW)));
    List<Column> keys = new ArrayList<>(GROUP.stream().map(functions::col).toList());
    reject.keySet().forEach(name -> keys.add(col(name)));
    List<Column> partial = new ArrayList<>();
    List<Column> total = new ArrayList<>();
    for (String m : metrics) {
      partial.add(sum(col(m)).as(m));
      partial.add(count(col(m)).as(m + STATED));
      partial.add(max(col(m + InputParsing.QUALIFIER_RANK)).as(m + InputParsing.QUALIFIER_RANK));
      Column complete = sum(col(m + STATED)).equalTo(sum(col(ROWS)));
      total.add(when(complete, sum(col(m))).as(m));
      total.add(when(complete, max(col(m + InputParsing.QUALIFIER_RANK))).as(m + InputParsing.QUALIFIER_RANK));
    }
    partial.add(count(lit(1)).as(ROWS));
    total.add(sum(col(ROWS)).as(ROWS));
    Column quotes = collect_set(col("quote"));
    total.add(when(size(quotes).gt(0), array_join(array_sort(quotes), " | ")).as("quote"));

    List<Column> keysWithQuote = new ArrayList<>(keys);
    keysWithQuote.add(col("quote"));
    Dataset<Row> summed = parsed
        .withColumns(reject)
        .groupBy(keysWithQuote.toArray(new Column[0]))
        .agg(partial.get(0), partial.subList(1, partial.size()).toArray(new Column[0]))
        .groupBy(keys.toArray(new Column[0]))
        .agg(total.get(0), total.subList(1, total.size()).toArray(new Column[0]));
    // in a fixed order (Map.of's is not): the reject's particulars, then each metric's qualifier
    Map<String, Column> unpacked = new LinkedHashMap<>();
    unpacked.put(CsvInputReader.FILE, col(REJECT_FILE));
    unpacked.put(CsvInputReader.LINE, col(REJECT_LINE));
    unpacked.put(InputParsing.PROBLEM, when(col(REJECT_REASON).isNotNull(),
        struct(col(REJECT_COLUMN).as("column"), col(REJECT_REASON).as("reason"))));
    unpacked.put(CsvInputReader.RAW, col(REJECT_RAW));
    for (String m : metrics) {
      unpacked.put(m + InputParsing.QUALIFIER, InputParsing.qualifierCode(col(m + InputParsing.QUALIFIER_RANK)));
    }
    return summed.withColumns(unpacked)
        .drop(reject.keySet().toArray(new String[0]))
        .drop(metrics.stream().map(m -> m + InputParsing.QUALIFIER_RANK).toArray(String[]::new));
  }
}
