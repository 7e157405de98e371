package org.campaignmetrics.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.campaignmetrics.input.FileAccount;
import org.campaignmetrics.input.RejectedReport;
import org.campaignmetrics.model.Figure;
import org.campaignmetrics.model.FigureChange;

/**
 * Whether a run may replace the published tables. A run that threw away much of its input, lost a
 * report that other files cite, or no longer has figures the published run had is held instead:
 * a scheduled run must never publish a degraded dataset with exit 0.
 */
public final class PublishGates {
  private PublishGates() {}

  /** How much a run may lose and still publish: rejected rows per file (a share or a count), and removals. */
  public record Policy(RejectLimit maxRejected, boolean allowRemovals, boolean allowRejectedReports) {
    public static final Policy DEFAULT = new Policy(RejectLimit.parse("5%"), false, false);
  }

  /** {@code 5%} (a share of a file's rows) or {@code 10} (rows). */
  public record RejectLimit(String text, Double share, Long rows) {
    public static RejectLimit parse(String text) {
      String trimmed = text.strip();
      try {
        if (trimmed.endsWith("%")) {
          double percent = Double.parseDouble(trimmed.substring(0, trimmed.length() - 1));
          if (percent >= 0 && percent <= 100) {
            return new RejectLimit(trimmed, percent / 100, null);
          }
        } else {
          long rows = Long.parseLong(trimmed);
          if (rows >= 0) {
            return new RejectLimit(trimmed, null, rows);
          }
        }
      } catch (NumberFormatException e) {
        // said below
      }
      throw new IllegalArgumentException("'" + text + "' is neither a share like 5% nor a row count like 10");
    }

    boolean exceededBy(long rejected, long read) {
      return share != null ? rejected > share * read : rejected > rows;
    }
  }

  /** One reason a run is held: which gate, a sentence for a person, and the flag that would let it through. */
  public record Reason(String gate, String message, String flag) {}

  /** Every reason to hold the run; empty when it may publish. */
  public static List<Reason> check(Policy policy, List<FileAccount> accounts, List<RejectedReport> citedRejected,
      List<FigureChange> changes, String previousRunId) {
    List<Reason> reasons = new ArrayList<>();
    for (FileAccount file : accounts) {
      if (file.rejected() > 0 && policy.maxRejected().exceededBy(file.rejected(), file.read())) {
        reasons.add(new Reason("max_rejected", String.format(Locale.ROOT,
            "%s: %d of %d rows rejected (%.1f%%), more than --max-rejected %s (the rejects table says why)",
            file.file(), file.rejected(), file.read(), 100.0 * file.rejected() / file.read(),
            policy.maxRejected().text()), "--max-rejected"));
      }
    }
    if (!policy.allowRejectedReports()) {
      for (RejectedReport report : citedRejected) {
        reasons.add(new Reason("rejected_report", report.describe(), "--allow-rejected-reports"));
      }
    }
    List<Figure> removed = changes.stream().filter(c -> c.kind() == FigureChange.Kind.REMOVED)
        .map(FigureChange::previous).toList();
    if (!removed.isEmpty() && !policy.allowRemovals()) {
      Figure first = removed.get(0);
      reasons.add(new Reason("removals", removed.size() + " figure(s) of the published run "
          + (previousRunId == null ? "" : previousRunId + " ") + "are gone from this run (the first: "
          + first.period().label() + " " + first.theater() + " " + first.metric() + " = "
          + first.qualifier().format(first.value()) + "; the changes table lists them)", "--allow-removals"));
    }
    return reasons;
  }
}
