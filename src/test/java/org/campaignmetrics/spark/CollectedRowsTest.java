package org.campaignmetrics.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.campaignmetrics.SparkTest;
import org.junit.jupiter.api.Test;

class CollectedRowsTest extends SparkTest {
  @Test
  void rowsComeBackWithTheirSchemaAndDatesAsLocalDates() {
    List<Row> rows = CollectedRows.of(spark.sql("SELECT * FROM VALUES "
        + "('r1', CAST(7 AS BIGINT), 3, true, DATE'2024-07-16'),"
        // before the Gregorian reform: a java.sql.Date would move it by days (Julian rebase)
        + "(NULL, NULL, NULL, NULL, DATE'1000-01-01') AS t(id, count, rank, flag, day) ORDER BY day DESC"));
    assertEquals(2, rows.size());
    Row first = rows.get(0);
    assertEquals("r1", first.getAs("id"));
    assertEquals(7L, first.<Long>getAs("count"));
    assertEquals(3, first.<Integer>getAs("rank"));
    assertEquals(true, first.getAs("flag"));
    assertEquals(LocalDate.of(2024, 7, 16), first.getAs("day"));
    Row second = rows.get(1);
    assertNull(second.getAs("id"));
    assertNull(second.getAs("count"));
    assertNull(second.getAs("flag"));
    assertEquals(LocalDate.of(1000, 1, 1), second.getAs("day"));
  }

  @Test
  void doublesComeAsTheyAre() {
    List<Row> rows = CollectedRows.of(spark.sql("SELECT 0.05D AS tolerance UNION ALL SELECT NULL"));
    assertEquals(0.05, rows.get(0).<Double>getAs("tolerance"));
    assertNull(rows.get(1).getAs("tolerance"));
  }

  @Test
  void aTypeWithoutADriverFormIsNamed() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> CollectedRows.of(spark.sql("SELECT CAST(0.5 AS DECIMAL(3, 2)) AS share")));
    assertEquals("column share: no driver form for decimal(3,2)", error.getMessage());
  }
}
