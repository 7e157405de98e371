package org.campaignmetrics.derive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.campaignmetrics.derive.KnownFigures.Series;
import org.campaignmetrics.model.Check;
import org.campaignmetrics.model.Period;

/** The disagreements found by the rules and the cross-checks, each kept once. */
final class CheckLog {
  /** Keyed so that a disagreement met in several rounds is reported once. */
  private final Map<String, Check> checks = new LinkedHashMap<>();

  void record(String kind, Check.Severity severity, Period period, Series series, long value, long compared,
      SortedSet<String> sources, String figures, String message) {
    String key = kind + "|" + period + "|" + series + "|" + figures;
    checks.putIfAbsent(key, new Check(kind, severity, period, series.theater(), series.metric(), value, compared,
        figures, String.join(";", sources), message));
  }

  /** By period, theater, metric, check and figures: the checks table's key. */
  List<Check> sorted() {
    List<Check> out = new ArrayList<>(checks.values());
    out.sort(Check.ORDER);
    return out;
  }
}
