package org.campaignmetrics.derive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.campaignmetrics.model.Figure;
import org.campaignmetrics.model.FigureChange;
import org.campaignmetrics.model.FigureChange.Kind;
import org.campaignmetrics.model.Period;

/** What changed between the figures of the previous published run and this run's. */
public final class Changes {
  private Changes() {}

  private record Key(Period period, String theater, String metric) {
    static Key of(Figure f) {
      return new Key(f.period(), f.theater(), f.metric());
    }
  }

  /** One change per (period, theater, metric) that differs in value or qualifier, sorted by that key. */
  public static List<FigureChange> between(List<Figure> previous, List<Figure> current) {
    Map<Key, Figure> before = new HashMap<>();
    previous.forEach(f -> before.put(Key.of(f), f));
    List<FigureChange> changes = new ArrayList<>();
    for (Figure now : current) {
      Figure then = before.remove(Key.of(now));
      if (then == null) {
        changes.add(new FigureChange(Kind.ADDED, null, now));
      } else if (then.value() != now.value()) {
        changes.add(new FigureChange(Kind.REVISED, then, now));
      } else if (!Objects.equals(then.qualifier(), now.qualifier())) {
        changes.add(new FigureChange(Kind.REQUALIFIED, then, now));
      }
    }
    before.values().forEach(gone -> changes.add(new FigureChange(Kind.REMOVED, gone, null)));
    changes.sort(Comparator.comparing((FigureChange c) -> c.either().period())
        .thenComparing(c -> c.either().theater()).thenComparing(c -> c.either().metric()));
    return changes;
  }
}
