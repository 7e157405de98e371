package org.campaignmetrics.input;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.campaignmetrics.input.InputPass.FigureFileSource;
import org.campaignmetrics.model.Claim;
import org.campaignmetrics.model.ContextObservation;
import org.campaignmetrics.model.Period;
import org.campaignmetrics.model.Qualifier;
import org.campaignmetrics.model.Report;
import org.campaignmetrics.model.Statement;
import org.campaignmetrics.spark.TableRows;

/**
 * Reads an input directory: opens every file of the contract ({@link InputPass#open}), runs the one
 * Spark job over them ({@link InputPass#run}), checks on the driver what only the driver can (report
 * ids, one report per id), and quarantines what is rejected ({@link Quarantine}).
 */
public final class InputLoad {
  private InputLoad() {}

  public static LoadedInput load(SparkSession spark, String inputDir, boolean strict) {
    InputPass.Sources sources = InputPass.open(spark, inputDir);
    InputPass.Result pass = InputPass.run(sources);
    Quarantine quarantine = new Quarantine();
    Map<String, Report> reports = validReports(pass.reports(), quarantine);
    List<Statement> statements = new ArrayList<>();
    for (FigureFileSource figures : sources.figureFiles()) {
      statements.addAll(statements(figures, pass.groups().get(figures.contract()), reports, quarantine));
    }
    List<ContextObservation> context =
        sources.context() == null ? List.of() : observations(pass.context(), reports.keySet(), quarantine);
    List<Claim> claims =
        sources.claims() == null ? List.of() : claims(pass.claims(), reports.keySet(), quarantine);
    TableRows rejects = quarantine.rejects(spark, inputDir, sources.figureFiles(), reports.keySet(), strict);
    return new LoadedInput(reports, statements, context, claims, rejects, quarantine.rejectCount(), quarantine.accounts(),
        quarantine.citedRejectedReports());
  }

  /**
   * A required file with a header and no rows is a whole-file problem, like an empty one: checked by
   * the job before it publishes (a header-only file would empty the published tables); an analysis
   * that computes without publishing may read one.
   */
  public static void requireRows(List<FileAccount> accounts) {
    for (FileAccount account : accounts) {
      if (account.read() == 0 && InputContract.isRequired(account.file())) {
        throw new InputException(account.file() + ": the file has a header but no rows (a required file needs at "
            + "least one)");
      }
    }
  }

  /** The valid reports; rule 3 ranks them by id, so an id must name one report (a whole-file problem). */
  private static Map<String, Report> validReports(List<Row> reportRows, Quarantine quarantine) {
    Map<String, Report> valid = new LinkedHashMap<>();
    Map<String, List<Long>> linesById = new TreeMap<>();
    Map<Long, Long> lines = CsvSource.lines(reportRows);
    long rejected = 0;
    for (Row row : reportRows) {
      String id = row.getAs("report_id");
      long line = lines.get(row.<Long>getAs(CsvSource.RECORD));
      if (id != null) {
        linesById.computeIfAbsent(id, k -> new ArrayList<>()).add(line);
      }
      if (row.getAs("reason") == null) {
        valid.put(id, toReport(row));
      } else {
        quarantine.reject(row, line, row.getAs("column"), row.getAs("reason"));
        quarantine.rejectedReport(id, line, row.getAs("column"), DateHints.withHint(row.getAs("reason")));
        rejected++;
      }
    }
    linesById.forEach((id, idLines) -> {
      if (idLines.size() > 1) {
        throw new InputException(InputContract.REPORTS.fileName() + ": duplicate report_id '" + id + "' on lines "
            + String.join(", ", idLines.stream().sorted().map(String::valueOf).toList()));
      }
    });
    quarantine.account(InputContract.REPORTS.fileName(), reportRows.size(), rejected);
    return valid;
  }

  /**
   * A figure file's rule-1 statements from its groups; a group of rows that break no rule but name
   * no valid report is rejected whole (its rows are found again with the other rejected ones).
   */
  private static List<Statement> statements(FigureFileSource figures, List<Row> groups, Map<String, Report> reports,
      Quarantine quarantine) {
    long read = 0;
    long rejected = 0;
    List<Row> valid = new ArrayList<>();
    for (Row group : groups) {
      long rows = group.<Long>getAs(Rule1Sums.ROWS);
      read += rows;
      if (group.<Boolean>getAs(RowRules.REJECTED) || !reports.containsKey(group.<String>getAs("report_id"))) {
        rejected += rows;
        if (!group.<Boolean>getAs(RowRules.REJECTED)) {
          quarantine.cite(group.getAs("report_id"), figures.name(), rows);
        }
      } else {
        valid.add(group);
      }
    }
    quarantine.account(figures.name(), read, rejected);
    try {
      return Rule1Sums.statements(figures.contract().figures(), reports, valid);
    } catch (ArithmeticException e) {
      throw Rule1Sums.sumTooLarge(e, figures.name());
    }
  }

