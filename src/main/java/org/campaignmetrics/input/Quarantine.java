package org.campaignmetrics.input;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.campaignmetrics.input.InputPass.FigureFileSource;
import org.campaignmetrics.spark.CollectedRows;
import org.campaignmetrics.spark.TableRows;

/**
 * What the input pass set aside: every rejected row with its file, line, raw text, column and reason,
 * and each file's account of rows read, used and rejected. Rejected rows never stop the run (unless
 * strict); they are quarantined. The pass only counts a figure file's rejected rows; a second Spark
 * job finds them again with their particulars, only when there are any.
 */
public final class Quarantine {
  /** Rejects collected on the driver; past this, the rejects table is computed by Spark. */
  public static final int REJECTS_COLLECTED = 10_000;
  /** Rejected rows named in the message of a strict run. */
  private static final int REJECTS_SHOWN = 20;

  /** A rejected row: the rejects table's schema, and the rows built here by position. */
  public static final StructType REJECTS_SCHEMA = new StructType()
      .add("file", DataTypes.StringType, true)
      .add("line", DataTypes.LongType, true)
      .add("raw", DataTypes.StringType, true)
      .add("column", DataTypes.StringType, true)
      .add("reason", DataTypes.StringType, true);

  private final List<Row> rejects = new ArrayList<>();
  private final List<FileAccount> accounts = new ArrayList<>();
  /** Rejected rows of reports.csv by report id, and the rows of other files that cite each id. */
  private final Map<String, RejectedReport> rejectedReports = new LinkedHashMap<>();
  private final Map<String, Map<String, Long>> citations = new HashMap<>();

  void rejectedReport(String reportId, long line, String column, String reason) {
    if (reportId != null) {
      rejectedReports.putIfAbsent(reportId, new RejectedReport(reportId, line, column, reason, Map.of()));
    }
  }

  /** Rows of a file that name a report id that is not a valid report. */
  void cite(String reportId, String file, long rows) {
    if (reportId != null) {
      citations.computeIfAbsent(reportId, k -> new LinkedHashMap<>()).merge(file, rows, Long::sum);
    }
  }

  /** The rejected reports that rows of other files cite: their figures would silently vanish. */
  List<RejectedReport> citedRejectedReports() {
    List<RejectedReport> cited = new ArrayList<>();
    rejectedReports.forEach((id, report) -> {
      Map<String, Long> rows = citations.get(id);
      if (rows != null) {
        cited.add(new RejectedReport(id, report.line(), report.column(), report.reason(), rows));
      }
    });
    return cited;
  }

  void account(String file, long read, long rejected) {
    accounts.add(FileAccount.of(file, read, rejected));
  }

  /** A row read on the driver (reports, context), rejected for the reason given. */
  void reject(Row row, long line, String column, String reason) {
    rejects.add(RowFactory.create(row.getAs("file"), line, row.getAs("raw"), column, DateHints.withHint(reason)));
  }

  List<FileAccount> accounts() {
    return accounts;
  }

  long rejectCount() {
    return accounts.stream().mapToLong(FileAccount::rejected).sum();
  }

  /**
   * The rejects table: the rows rejected on the driver, and the figure rows the pass rejected, found
   * again by a second job. Under strict, a {@link RejectedInputException} naming the first ones.
   */
  TableRows rejects(SparkSession spark, String inputDir, List<FigureFileSource> figureFiles, Set<String> reportIds,
      boolean strict) {
    Set<String> figureInputs = new java.util.HashSet<>(figureFiles.stream().map(FigureFileSource::name).toList());
    long figureRejects = accounts.stream().filter(a -> figureInputs.contains(a.file()))
        .mapToLong(FileAccount::rejected).sum();
    Dataset<Row> figureRejectRows = null;
    if (figureRejects > 0) {
      for (FigureFileSource figures : figureFiles) {
        Dataset<Row> found = RowRules.figureRecords(
                FigureSource.readWithLines(spark, inputDir, figures.contract()), figures.contract().metrics(), reportIds)
            .filter(col(RowRules.PROBLEM).isNotNull())
            .select(InputPass.particulars(col(CsvSource.LINE).as("line")));
        figureRejectRows = figureRejectRows == null ? found : figureRejectRows.unionByName(found);
      }
      if (strict || figureRejects <= REJECTS_COLLECTED) {
        List<Row> found = CollectedRows.of(figureRejectRows.orderBy("file", "line")
            .limit((int) Math.min(figureRejects, strict ? REJECTS_SHOWN : REJECTS_COLLECTED)));
        if (!strict && found.size() != figureRejects) {
          throw new IllegalStateException("the input pass rejected " + figureRejects + " figure rows, but "
              + found.size() + " were found again; did the input change during the run?");
        }
        for (Row r : found) { // rows of REJECTS_SCHEMA: file, line, raw, column, reason
          rejects.add(RowFactory.create(r.get(0), r.get(1), r.get(2), r.get(3), DateHints.withHint(r.getString(4))));
        }
      }
    }
    // by position: rows of REJECTS_SCHEMA, some made on the driver without a schema
    rejects.sort(Comparator.comparing((Row r) -> r.getString(0)).thenComparing(r -> r.getLong(1)));
    long rejectCount = rejectCount();
    if (strict && rejectCount > 0) {
      throw new RejectedInputException(firstRejectMessages(), rejectCount);
    }
    if (figureRejects > REJECTS_COLLECTED) {
      // too many to bring to the driver: Spark computes the table again from the input when writing it
      return new TableRows.InSpark(figureRejectRows.unionByName(spark.createDataFrame(rejects, REJECTS_SCHEMA)));
    }
    return new TableRows.OnDriver(rejects);
  }

  private List<String> firstRejectMessages() {
    List<String> lines = new ArrayList<>();
    for (Row r : rejects.subList(0, Math.min(REJECTS_SHOWN, rejects.size()))) {
      lines.add(r.getString(0) + " line " + r.getLong(1) + ", column '" + r.getString(3) + "': " + r.getString(4));
    }
    return lines;
  }
}
