package org.campaignmetrics.model;

import java.util.Locale;

/**
 * A claim checked against the figures: the figures the job stands behind for its claimed and
 * baseline sides (null where the job has none), the ratio, difference or value observed from their
 * values, the verdict and, for a person, the arithmetic and why.
 */
public record ClaimVerdict(Claim claim, Long claimedValue, Qualifier claimedQualifier, String claimedSources,
    Long baselineValue, Qualifier baselineQualifier, String baselineSources, Double observed, Verdict verdict,
    String reason) {

  /**
   * supported: every value the figures allow satisfies the claim; contradicted: none does;
   * undetermined: some do and some do not, or a figure is missing.
   */
  public enum Verdict {
    SUPPORTED, CONTRADICTED, UNDETERMINED;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
