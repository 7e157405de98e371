package org.campaignmetrics.model;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Comparator;

/** What the derivation needs of a report: how it ranks (rule 3) and what it declares complete (rule 2). */
public record Report(String reportId, String sourceType, LocalDate publishedOn, Period coverage)
    implements Serializable {
  public static final String OFFICIAL = "official";
  public static final String MEDIA = "media";

  /**
   * Rule 3, the one source priority of the job: official before media, then the latest publication
   * date, undated last, then report id. The first in this order wins.
   */
  public static final Comparator<Report> PRIORITY =
      Comparator.comparingInt((Report r) -> OFFICIAL.equals(r.sourceType()) ? 0 : 1)
          .thenComparing(Report::publishedOn, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(Report::reportId);
}