  /**
   * Quarantines a row read whole on the driver (context, claims) that broke a rule of its own or
   * names no valid report (counted as citing it); true if it did.
   */
  private static boolean rejected(Row row, long line, InputFile file, Set<String> reportIds, Quarantine quarantine) {
    if (row.getAs("reason") != null) {
      quarantine.reject(row, line, row.getAs("column"), row.getAs("reason"));
      return true;
    }
    String id = row.getAs("report_id");
    if (!reportIds.contains(id)) {
      quarantine.reject(row, line, "report_id", RowRules.unknownReportReason(id));
      quarantine.cite(id, file.fileName(), 1);
      return true;
    }
    return false;
  }

  /** The context observations: every row is on the driver, and its report is checked here. */
  private static List<ContextObservation> observations(List<Row> contextRows, Set<String> reportIds,
      Quarantine quarantine) {
    List<ContextObservation> observations = new ArrayList<>();
    Map<Long, Long> lines = CsvSource.lines(contextRows);
    long rejected = 0;
    for (Row row : contextRows) {
      String id = row.getAs("report_id");
      long line = lines.get(row.<Long>getAs(CsvSource.RECORD));
      if (rejected(row, line, InputContract.CONTEXT, reportIds, quarantine)) {
        rejected++;
      } else {
        observations.add(new ContextObservation(id, Period.day(row.getAs("as_of")), row.getAs("scope"),
            row.getAs("metric"), row.getAs("value"), Qualifier.fromCode(row.getAs("qualifier")), row.getAs("quote")));
      }
    }
    quarantine.account(InputContract.CONTEXT.fileName(), contextRows.size(), rejected);
    return observations;
  }

  /**
   * The claims: every row is on the driver, where its report is checked, and its claim id, which must
   * be unique: a later row with an id already used is rejected.
   */
  private static List<Claim> claims(List<Row> claimRows, Set<String> reportIds, Quarantine quarantine) {
    List<Claim> claims = new ArrayList<>();
    Map<Long, Long> lines = CsvSource.lines(claimRows);
    List<Row> inOrder = new ArrayList<>(claimRows);
    inOrder.sort(java.util.Comparator.comparing(row -> lines.get(row.<Long>getAs(CsvSource.RECORD))));
    Map<String, Long> firstLine = new java.util.HashMap<>();
    long rejected = 0;
    for (Row row : inOrder) {
      String id = row.getAs("report_id");
      String claimId = row.getAs("claim_id");
      long line = lines.get(row.<Long>getAs(CsvSource.RECORD));
      if (rejected(row, line, InputContract.CLAIMS, reportIds, quarantine)) {
        rejected++;
      } else if (firstLine.containsKey(claimId)) {
        quarantine.reject(row, line, "claim_id",
            "duplicate claim_id '" + claimId + "' (already used on line " + firstLine.get(claimId) + ")");
        rejected++;
      } else {
        firstLine.put(claimId, line);
        LocalDate baselineStart = Period.day(row.getAs("baseline_start"));
        claims.add(new Claim(claimId, id, row.getAs("quote"), row.getAs("metric"), row.getAs("theater"),
            new Period(Period.day(row.getAs("period_start")), Period.day(row.getAs("period_end"))),
            Claim.Basis.fromCode(row.getAs("basis")),
            baselineStart == null ? null : new Period(baselineStart, Period.day(row.getAs("baseline_end"))),
            row.getAs("baseline_theater"), Claim.Comparison.fromCode(row.getAs("comparison")),
            Claim.Operator.fromSymbol(row.getAs("operator")), row.<Double>getAs("threshold"),
            row.getAs("tolerance")));
      }
    }
    quarantine.account(InputContract.CLAIMS.fileName(), claimRows.size(), rejected);
    return claims;
  }

  private static Report toReport(Row row) {
    LocalDate coverageStart = Period.day(row.getAs("coverage_start"));
    return new Report(row.getAs("report_id"), row.getAs("source_type"), Period.day(row.getAs("published_on")),
        coverageStart == null ? null : new Period(coverageStart, Period.day(row.getAs("coverage_end"))));
  }
}
