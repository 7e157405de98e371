package org.campaignmetrics.input;

/** Rows read, used and rejected in one input file: read = used + rejected, always. */
public record FileAccount(String file, long read, long used, long rejected) {
  static FileAccount of(String file, long read, long rejected) {
    return new FileAccount(file, read, read - rejected, rejected);
  }
}
