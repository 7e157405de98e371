package org.campaignmetrics.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.campaignmetrics.model.Qualifier;

/**
 * Precision and recall of extracted figures against rows keyed by hand ({@code <name>.expected.csv}:
 * {@code period_start,period_end,theater,metric,value,qualifier}). A row counts as found when the
 * same document gives a figure with the same six values (a context figure's period is its as_of
 * day, its theater its scope); each expected row matches at most one figure.
 */
public final class Scoring {
  private Scoring() {}

  /** One figure as scored. */
  public record Row(String document, String periodStart, String periodEnd, String theater, String metric, long value,
      String qualifier) {
    @Override
    public String toString() {
      return document + ": " + periodStart + ".." + periodEnd + " " + theater + " " + metric + " "
          + Qualifier.valueOf(qualifier.toUpperCase(Locale.ROOT)).format(value);
    }
  }

  /** True and false positives and false negatives. */
  public record Counts(int found, int wrong, int missed) {
    public double precision() {
      return found + wrong == 0 ? 1.0 : (double) found / (found + wrong);
    }

    public double recall() {
      return found + missed == 0 ? 1.0 : (double) found / (found + missed);
    }

    Counts plus(Counts o) {
      return new Counts(found + o.found, wrong + o.wrong, missed + o.missed);
    }
  }

  /** The score per metric and overall, with the rows behind the misses. */
  public record Result(Map<String, Counts> byMetric, Counts overall, List<Row> wrong, List<Row> missed) {}

  /** The rows of an expected.csv text; the value may carry a contract qualifier (~35) when the qualifier column is empty. */
  public static List<Row> expected(String document, String csv) {
    List<Row> rows = new ArrayList<>();
    for (Map<String, String> r : Csv.parseWithHeader(csv)) {
      String value = r.getOrDefault("value", "").trim();
      String qualifier = r.getOrDefault("qualifier", "").trim();
      String prefix = value.replaceAll("[\\d,]+$", "");
      if (qualifier.isEmpty()) {
        qualifier = switch (prefix) {
          case "~" -> "approximate";
          case ">" -> "more_than";
          case ">=" -> "at_least";
          default -> "exact";
        };
      }
      rows.add(new Row(document, r.get("period_start").trim(), r.get("period_end").trim(),
          r.get("theater").trim().toUpperCase(Locale.ROOT), r.get("metric").trim(),
          Long.parseLong(value.substring(prefix.length()).replace(",", "")), qualifier.toLowerCase(Locale.ROOT)));
    }
    return rows;
  }

  /** The figures of an extraction as scored rows. */
  public static List<Row> actual(String document, Extraction extraction) {
    return extraction.figures().stream().map(f -> new Row(document, f.start().toString(), f.end().toString(),
        f.theater().toUpperCase(Locale.ROOT), f.metric(), f.value(), f.qualifier().code())).toList();
  }

  public static Result score(List<Row> expected, List<Row> actual) {
    Map<Row, Integer> remaining = new HashMap<>();
    expected.forEach(r -> remaining.merge(r, 1, Integer::sum));
    Map<String, Counts> byMetric = new TreeMap<>();
    List<Row> wrong = new ArrayList<>();
    for (Row a : actual) {
      Integer left = remaining.get(a);
      if (left != null && left > 0) {
        remaining.put(a, left - 1);
        byMetric.merge(a.metric(), new Counts(1, 0, 0), Counts::plus);
      } else {
        wrong.add(a);
        byMetric.merge(a.metric(), new Counts(0, 1, 0), Counts::plus);
      }
    }
    List<Row> missed = new ArrayList<>();
    for (Row e : expected) {
      Integer left = remaining.get(e);
      if (left != null && left > 0) {
        remaining.put(e, left - 1);
        missed.add(e);
        byMetric.merge(e.metric(), new Counts(0, 0, 1), Counts::plus);
      }
    }
    Counts overall = byMetric.values().stream().reduce(new Counts(0, 0, 0), Counts::plus);
    return new Result(byMetric, overall, wrong, missed);
  }

  /** The score as a table a person reads: one line per metric, then overall, then the rows behind the misses. */
  public static String table(String label, Result r) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%s%n%-26s %6s %6s %6s %9s %7s%n", label, "metric", "found", "wrong", "missed",
        "precision", "recall"));
    r.byMetric().forEach((metric, c) -> out.append(line(metric, c)));
    out.append(line("overall", r.overall()));
    r.wrong().forEach(w -> out.append("  not expected: ").append(w).append('\n'));
    r.missed().forEach(m -> out.append("  missed:       ").append(m).append('\n'));
    return out.toString();
  }

  private static String line(String metric, Counts c) {
    return String.format(Locale.ROOT, "%-26s %6d %6d %6d %9.3f %7.3f%n", metric, c.found(), c.wrong(), c.missed(),
        c.precision(), c.recall());
  }
}
