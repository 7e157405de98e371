package org.campaignmetrics.input;

import java.util.ArrayList;
import java.util.List;
import org.campaignmetrics.model.FigureTable;

/**
 * The input contract: every file of an input directory and its columns. A new figure file is one
 * more {@link FigureTable} and one more entry in {@link #FIGURE_FILES}; the reader, the input pass,
 * the rejects and the accounting all go by this list.
 */
public final class InputContract {
  private InputContract() {}

  public static final InputFile REPORTS = new InputFile("reports.csv",
      List.of("report_id", "publisher", "published_on", "source_type", "title", "reference"),
      List.of("coverage_start", "coverage_end"), null);

  public static final InputFile OPERATIONS = figureFile(FigureTable.OPERATIONS, List.of("leaders_removed"));

  public static final InputFile ATTACKS = figureFile(FigureTable.ATTACKS, List.of());

  /** Optional: context figures (stocks, not flows) observed at a date. */
  public static final InputFile CONTEXT = new InputFile("context.csv",
      List.of("report_id", "as_of", "scope", "metric", "value"),
      List.of("quote"), null);

  /**
   * Optional: claims that reports make about their figures ("more than double"), one per row, keyed
   * by an analyst; each is checked against the figures (the {@code claim_checks} table).
   */
  public static final InputFile CLAIMS = new InputFile("claims.csv",
      List.of("claim_id", "report_id", "quote", "metric", "theater", "period_start", "period_end", "basis",
          "baseline_start", "baseline_end", "comparison", "operator", "threshold"),
      List.of("baseline_theater", "tolerance"), null);

  /** The figure files, in the order they are read, accounted and logged. */
  public static final List<InputFile> FIGURE_FILES = List.of(OPERATIONS, ATTACKS);

  /** Whether a file read under this name (CSV or Parquet form) is one the contract requires. */
  public static boolean isRequired(String fileName) {
    if (fileName.equals(REPORTS.fileName())) {
      return true;
    }
    return FIGURE_FILES.stream().anyMatch(f -> f.fileName().equals(fileName) || f.parquetName().equals(fileName));
  }

  /**
   * A figure file: where, when and which theater, then one column per metric (required unless
   * listed optional, for metrics added after the contract's first release), then the quote.
   */
  private static InputFile figureFile(FigureTable figures, List<String> optionalMetrics) {
    List<String> required = new ArrayList<>(List.of("report_id", "period_start", "period_end", "theater"));
    List<String> optional = new ArrayList<>();
    for (String metric : figures.metrics()) {
      (optionalMetrics.contains(metric) ? optional : required).add(metric);
    }
    optional.add("quote");
    return new InputFile(figures.code() + ".csv", List.copyOf(required), List.copyOf(optional), figures);
  }
}
