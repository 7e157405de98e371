package org.campaignmetrics.derive;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Comparator;
import org.campaignmetrics.Period;

/** What the derivation needs of a report: how it ranks (rule 3) and what it declares complete (rule 2). */
public record Report(String reportId, String sourceType, LocalDate publishedOn, Period coverage)
    implements Serializable {
  /** Rule 3: official before media, then the latest publication date, undated last, then report id. */
  public static final Comparator<Report> PRIORITY =
      Comparator.comparingInt((Report r) -> "official".equals(r.sourceType()) ? 0 : 1)
          .thenComparing(Report::publishedOn, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(Report::reportId);
}
