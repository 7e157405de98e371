package org.campaignmetrics.model;

/** Theater codes: upper-case as stored; {@link #ALL} is the whole campaign area as reported. */
public final class Theater {
  /** The theater code meaning the whole campaign area as reported (rule 4 sums the others into it). */
  public static final String ALL = "ALL";

  private Theater() {}
}
