package org.campaignmetrics.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedSet;
import org.campaignmetrics.derive.KnownFigures.Known;
import org.campaignmetrics.derive.KnownFigures.Series;
import org.campaignmetrics.model.Check;
import org.campaignmetrics.model.Derivation;
import org.campaignmetrics.model.FigureTable;
import org.campaignmetrics.model.Grain;
import org.campaignmetrics.model.Period;
import org.campaignmetrics.model.Qualifier;
import org.campaignmetrics.model.Theater;

/**
 * Once every figure is known: a stated ALL against its theaters, a stated figure against the stated
 * figures that tile it, and any part above its whole. Approximate figures prove nothing either way.
 */
final class CrossChecks {
  private final KnownFigures known;
  private final CheckLog checks;

  private CrossChecks(KnownFigures known, CheckLog checks) {
    this.known = known;
    this.checks = checks;
  }

  static void run(KnownFigures known, CheckLog checks) {
    CrossChecks cross = new CrossChecks(known, checks);
    cross.theaters();
    cross.periods();
  }

  /** A stated ALL against the sum of the theaters, and each theater against ALL. */
  private void theaters() {
    for (Map.Entry<FigureTable, SortedSet<String>> table : known.theatersByTable().entrySet()) {
      for (String metric : known.metricsOf(table.getKey())) {
        Series all = new Series(Theater.ALL, metric);
        known.theaterParts(table.getValue(), metric).forEach((period, parts) -> {
          Known whole = known.series(all).get(period);
          if (whole != null && whole.derivation() == Derivation.REPORTED) {
            checkWholeAgainstParts("theater_sum", whole, parts, "the theaters");
          }
          for (Known part : parts) {
            if (whole != null && exceeds(part, whole)) {
              checkPartExceedsWhole(part, whole);
            }
          }
        });
      }
    }
  }

  private void periods() {
    for (Series series : known.allSeries()) {
      NavigableMap<Period, Known> figures = known.series(series);
      for (Known whole : figures.values()) {
        if (whole.period().grain() == Grain.DAY) {
          continue;
        }
        // a stated figure against the stated figures that exactly tile it
        if (whole.derivation() == Derivation.REPORTED) {
          List<Known> tiling = known.tile(series, whole.period().start(), whole.period().end(),
              k -> k.derivation() == Derivation.REPORTED && !k.period().equals(whole.period()));
          if (tiling != null) {
            checkWholeAgainstParts("tiling", whole, tiling, "the periods that tile it");
          }
        }
        // a part larger than its whole: a quarter above its half-year
        for (Known part : figures.subMap(new Period(whole.period().start(), whole.period().start()), true,
            new Period(whole.period().end(), whole.period().end()), true).values()) {
          if (!part.period().equals(whole.period()) && whole.period().contains(part.period()) && exceeds(part, whole)) {
            checkPartExceedsWhole(part, whole);
          }
        }
      }
    }
  }

  /** Parts that should add up to the whole: larger is impossible (error), smaller a disagreement. */
  private void checkWholeAgainstParts(String kind, Known whole, List<Known> parts, String partsName) {
    Known total = KnownFigures.combine(whole.period(), whole.series(), parts, Derivation.SUMMED);
    Check.Severity severity = wholeVersusParts(whole, total);
    if (severity == null) {
      return;
    }
    List<Known> involved = new ArrayList<>(parts);
    involved.add(0, whole);
    checks.record(kind, severity, whole.period(), whole.series(), whole.value(), total.value(),
        KnownFigures.sourcesOf(involved), KnownFigures.describe(involved),
        whole.period().label() + " " + whole.series().theater() + " " + whole.series().metric() + " is stated as "
            + whole.qualifier().format(whole.value()) + " but " + partsName + " (" + KnownFigures.labels(parts)
            + ") add up to " + total.qualifier().format(total.value()));
  }

  private void checkPartExceedsWhole(Known part, Known whole) {
    checks.record("part_exceeds_whole", Check.Severity.ERROR, part.period(), part.series(), part.value(),
        whole.value(), KnownFigures.sourcesOf(List.of(part, whole)), KnownFigures.describe(List.of(part, whole)),
        part.period().label() + " " + part.series().theater() + " " + part.series().metric() + " ("
            + part.qualifier().format(part.value()) + ") is larger than " + whole.period().label() + " "
            + whole.series().theater() + " (" + whole.qualifier().format(whole.value()) + "), which contains it");
  }

  /** error if the parts cannot fit the whole, warning if they do not add up to it, else null. */
  private static Check.Severity wholeVersusParts(Known whole, Known parts) {
    Qualifier wq = whole.qualifier();
    Qualifier pq = parts.qualifier();
    long w = whole.value();
    long p = parts.value();
    if (wq == Qualifier.APPROXIMATE || pq == Qualifier.APPROXIMATE) {
      return null; // "about" neither proves nor disproves
    }
    if (wq == Qualifier.EXACT && pq == Qualifier.EXACT) {
      return p > w ? Check.Severity.ERROR : p < w ? Check.Severity.WARNING : null;
    }
    if (wq == Qualifier.EXACT) {
      return exceeds(p, pq, w) ? Check.Severity.ERROR : null;
    }
    if (pq == Qualifier.EXACT) {
      return violates(p, w, wq) ? Check.Severity.WARNING : null;
    }
    return null;
  }

  /** Whether an exact value is impossible under a lower bound. */
  static boolean violates(long exact, long bound, Qualifier qualifier) {
    return switch (qualifier) {
      case MORE_THAN -> exact <= bound;
      case AT_LEAST -> exact < bound;
      default -> false;
    };
  }

  private static boolean exceeds(Known part, Known whole) {
    return whole.qualifier() == Qualifier.EXACT && part.qualifier() != Qualifier.APPROXIMATE
        && exceeds(part.value(), part.qualifier(), whole.value());
  }

  /** Whether a part (exact, or a lower bound) is certainly larger than an exact whole. */
  private static boolean exceeds(long part, Qualifier qualifier, long whole) {
    return qualifier == Qualifier.MORE_THAN ? part >= whole : part > whole;
  }
}
