package org.campaignmetrics.extract;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.campaignmetrics.model.Qualifier;

/** What one document gave: its report row, its figures, and the numbers left for a person. */
public record Extraction(DocumentInfo report, List<Figure> figures, List<ReviewItem> review) implements Serializable {

  /**
   * One figure: a metric of a table, its value and qualifier, for a period (a context figure's
   * period is its as_of day) and a theater (a context figure's scope), with the sentences it was
   * read from (several when a document states it more than once), the first one's line and its
   * offset in the document's text (quotes of one contract row are joined in document order).
   */
  public record Figure(String metric, long value, Qualifier qualifier, LocalDate start, LocalDate end, String theater,
      List<String> quotes, int line, int offset) implements Serializable {
    public MetricPhrases.Table table() {
      return MetricPhrases.table(metric);
    }

    /** The quote as the contract's quote column has it: the sentences joined with " … ". */
    public String quote() {
      return String.join(" … ", quotes);
    }
  }

  /** A number that produced no figure row, with where it is and why. Line 0 and no number: the document itself. */
  public record ReviewItem(String document, String reportId, int line, String number, String reason, String sentence)
      implements Serializable {}
}
