package org.campaignmetrics.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.campaignmetrics.model.Derivation;
import org.campaignmetrics.model.Figure;
import org.campaignmetrics.model.FigureChange;
import org.campaignmetrics.model.FigureChange.Kind;
import org.campaignmetrics.model.FigureTable;
import org.campaignmetrics.model.Period;
import org.campaignmetrics.model.Qualifier;
import org.junit.jupiter.api.Test;

class ChangesTest {
  private static Figure figure(Period period, String theater, String metric, long value, Qualifier qualifier,
      Derivation derivation) {
    return new Figure(FigureTable.of(metric), period, theater, metric, value, qualifier, derivation, "r", null);
  }

  private static final Period H1 = Period.half(2024, 1);
  private static final Period Q1 = Period.quarter(2024, 1);

  @Test
  void eachKindOfChangeOnceAndNothingForTheSameFigure() {
    List<Figure> before = List.of(
        figure(H1, "ALL", "missions", 196, Qualifier.EXACT, Derivation.REPORTED),
        figure(H1, "ALL", "killed", 44, Qualifier.EXACT, Derivation.REPORTED),
        figure(H1, "ALL", "leaders_removed", 30, Qualifier.MORE_THAN, Derivation.REPORTED),
        figure(Q1, "IRAQ", "missions", 66, Qualifier.EXACT, Derivation.REPORTED),
        figure(Q1, "ALL", "detained", 63, Qualifier.EXACT, Derivation.REPORTED));
    List<Figure> after = List.of(
        figure(H1, "ALL", "missions", 196, Qualifier.EXACT, Derivation.SUMMED), // same value and qualifier
        figure(H1, "ALL", "killed", 45, Qualifier.EXACT, Derivation.REPORTED),
        figure(H1, "ALL", "leaders_removed", 30, Qualifier.EXACT, Derivation.REPORTED),
        figure(Q1, "SYRIA", "missions", 28, Qualifier.EXACT, Derivation.REPORTED),
        figure(Q1, "ALL", "detained", 63, Qualifier.EXACT, Derivation.REPORTED));
    List<FigureChange> changes = Changes.between(before, after);
    assertEquals(List.of(Kind.REMOVED, Kind.ADDED, Kind.REVISED, Kind.REQUALIFIED),
        changes.stream().map(FigureChange::kind).toList(), changes.toString());
    assertEquals("IRAQ", changes.get(0).previous().theater());
    assertNull(changes.get(0).current());
    assertNull(changes.get(1).previous());
    assertEquals(44, changes.get(2).previous().value());
    assertEquals(45, changes.get(2).current().value());
    assertEquals(Qualifier.MORE_THAN, changes.get(3).previous().qualifier());
  }

  @Test
  void aFirstRunComparedWithNothingAddsEverything() {
    List<Figure> now = List.of(figure(H1, "ALL", "missions", 196, Qualifier.EXACT, Derivation.REPORTED));
    assertEquals(List.of(Kind.ADDED), Changes.between(List.of(), now).stream().map(FigureChange::kind).toList());
    assertEquals(List.of(), Changes.between(now, now));
  }
}
