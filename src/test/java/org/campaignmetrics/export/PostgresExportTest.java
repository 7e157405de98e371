package org.campaignmetrics.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.campaignmetrics.CampaignMetrics;
import org.campaignmetrics.SparkTest;
import org.campaignmetrics.publish.RunManifest;
import org.campaignmetrics.publish.StagedPublish;
import org.campaignmetrics.spark.TableRows;
import org.campaignmetrics.tables.DataDictionary;
import org.campaignmetrics.tables.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export against a real PostgreSQL server, whose address comes from
 * CAMPAIGN_METRICS_TEST_JDBC_URL, _USER and _PASSWORD (jobs/with-postgres sets them; CI fails when
 * this class is skipped). Each run uses a schema of its own and drops it at the end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresExportTest extends SparkTest {
  private static final String URL = System.getenv("CAMPAIGN_METRICS_TEST_JDBC_URL");
  private static final String USER = System.getenv("CAMPAIGN_METRICS_TEST_JDBC_USER");
  private static final String PASSWORD = System.getenv("CAMPAIGN_METRICS_TEST_JDBC_PASSWORD");
  private static final String SCHEMA = "cm_test_" + UUID.randomUUID().toString().substring(0, 8);
  private static final List<String> TABLES = List.of("figures", "operations_periods", "theater_split",
      "attack_trends", "context_series", "checks", "rejects", PostgresExport.RUNS);

  @TempDir
  static Path output;
  private static List<Table> published;
  private static Connection db;

  @BeforeAll
  static void exportTheSampleRun() throws SQLException {
    assumeTrue(URL != null, "CAMPAIGN_METRICS_TEST_JDBC_URL is not set: run under jobs/with-postgres");
    db = DriverManager.getConnection(URL, USER, PASSWORD);
    CampaignMetrics.Outputs outputs = CampaignMetrics.run(spark, "sample-data", output.toString(),
        new CampaignMetrics.Options(false, LocalDate.parse("2024-07-16"), "first", Map.of(), target(SCHEMA)));
    published = StagedPublish.published(spark, output.toString(), outputs.tables());
  }

  @AfterAll
  static void dropTheSchemas() throws SQLException {
    if (db != null) {
      execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "DROP SCHEMA IF EXISTS " + SCHEMA + "_staging CASCADE",
          "DROP SCHEMA IF EXISTS " + SCHEMA + "_cli CASCADE");
      db.close();
    }
  }

  private static PostgresTarget target(String schema) {
    Properties properties = new Properties();
    properties.setProperty("user", USER);
    properties.setProperty("password", PASSWORD);
    return new PostgresTarget(URL, schema, properties);
  }

  private static List<List<Object>> query(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
          row.add(result.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static Object scalar(String sql) throws SQLException {
    return query(sql).get(0).get(0);
  }

  private static void execute(String... statements) throws SQLException {
    try (Statement statement = db.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** Every table's rows, as one digest each: what a dashboard would read. */
  private static Map<String, Object> contents() throws SQLException {
    Map<String, Object> contents = new LinkedHashMap<>();
    for (String table : TABLES) {
      contents.put(table, scalar("SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') "
          + "FROM " + SCHEMA + "." + table + " t"));
    }
    return contents;
  }

  private static String[] doubles(Dataset<Row> rows) {
    return java.util.Arrays.stream(rows.schema().fields())
        .filter(f -> f.dataType().equals(org.apache.spark.sql.types.DataTypes.DoubleType))
        .map(StructField::name).toArray(String[]::new);
  }

  /** Every row as text, doubles at six significant digits, sorted: a table's content whatever its order. */
  private static List<String> normalized(Dataset<Row> rows) {
    List<String> lines = new ArrayList<>();
    for (Row row : rows.collectAsList()) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        Object value = row.get(i);
        cells.add(value instanceof Double d
            ? Double.toString(new java.math.BigDecimal(d).round(new java.math.MathContext(6)).doubleValue())
            : String.valueOf(value));
      }
      lines.add(String.join("|", cells));
    }
    java.util.Collections.sort(lines);
    return lines;
  }

  private static Table table(String name) {
    return published.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  private static List<Table> replacing(String name, Dataset<Row> rows) {
    return published.stream()
        .map(t -> t.name().equals(name) ? Table.of(name, rows.schema(), t.key(), new TableRows.InSpark(rows)) : t).toList();
  }

  @Test
  @Order(1)
  void everyTableHoldsTheParquetRowsWithTypesKeysAndComments() throws Exception {
    JsonNode manifest = new ObjectMapper().readTree(output.resolve(RunManifest.FILE).toFile());
    for (Table table : published) {
      Dataset<Row> parquet = table.dataFrame(spark);
      Dataset<Row> exported = spark.read().jdbc(URL, SCHEMA + "." + table.name(), target(SCHEMA).properties())
          .select(parquet.columns()[0], java.util.Arrays.copyOfRange(parquet.columns(), 1, parquet.columns().length));
      long rows = parquet.count();
      assertEquals(rows, (long) (Long) scalar("SELECT count(*) FROM " + SCHEMA + "." + table.name()), table.name());
      assertEquals(rows, manifest.at("/postgres_export/rows/" + table.name()).asLong(), table.name());
      // the same rows, rates to the six significant digits the export (like the CSV files) rounds them to
      assertEquals(normalized(parquet), normalized(exported), table.name() + ": PostgreSQL rows against Parquet");
      assertEquals(0, parquet.drop(doubles(parquet)).exceptAll(exported.drop(doubles(parquet))).count(), table.name());

      List<String> types = new ArrayList<>();
      for (StructField field : parquet.schema().fields()) {
        types.add(field.name() + " " + switch (field.dataType().simpleString()) {
          case "date" -> "date";
          case "int" -> "integer";
          case "bigint" -> "bigint";
          case "double" -> "double precision";
          case "string" -> "text";
          default -> field.dataType().simpleString();
        });
      }
      assertEquals(types, query("SELECT column_name || ' ' || data_type FROM information_schema.columns "
          + "WHERE table_schema = '" + SCHEMA + "' AND table_name = '" + table.name() + "' ORDER BY ordinal_position")
          .stream().map(r -> (String) r.get(0)).toList(), table.name());
      assertEquals(table.key(), query("SELECT k.column_name FROM information_schema.table_constraints c "
          + "JOIN information_schema.key_column_usage k USING (constraint_schema, constraint_name) "
          + "WHERE c.table_schema = '" + SCHEMA + "' AND c.table_name = '" + table.name() + "' "
          + "AND c.constraint_type = 'PRIMARY KEY' ORDER BY k.ordinal_position").stream()
          .map(r -> (String) r.get(0)).toList(), table.name() + " primary key");
    }
    assertEquals(List.of(102L, "difference"), query("SELECT value, derivation FROM " + SCHEMA + ".figures "
        + "WHERE period_label = '2024-Q2' AND theater = 'ALL' AND metric = 'missions'").get(0));
    assertEquals(List.of(44L, 196L, 0.224490), query("SELECT killed, missions, round(killed_per_mission::numeric, 6)::float8 "
        + "FROM " + SCHEMA + ".operations_periods WHERE period_label = '2024-H1' AND theater = 'ALL'").get(0));
    assertEquals(2.54282, scalar("SELECT round(annualized_multiple::numeric, 6)::float8 FROM " + SCHEMA
        + ".attack_trends WHERE period_label = '2024-H1' AND theater = 'ALL'"));
    assertEquals(List.of("first", java.sql.Date.valueOf("2024-07-16")),
        query("SELECT run_id, run_date FROM " + SCHEMA + ".runs").get(0).subList(0, 2));
    assertEquals(1L, scalar("SELECT count(*) FROM " + SCHEMA + ".runs"));

    Map<String, DataDictionary.Table> dictionary = DataDictionary.load();
    assertEquals(dictionary.get("figures").comment(), scalar("SELECT obj_description('" + SCHEMA + ".figures'::regclass)"));
    assertEquals("the figure (for a bound, the bound itself: >30 is 30 with qualifier more_than) (count)",
        scalar("SELECT col_description('" + SCHEMA + ".figures'::regclass, 7)"));
    assertEquals(dictionary.get("runs").column("run_id").orElseThrow().comment(),
        scalar("SELECT col_description('" + SCHEMA + ".runs'::regclass, 1)"));
    assertEquals(0L, scalar("SELECT count(*) FROM information_schema.schemata WHERE schema_name = '" + SCHEMA + "_staging'"));
    assertEquals(SCHEMA, manifest.at("/postgres_export/schema").asText());
    assertEquals(URL, manifest.at("/postgres_export/url").asText());
  }

  @Test
  @Order(2)
  void aRerunReplacesTheRowsAndKeepsViewsOnTheTables() throws Exception {
    Map<String, Object> before = contents();
    Object figuresTable = scalar("SELECT '" + SCHEMA + ".figures'::regclass::oid");
    execute("CREATE VIEW " + SCHEMA + ".h1_killed AS SELECT theater, value FROM " + SCHEMA + ".figures "
        + "WHERE period_label = '2024-H1' AND metric = 'killed'");
    PostgresExport.export(spark, target(SCHEMA), published, "second", LocalDate.parse("2024-07-17"));
    Map<String, Object> after = contents();
    assertNotEquals(before.remove(PostgresExport.RUNS), after.remove(PostgresExport.RUNS));
    assertEquals(before, after, "the same rows, none duplicated");
    assertEquals(List.of(List.of("second")), query("SELECT run_id FROM " + SCHEMA + ".runs"));
    assertEquals(figuresTable, scalar("SELECT '" + SCHEMA + ".figures'::regclass::oid"), "the same table");
    assertEquals(3L, scalar("SELECT count(*) FROM " + SCHEMA + ".h1_killed"));
  }

  @Test
  @Order(3)
  void aBrokenExportLeavesThePreviousTablesAsTheyWere() throws Exception {
    Map<String, Object> before = contents();

    // rows that break the primary key, loaded after the other tables
    Dataset<Row> context = table("context_series").dataFrame(spark);
    PostgresExport.ExportException duplicates = assertThrows(PostgresExport.ExportException.class, () ->
        PostgresExport.export(spark, target(SCHEMA), replacing("context_series", context.union(context)), "broken",
            LocalDate.parse("2024-07-18")));
    assertTrue(duplicates.getMessage().startsWith("PostgreSQL export to " + URL + " schema " + SCHEMA
        + ": loading context_series: "), duplicates.getMessage());
    assertTrue(duplicates.getMessage().contains("duplicate key"), duplicates.getMessage());
    assertEquals(before, contents());

    // changed columns under a view: the swap fails midway and rolls back what it had swapped
    execute("CREATE VIEW " + SCHEMA + ".split AS SELECT * FROM " + SCHEMA + ".theater_split");
    Dataset<Row> fewerColumns = table("theater_split").dataFrame(spark).drop("precision");
    PostgresExport.ExportException swap = assertThrows(PostgresExport.ExportException.class, () ->
        PostgresExport.export(spark, target(SCHEMA), replacing("theater_split", fewerColumns), "broken",
            LocalDate.parse("2024-07-18")));
    assertTrue(swap.getMessage().contains(": swapping in the new tables: "), swap.getMessage());
    assertEquals(before, contents());
    assertEquals(0L, scalar("SELECT count(*) FROM information_schema.schemata WHERE schema_name = '" + SCHEMA + "_staging'"));

    // without the view, changed columns replace the table
    execute("DROP VIEW " + SCHEMA + ".split");
    PostgresExport.export(spark, target(SCHEMA), replacing("theater_split", fewerColumns), "fewer",
        LocalDate.parse("2024-07-18"));
    assertEquals(0L, scalar("SELECT count(*) FROM information_schema.columns WHERE table_schema = '" + SCHEMA
        + "' AND table_name = 'theater_split' AND column_name = 'precision'"));

    // what a crashed export leaves in staging does not disturb the next one
    execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA + "_staging",
        "CREATE TABLE " + SCHEMA + "_staging.figures (leftover int)", "INSERT INTO " + SCHEMA + "_staging.figures VALUES (1)",
        "CREATE TABLE " + SCHEMA + "_staging.something_else (leftover int)");
    PostgresExport.export(spark, target(SCHEMA), published, "second", LocalDate.parse("2024-07-17"));
    Map<String, Object> restored = contents();
    before.remove(PostgresExport.RUNS);
    restored.remove(PostgresExport.RUNS);
    assertEquals(before, restored);
    assertEquals(0L, scalar("SELECT count(*) FROM information_schema.schemata WHERE schema_name = '" + SCHEMA + "_staging'"));
  }

  @Test
  @Order(4)
  void aPasswordNeverShowsInTheManifestOrAMessage() throws Exception {
    // the command line: user from the properties file, password from the environment
    Path properties = output.resolve("cli.properties");
    Files.writeString(properties, "user=" + USER + "\nApplicationName=campaign-metrics-test\n");
    Path out = output.resolve("cli");
    String[] result = org.campaignmetrics.CampaignMetricsJobTest.run(
        name -> name.equals(PostgresTarget.PASSWORD_ENV) ? PASSWORD : null,
        "--output", out.toString(), "--jdbc-url", URL, "--jdbc-properties", properties.toString(),
        "--jdbc-schema", SCHEMA + "_cli");
    assertEquals("0", result[0], result[1]);
    assertTrue(result[1].contains("and PostgreSQL schema " + SCHEMA + "_cli"), result[1]);
    String manifest = Files.readString(out.resolve(RunManifest.FILE));
    assertFalse(manifest.contains(PASSWORD), "the password is in the manifest");
    assertFalse(result[1].contains(PASSWORD) || result[2].contains(PASSWORD), "the password is in the log");
    JsonNode parameters = new ObjectMapper().readTree(manifest).get("parameters");
    assertEquals(URL, parameters.get("jdbc_url").asText());
    assertEquals(SCHEMA + "_cli", parameters.get("jdbc_schema").asText());
    assertEquals(USER, new ObjectMapper().readTree(manifest).at("/postgres_export/user").asText());
    assertEquals(table("figures").dataFrame(spark).count(), (long) (Long) scalar("SELECT count(*) FROM " + SCHEMA + "_cli.figures"));

    // a wrong password: refused, and not repeated
    Properties wrong = new Properties();
    wrong.setProperty("user", USER);
    wrong.setProperty("password", "not-" + PASSWORD);
    PostgresExport.ExportException refused = assertThrows(PostgresExport.ExportException.class, () ->
        PostgresExport.export(spark, new PostgresTarget(URL, SCHEMA, wrong), published, "x", LocalDate.now()));
    assertTrue(refused.getMessage().contains("connecting: "), refused.getMessage());
    assertFalse(refused.getMessage().contains(PASSWORD), refused.getMessage());
  }
}
