package org.campaignmetrics.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.campaignmetrics.extract.Extraction.Figure;
import org.campaignmetrics.extract.Extraction.ReviewItem;
import org.campaignmetrics.extract.MetricPhrases.Table;
import org.campaignmetrics.input.InputContract;
import org.campaignmetrics.model.FigureTable;

/**
 * The extractions of a folder as the input contract's files (reports.csv, operations.csv,
 * attacks.csv, context.csv, with the contract's headers) and review.csv: pure, from the
 * extractions to file contents.
 */
public final class ContractTables {
  private ContractTables() {}

  // the input contract's own column lists: the extracted files are an input directory of the job
  public static final List<String> REPORTS = InputContract.REPORTS.columns();
  public static final List<String> OPERATIONS_METRICS = FigureTable.OPERATIONS.metrics();
  public static final List<String> OPERATIONS = InputContract.OPERATIONS.columns();
  public static final List<String> ATTACKS = InputContract.ATTACKS.columns();
  public static final List<String> CONTEXT = InputContract.CONTEXT.columns();
  public static final List<String> REVIEW = List.of("document", "report_id", "line", "number", "reason", "sentence");

  /** File name to content, in the order they are written. */
  public static Map<String, String> files(List<Extraction> extractions) {
    List<Extraction> sorted = new ArrayList<>(unique(extractions));
    sorted.sort(Comparator.comparing((Extraction e) -> e.report().reportId()).thenComparing(e -> e.report().file()));
    List<List<String>> reports = new ArrayList<>();
    List<List<String>> operations = new ArrayList<>();
    List<List<String>> attacks = new ArrayList<>();
    List<List<String>> context = new ArrayList<>();
    List<List<String>> review = new ArrayList<>();
    for (Extraction e : sorted) {
      DocumentInfo r = e.report();
      reports.add(List.of(r.reportId(), nz(r.publisher()), r.publishedOn() == null ? "" : r.publishedOn().toString(),
          nz(r.sourceType()), nz(r.title()), nz(r.reference()), "", ""));
      List<Figure> figures = new ArrayList<>(e.figures());
      figures.sort(Comparator.comparing(Figure::start).thenComparing(Figure::end).thenComparing(Figure::theater)
          .thenComparing(Figure::metric));
      // one operations row per period and theater, its quote the sentences of its figures
      Map<List<Object>, List<Figure>> statements = new LinkedHashMap<>();
      for (Figure f : figures) {
        Table table = f.table();
        if (table == Table.OPERATIONS) {
          statements.computeIfAbsent(List.of(f.start(), f.end(), f.theater()), k -> new ArrayList<>()).add(f);
        } else if (table == Table.ATTACKS) {
          attacks.add(List.of(r.reportId(), f.start().toString(), f.end().toString(), f.theater(),
              f.qualifier().format(f.value()), f.quote()));
        } else {
          context.add(List.of(r.reportId(), f.start().toString(), f.theater(), f.metric(), f.qualifier().format(f.value()),
              f.quote()));
        }
      }
      for (Map.Entry<List<Object>, List<Figure>> statement : statements.entrySet()) {
        List<String> row = new ArrayList<>(List.of(r.reportId(), statement.getKey().get(0).toString(),
            statement.getKey().get(1).toString(), (String) statement.getKey().get(2)));
        Set<String> quotes = new LinkedHashSet<>();
        statement.getValue().stream().sorted(Comparator.comparingInt(Figure::offset)).forEach(f -> quotes.addAll(f.quotes()));
        for (String metric : OPERATIONS_METRICS) {
          row.add(statement.getValue().stream().filter(f -> f.metric().equals(metric)).findFirst()
              .map(f -> f.qualifier().format(f.value())).orElse(""));
        }
        row.add(String.join(" … ", quotes));
        operations.add(row);
      }
      for (ReviewItem item : e.review()) {
        review.add(List.of(spreadsheetSafe(item.document()), item.reportId(), item.line() == 0 ? "" : Integer.toString(item.line()),
            spreadsheetSafe(item.number()), spreadsheetSafe(item.reason()), spreadsheetSafe(item.sentence())));
      }
    }
    Map<String, String> files = new LinkedHashMap<>();
    files.put("reports.csv", Csv.table(REPORTS, reports));
    files.put("operations.csv", Csv.table(OPERATIONS, operations));
    files.put("attacks.csv", Csv.table(ATTACKS, attacks));
    files.put("context.csv", Csv.table(CONTEXT, context));
    files.put("review.csv", Csv.table(REVIEW, review));
    return files;
  }

  /**
   * Report ids are unique in the contract: a second document with the same id (two folders with
   * a file of the same name) gets "-2", "-3" after it.
   */
  static List<Extraction> unique(List<Extraction> extractions) {
    List<Extraction> byFile = new ArrayList<>(extractions);
    byFile.sort(Comparator.comparing(e -> e.report().file()));
    Map<String, Integer> seen = new HashMap<>();
    List<Extraction> out = new ArrayList<>();
    for (Extraction e : byFile) {
      String id = e.report().reportId();
      int n = seen.merge(id, 1, Integer::sum);
      if (n == 1) {
        out.add(e);
        continue;
      }
      DocumentInfo r = e.report();
      DocumentInfo renamed = new DocumentInfo(r.file(), id + "-" + n, r.publisher(), r.publishedOn(), r.sourceType(), r.title(),
          r.reference(), r.referenceDate());
      List<ReviewItem> review = e.review().stream().map(i -> new ReviewItem(i.document(), renamed.reportId(), i.line(),
          i.number(), i.reason(), i.sentence())).toList();
      out.add(new Extraction(renamed, e.figures(), review));
    }
    return out;
  }

  /**
   * review.csv is read in spreadsheets: a cell that starts with = + - @, a tab or a carriage return
   * gets a leading ' so that it is not run as a formula (OWASP CSV injection). The contract files
   * keep their quotes exactly as in the documents: they are the job's input, not a spreadsheet's.
   */
  static String spreadsheetSafe(String cell) {
    return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> p : parts) {
      all.addAll(p);
    }
    return List.copyOf(all);
  }
}
