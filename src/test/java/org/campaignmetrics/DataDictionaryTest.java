package org.campaignmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.campaignmetrics.export.PostgresExport;
import org.campaignmetrics.tables.DataDictionary;
import org.campaignmetrics.tables.OutputTable;
import org.campaignmetrics.tables.OutputTables;
import org.junit.jupiter.api.Test;

/** docs/data-dictionary.md documents every output table and column, with the columns' types. */
class DataDictionaryTest {

  private static List<String> columns(StructType schema) {
    List<String> columns = new ArrayList<>();
    for (StructField field : schema.fields()) {
      columns.add(field.name() + " " + field.dataType().simpleString());
    }
    return columns;
  }

  private static Map<String, List<String>> documented(Map<String, DataDictionary.Table> dictionary, boolean exportOnly) {
    Map<String, List<String>> documented = new LinkedHashMap<>();
    for (DataDictionary.Table table : dictionary.values()) {
      if (table.exportOnly() == exportOnly) {
        documented.put(table.name(), table.columns().stream().map(c -> c.name() + " " + c.type()).toList());
      }
    }
    return documented;
  }

  @Test
  void theDictionaryAndTheOutputSchemasAgree() throws Exception {
    Map<String, DataDictionary.Table> dictionary = DataDictionary.parse(Files.readAllLines(Path.of("docs/data-dictionary.md")));
    Map<String, List<String>> actual = new LinkedHashMap<>();
    for (OutputTable table : OutputTables.ALL) {
      actual.put(table.name(), columns(table.schema()));
    }
    Map<String, List<String>> documented = documented(dictionary, false);
    assertEquals(List.copyOf(actual.keySet()), List.copyOf(documented.keySet()), "tables, in the registry's order");
    for (String name : actual.keySet()) {
      assertEquals(actual.get(name), documented.get(name), name);
    }
    // the table only the PostgreSQL export writes
    assertEquals(Map.of(PostgresExport.RUNS, columns(PostgresExport.RUNS_SCHEMA)), documented(dictionary, true));
  }

  @Test
  void theJarCarriesTheDictionaryAndItsCommentsReadAsText() throws Exception {
    Map<String, DataDictionary.Table> carried = DataDictionary.load();
    assertEquals(DataDictionary.parse(Files.readAllLines(Path.of("docs/data-dictionary.md"))), carried);
    DataDictionary.Table figures = carried.get("figures");
    assertEquals("One row per period, theater and metric: the one value the job stands behind.", figures.comment());
    assertEquals("the figure (for a bound, the bound itself: >30 is 30 with qualifier more_than) (count)",
        figures.column("value").orElseThrow().comment());
    assertEquals("calendar label or ISO interval", figures.column("period_label").orElseThrow().comment());
    assertEquals("unit: day", carried.get("checks").column("period_end").orElseThrow().comment());
    assertTrue(carried.get("checks").column("figures").isPresent());
  }
}
