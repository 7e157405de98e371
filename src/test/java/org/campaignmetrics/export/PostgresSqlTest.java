package org.campaignmetrics.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.campaignmetrics.tables.DataDictionary;
import org.junit.jupiter.api.Test;

/** The export's SQL and its target, without a server. */
class PostgresSqlTest {
  private static final StructType PERIODS = new StructType()
      .add("period_start", DataTypes.DateType)
      .add("theater", DataTypes.StringType)
      .add("days", DataTypes.IntegerType)
      .add("killed", DataTypes.LongType)
      .add("killed_per_mission", DataTypes.DoubleType)
      .add("derived", DataTypes.BooleanType)
      .add("check", DataTypes.StringType);

  @Test
  void theTableTakesItsTypesFromTheSparkSchemaAndItsKeyFromTheNaturalKey() {
    assertEquals("""
        CREATE TABLE "s"."periods" (
          "period_start" DATE,
          "theater" TEXT,
          "days" INTEGER,
          "killed" BIGINT,
          "killed_per_mission" DOUBLE PRECISION,
          "derived" BOOLEAN,
          "check" TEXT,
          PRIMARY KEY ("period_start", "theater")
        )""", PostgresSql.createTable("\"s\".\"periods\"", PERIODS, List.of("period_start", "theater")));
    assertTrue(PostgresSql.createTable("t", PostgresExport.RUNS_SCHEMA, List.of("run_id"))
        .contains("\"exported_at\" TIMESTAMP WITH TIME ZONE"));
  }

  @Test
  void aTypeWithoutAPostgresCounterpartOrAKeyOutsideTheTableIsRefused() {
    IllegalArgumentException decimal = assertThrows(IllegalArgumentException.class, () -> PostgresSql.createTable(
        "t", new StructType().add("share", DataTypes.createDecimalType(10, 2)), List.of("share")));
    assertEquals("column share of t: no PostgreSQL type for decimal(10,2)", decimal.getMessage());
    IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
        () -> PostgresSql.createTable("t", PERIODS, List.of("period_end")));
    assertEquals("key column period_end is not a column of t", key.getMessage());
  }

  @Test
  void commentsComeFromTheDictionaryAsSafeLiterals() {
    DataDictionary.Table doc = DataDictionary.parse(List.of(
        "## `periods`", "", "One row per period: the theater's", "`figures`.", "",
        "| column | type | unit | meaning |", "| --- | --- | --- | --- |",
        "| killed | bigint | people | it's `>30` \\ more |", "| theater | string | | |")).get("periods");
    assertEquals(List.of(
        "COMMENT ON TABLE \"s\".\"periods\" IS E'One row per period: the theater''s figures.'",
        "COMMENT ON COLUMN \"s\".\"periods\".\"killed\" IS E'it''s >30 \\\\ more (people)'"),
        PostgresSql.comments("\"s\".\"periods\"", List.of("killed", "theater", "undocumented"), doc));
    assertEquals(List.of(), PostgresSql.comments("\"s\".\"t\"", List.of("x"), null));
  }

  @Test
  void identifiersAreQuotedSoThatReservedWordsAreColumnNames() {
    assertEquals("\"check\"", PostgresSql.quote("check"));
    assertEquals("\"a\"\"b\"", PostgresSql.quote("a\"b"));
    assertEquals("\"campaign_metrics\".\"column\"", PostgresSql.qualified("campaign_metrics", "column"));
  }

  @Test
  void theTargetRefusesAPasswordInTheUrlAndNeverShowsOne() {
    Properties secret = new Properties();
    secret.setProperty("user", "bi");
    secret.setProperty("password", "s3cret-pw");
    IllegalArgumentException inUrl = assertThrows(IllegalArgumentException.class,
        () -> new PostgresTarget("jdbc:postgresql://db/x?user=bi&password=s3cret-pw", "cm", new Properties()));
    assertFalse(inUrl.getMessage().contains("s3cret-pw"), inUrl.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new PostgresTarget("jdbc:postgresql://db/x?sslmode=require&sslpassword=key-pw", "cm", new Properties()));
    assertThrows(IllegalArgumentException.class,
        () -> new PostgresTarget("jdbc:mysql://db/x", "cm", new Properties()));
    assertThrows(IllegalArgumentException.class,
        () -> new PostgresTarget("jdbc:postgresql://db/x", "Campaign Metrics", new Properties()));
    PostgresTarget target = new PostgresTarget("jdbc:postgresql://db:5432/x", "cm", secret);
    assertEquals("jdbc:postgresql://db:5432/x schema cm user bi", target.toString());
    assertEquals("bi", target.user());
    assertEquals("could not connect as bi with *** to db (key ***)",
        PostgresSql.redact("could not connect as bi with s3cret-pw to db (key k-pw)", "s3cret-pw", null, "k-pw"));
  }

  @Test
  void ratesAreRoundedToSixSignificantDigitsInTheDatabase() {
    assertEquals(List.of("UPDATE \"s\".\"t\" SET \"rate\" = round(\"rate\"::numeric, 5 - floor(log(abs(\"rate\"::numeric)))::int)"
            + "::double precision WHERE \"rate\" <> 0 AND \"rate\" NOT IN ('NaN', 'Infinity', '-Infinity')"),
        PostgresSql.roundRates("\"s\".\"t\"", new org.apache.spark.sql.types.StructType()
            .add("n", org.apache.spark.sql.types.DataTypes.LongType).add("rate", org.apache.spark.sql.types.DataTypes.DoubleType)));
  }
}
