package org.campaignmetrics.input;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.EvalMode$;
import org.apache.spark.sql.catalyst.expressions.aggregate.Sum;
import org.apache.spark.unsafe.types.UTF8String;
import org.campaignmetrics.model.Derivation;
import org.campaignmetrics.model.FigureTable;
import org.campaignmetrics.model.Period;
import org.campaignmetrics.model.Qualifier;
import org.campaignmetrics.model.Report;
import org.campaignmetrics.model.Statement;

/**
 * Rule 1: records of one report with the same period and theater are summed; a sum with an empty
 * part is unknown (null), and its qualifier is the weakest of its parts'.
 *
 * <p>The job's only pass over row-level data is {@link #sumRecords}, one hash aggregation per input
 * with a short key and fixed-width buffers (sums, counts, ranks); its result is small (reports x
 * periods x theaters x distinct quotes) and comes to the driver, where {@link #statements} merges the
 * groups of one statement that differ only by quote. Gathering the quotes in Spark would take a
 * second aggregation (a text aggregate in the first would make Spark sort every input row).
 */
public final class Rule1Sums {
  /** Number of input rows behind a group. */
  public static final String ROWS = "rows";
  private static final String STATED = "_stated";
  /** The key of a group: the statement its records make together, and their quote. */
  private static final List<String> GROUP = List.of("report_id", "period_start", "period_end", "theater", "quote");

  private Rule1Sums() {}

  /**
   * Per (report_id, period_start, period_end, theater, quote) of checked records
   * ({@link RowRules#checkedFigures}): each metric's sum, {@code <metric>_stated} (how many rows
   * state it), for a text column its weakest qualifier rank, and {@code rows}. The rejected records
   * of the input make one group of their own, with {@code rejected} true and placeholder keys: how
   * many there are is all the pass needs to know of them. Theater codes are upper-cased on the
   * groups, so two groups may make one statement.
   */
  public static Dataset<Row> sumRecords(Dataset<Row> checked, List<String> metrics) {
    // No key is ever null: Spark's fast hash map for partial aggregation takes only keys without
    // nulls, and sends every other row to its general map (hashing and copying a key row per row).
    // A record without a quote has "" (cells are never empty: an empty one is null), a rejected
    // record placeholders.
    Column rejected = col(RowRules.REJECTED);
    List<Column> keys = new ArrayList<>();
    for (String column : GROUP) {
      Column placeholder = column.startsWith("period_") ? lit(LocalDate.EPOCH) : lit("");
      Column key = column.equals("quote") ? coalesce(col(column), placeholder) : col(column);
      keys.add(when(rejected, placeholder).otherwise(key).as(column));
    }
    keys.add(rejected);
    List<String> columns = Arrays.asList(checked.columns());
    List<Column> buffers = new ArrayList<>();
    for (String m : metrics) {
      // a rejected record's counts are never used, and never stop the run by their size
      buffers.add(exactSum(when(rejected.unary_$bang(), col(m))).as(m));
      buffers.add(count(col(m)).as(m + STATED));
      if (columns.contains(m + RowRules.QUALIFIER_RANK)) {
        buffers.add(max(col(m + RowRules.QUALIFIER_RANK)).as(m + RowRules.QUALIFIER_RANK));
      }
    }
    buffers.add(count(lit(1)).as(ROWS));
    Map<String, Column> unpacked = new LinkedHashMap<>(); // in a fixed order (Map.of's is not)
    unpacked.put("theater", upper(col("theater")));
    unpacked.put("quote", when(col("quote").notEqual(""), col("quote")));
    return checked.groupBy(keys.toArray(new Column[0]))
        .agg(buffers.get(0), buffers.subList(1, buffers.size()).toArray(new Column[0]))
        // theater codes are case-insensitive: groups that differ only by case are merged by statements()
        .withColumns(unpacked);
  }

  /**
   * A sum that fails the query when it leaves the range of a long (ANSI evaluation), where Spark's
   * default sum would wrap around to a wrong number without a word.
   */
  private static Column exactSum(Column counts) {
    return new Column(new Sum(counts.expr(), EvalMode$.MODULE$.ANSI()).toAggregateExpression());
  }

  /**
   * The statements of one figure file from its groups of valid records (as {@link #sumRecords} gives
   * them): one per (report, period, theater) and metric, the groups that differ only by quote
   * summed, their distinct quotes sorted (as Spark sorts text) and joined with " | ". Each group's
   * report is one of {@code reports}.
   */
  public static List<Statement> statements(FigureTable table, Map<String, Report> reports, List<Row> groups) {
    Map<List<Object>, List<Row>> byStatement = new LinkedHashMap<>();
    for (Row group : groups) {
      List<Object> key = Arrays.asList(group.getAs("report_id"), group.getAs("period_start"),
          group.getAs("period_end"), group.getAs("theater"));
      byStatement.computeIfAbsent(key, k -> new ArrayList<>()).add(group);
    }
    List<Statement> statements = new ArrayList<>();
    if (groups.isEmpty()) {
      return statements;
    }
    // a typed count has no rank column (always exact), nor has the union's other table
    List<String> fields = Arrays.asList(groups.get(0).schema().fieldNames());
    for (Map.Entry<List<Object>, List<Row>> entry : byStatement.entrySet()) {
      List<Row> parts = entry.getValue();
      long rows = 0;
      TreeSet<UTF8String> quotes = new TreeSet<>();
      for (Row part : parts) {
        rows += part.<Long>getAs(ROWS);
        String quote = part.getAs("quote");
        if (quote != null) {
          quotes.add(UTF8String.fromString(quote));
        }
      }
      String quote = quotes.isEmpty() ? null : String.join(" | ", quotes.stream().map(UTF8String::toString).toList());
      Report report = reports.get((String) entry.getKey().get(0));
      Period period = new Period(Period.day(entry.getKey().get(1)), Period.day(entry.getKey().get(2)));
      String theater = (String) entry.getKey().get(3);
      for (String metric : table.metrics()) {
        long sum = 0;
        long stated = 0;
        int rank = Qualifier.EXACT.ordinal();
        boolean ranked = fields.contains(metric + RowRules.QUALIFIER_RANK);
        for (Row part : parts) {
          stated += part.<Long>getAs(metric + STATED);
          Long value = part.getAs(metric);
          sum = Math.addExact(sum, value == null ? 0 : value);
          Integer partRank = ranked ? part.getAs(metric + RowRules.QUALIFIER_RANK) : null;
          rank = partRank == null ? rank : Math.max(rank, partRank);
        }
        boolean complete = stated == rows; // a sum with an empty part is unknown
        // a figure one row states is reported; one that adds up several rows of the report is a sum
        statements.add(new Statement(table, report, period, theater, metric, complete ? sum : null,
            complete ? Qualifier.values()[rank] : null, quote, stated > 1 ? Derivation.SUMMED : Derivation.REPORTED));
      }
    }
    return statements;
  }

  /** A rule-1 sum past the range of a long stops the run, named with the files it may be in. */
  static RuntimeException sumTooLarge(Exception failure, String files) {
    return InputException.ifOverflow(failure, files + ": the counts of one report for one period and theater sum to more than "
        + Long.MAX_VALUE + " (rule 1), more than the job can hold");
  }
}
