package org.campaignmetrics.input;

import java.util.List;

/** --strict: the input had rejected rows, and the run stops before writing anything. */
public final class RejectedInputException extends InputException {
  private final long rejected;

  RejectedInputException(List<String> firstRejects, long rejected) {
    super(String.join("\n", firstRejects)
        + (rejected > firstRejects.size() ? "\n(" + rejected + " rows rejected in all)" : ""));
    this.rejected = rejected;
  }

  public long rejected() {
    return rejected;
  }
}
