package org.campaignmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.StructField;
import org.campaignmetrics.io.OutputWriter;
import org.junit.jupiter.api.Test;

/** docs/data-dictionary.md documents every output table and column, with the columns' types. */
class DataDictionaryTest extends SparkTest {
  private static final Pattern TABLE = Pattern.compile("^## `([a-z_]+)`$");
  private static final Pattern COLUMN = Pattern.compile("^\\| ([a-z_0-9]+) \\| ([a-z]+) \\|.*");

  @Test
  void theDictionaryAndTheOutputSchemasAgree() throws Exception {
    Map<String, List<String>> documented = new LinkedHashMap<>();
    List<String> current = null;
    for (String line : Files.readAllLines(Path.of("docs/data-dictionary.md"))) {
      Matcher table = TABLE.matcher(line);
      Matcher column = COLUMN.matcher(line);
      if (table.matches()) {
        current = new ArrayList<>();
        documented.put(table.group(1), current);
      } else if (line.startsWith("## ")) {
        current = null;
      } else if (current != null && column.matches() && !line.startsWith("| column | type |")) {
        current.add(column.group(1) + " " + column.group(2));
      }
    }
    Map<String, List<String>> actual = new LinkedHashMap<>();
    for (OutputWriter.Table table : CampaignMetrics.compute(spark, "sample-data").tables()) {
      List<String> columns = new ArrayList<>();
      for (StructField field : table.rows().schema().fields()) {
        columns.add(field.name() + " " + field.dataType().simpleString());
      }
      actual.put(table.name(), columns);
    }
    assertEquals(actual.keySet(), documented.keySet(), "tables");
    for (String name : actual.keySet()) {
      assertEquals(actual.get(name), documented.get(name), name);
    }
  }
}
