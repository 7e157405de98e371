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
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.campaignmetrics.Qualifier;
import org.campaignmetrics.io.CsvInputReader;

/**
 * Rule 1, the job's only pass over row-level data: records of one report with the same period and
 * theater are summed, in one Spark aggregation. Its result is small (reports x periods x theaters)
 * and everything after it works on that.
 */
public final class ReportedFigures {
  private static final String REJECT_LINE = "reject_line";
  private static final String RANK = "_qualifier_rank";
  /** Number of input rows behind a group. */
  public static final String ROWS = "rows";

  private ReportedFigures() {}

  /**
   * Sums each metric per (report_id, period_start, period_end, theater); a sum with an empty part
   * is unknown (null), and its qualifier is the weakest of its parts'. A row with a problem stays a
   * group of its own, with its raw text, so that it can be quarantined with its line without a
   * second pass over the input. {@code _line} is the first line of the group, {@code rows} its
   * number of input rows, {@code quote} its distinct quotes joined with " | ".
   */
  public static Dataset<Row> sumRecords(Dataset<Row> parsed, List<String> metrics) {
    List<Column> aggregates = new ArrayList<>();
    for (String m : metrics) {
      Column complete = count(col(m)).equalTo(count(lit(1)));
      aggregates.add(when(complete, sum(col(m))).as(m));
      aggregates.add(when(complete, max(qualifierRank(col(m + InputParsing.QUALIFIER)))).as(m + RANK));
    }
    Column quotes = collect_set(col("quote"));
    aggregates.add(when(size(quotes).gt(0), array_join(array_sort(quotes), " | ")).as("quote"));
    aggregates.add(min(col(CsvInputReader.LINE)).as(CsvInputReader.LINE));
    // max(), not first(): a reject group holds one row, a good group none with a problem, and
    // first() is nondeterministic, which stops Spark reusing this aggregation across the plan
    aggregates.add(max(col(InputParsing.PROBLEM)).as(InputParsing.PROBLEM));
    aggregates.add(count(lit(1)).as(ROWS));
    aggregates.add(max(when(col(InputParsing.PROBLEM).isNotNull(), col(CsvInputReader.RAW))).as(CsvInputReader.RAW));

    Dataset<Row> summed = parsed
        .withColumn(REJECT_LINE, when(col(InputParsing.PROBLEM).isNotNull(), col(CsvInputReader.LINE)))
        .groupBy(col("report_id"), col("period_start"), col("period_end"), col("theater"),
            col(CsvInputReader.INPUT), col(CsvInputReader.FILE), col(REJECT_LINE))
        .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(new Column[0]))
        .drop(REJECT_LINE);
    Column names = array(Arrays.stream(Qualifier.values()).map(q -> lit(q.code())).toArray(Column[]::new));
    for (String m : metrics) {
      summed = summed.withColumn(m + InputParsing.QUALIFIER, element_at(names, col(m + RANK).plus(1)))
          .drop(m + RANK);
    }
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
