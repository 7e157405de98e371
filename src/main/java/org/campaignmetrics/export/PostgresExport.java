package org.campaignmetrics.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.campaignmetrics.spark.RootCause;
import org.campaignmetrics.tables.DataDictionary;
import org.campaignmetrics.tables.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports every output table into a PostgreSQL schema, all or nothing, for BI tools.
 *
 * <p>Each table is created in {@code <schema>_staging} with exact types and a primary key on its
 * natural key, and loaded there by Spark's JDBC writer (which commits each partition on its own,
 * hence the staging). Only when every table is loaded does one transaction swap them in: a table
 * whose columns and key are unchanged gets its rows replaced (DELETE, then INSERT from staging), so
 * views and grants on it survive and readers see the old rows until the commit; a new table, or one
 * whose columns changed, is moved in (the old one dropped, which a view on it refuses: the export
 * then fails and changes nothing). Comments come from the data dictionary; {@code runs} says which
 * run the tables hold. A failure at any point leaves the previous tables as they were.
 */
public final class PostgresExport {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresExport.class);


  /** The table only the export writes: one row, the run whose figures the other tables hold. */
  public static final String RUNS = "runs";
  public static final StructType RUNS_SCHEMA = new StructType()
      .add("run_id", DataTypes.StringType, false)
      .add("run_date", DataTypes.DateType, false)
      .add("exported_at", DataTypes.TimestampType, false);


  private PostgresExport() {}

  /** What an export wrote: the rows of each table, as counted in the database. */
  public record Result(Map<String, Long> rows) {}

  /** A failed export, with a message that names the target and the step and never the password. */
  public static final class ExportException extends RuntimeException {
    ExportException(PostgresTarget target, String step, Exception cause) {
      super("PostgreSQL export to " + target.url() + " schema " + target.schema() + ": " + step + ": "
          + PostgresSql.redact(RootCause.message(cause), target.secret("password"),
              target.secret("sslpassword")), cause);
    }
  }

  /**
   * Loads every table into staging and swaps them in, in one transaction. The tables' Datasets are
   * written by Spark's JDBC writer; DDL and the swap run here, on one connection.
   */
  public static Result export(SparkSession spark, PostgresTarget target, List<Table> tables, String runId,
      LocalDate runDate) {
    String staging = target.schema() + "_staging";
    String step = "connecting";
    try (Connection db = connect(target)) {
      step = "locking";
      lock(db, target.schema());
      Map<String, DataDictionary.Table> dictionary = DataDictionary.load();
      try {
        step = "preparing " + staging;
        // whatever a crashed export left in staging goes first
        execute(db, "DROP SCHEMA IF EXISTS " + PostgresSql.quote(staging) + " CASCADE", "CREATE SCHEMA " + PostgresSql.quote(staging));
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Table table : tables) {
          step = "loading " + table.name();
          rows.put(table.name(), load(spark, db, target, staging, table));
        }
        step = "loading " + RUNS;
        execute(db, PostgresSql.createTable(PostgresSql.qualified(staging, RUNS), RUNS_SCHEMA, List.of("run_id")));
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO " + PostgresSql.qualified(staging, RUNS)
            + " (run_id, run_date, exported_at) VALUES (?, ?, now())")) {
          insert.setString(1, runId);
          insert.setObject(2, runDate);
          insert.executeUpdate();
        }
        step = "swapping in the new tables";
        List<String> names = new ArrayList<>(rows.keySet());
        names.add(RUNS);
        swap(db, target.schema(), staging, names, dictionary);
        return new Result(rows);
      } catch (Exception e) { // Spark's writer throws SparkException, checked, undeclared
        dropStaging(db, staging);
        throw e;
      }
    } catch (Exception e) {
      throw new ExportException(target, step, e);
    }
  }

  private static long load(SparkSession spark, Connection db, PostgresTarget target, String staging, Table table)
      throws SQLException {
    long started = System.nanoTime();
    String name = PostgresSql.qualified(staging, table.name());
    execute(db, PostgresSql.createTable(name, table.schema(), table.key()));
    Properties writer = target.connectionProperties();
    writer.putIfAbsent("reWriteBatchedInserts", "true"); // one multi-row INSERT per batch
    table.dataFrame(spark).write().mode(SaveMode.Append)
        .option("driver", org.postgresql.Driver.class.getName()) // found under spark-submit too
        .jdbc(target.url(), name, writer);
    execute(db, PostgresSql.roundRates(name, table.schema()).toArray(new String[0]));
    long rows;
    try (Statement statement = db.createStatement();
        ResultSet count = statement.executeQuery("SELECT count(*) FROM " + name)) {
      count.next();
      rows = count.getLong(1);
    }
    // loaded, not yet visible: the swap, after the last table, publishes them all
    LOG.info("loaded {} into PostgreSQL staging: {} rows ({} ms)", table.name(), rows,
        (System.nanoTime() - started) / 1_000_000);
    return rows;
  }

  /** One transaction: every staged table replaces its live one, with the dictionary's comments. */
  private static void swap(Connection db, String schema, String staging, List<String> names,
      Map<String, DataDictionary.Table> dictionary) throws SQLException {
    db.setAutoCommit(false);
    try {
      execute(db, "CREATE SCHEMA IF NOT EXISTS " + PostgresSql.quote(schema));
      for (String name : names) {
        String live = PostgresSql.qualified(schema, name);
        String staged = PostgresSql.qualified(staging, name);
        List<String> liveShape = shape(db, live);
        List<String> stagedShape = shape(db, staged);
        if (liveShape.equals(stagedShape)) {
          // same columns and key: new rows in the old table, so its views and grants stay
          String columns = columns(db, staged);
          execute(db, "DELETE FROM " + live,
              "INSERT INTO " + live + " (" + columns + ") SELECT " + columns + " FROM " + staged);
        } else {
          if (!liveShape.isEmpty()) {
            execute(db, "DROP TABLE " + live); // RESTRICT: a view on the old columns stops the export
          }
          execute(db, "ALTER TABLE " + staged + " SET SCHEMA " + PostgresSql.quote(schema));
        }
        execute(db, PostgresSql.comments(live, columnNames(db, live), dictionary.get(name)).toArray(new String[0]));
      }
      execute(db, "DROP SCHEMA " + PostgresSql.quote(staging) + " CASCADE");
      db.commit();
    } catch (SQLException | RuntimeException e) {
      try {
        db.rollback();
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
  }

  // The server

  private static Connection connect(PostgresTarget target) throws SQLException {
    // the driver directly, not DriverManager, which does not see a driver in spark-submit's class loader
    Connection db = new org.postgresql.Driver().connect(target.url(), target.connectionProperties());
    if (db == null) {
      throw new SQLException("the PostgreSQL driver does not accept the URL");
    }
    return db;
  }

  /** One export per schema at a time: a session lock, released when the connection closes. */
  private static void lock(Connection db, String schema) throws SQLException {
    try (PreparedStatement lock = db.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
      lock.setString(1, "campaign-metrics export " + schema);
      try (ResultSet locked = lock.executeQuery()) {
        locked.next();
        if (!locked.getBoolean(1)) {
          throw new SQLException("another export to schema " + schema + " is running");
        }
      }
    }
  }

  /** Each column's name, type and position in the primary key; empty when the table does not exist. */
  private static List<String> shape(Connection db, String qualifiedName) throws SQLException {
    List<String> shape = new ArrayList<>();
    try (PreparedStatement query = db.prepareStatement(
        "SELECT a.attname, format_type(a.atttypid, a.atttypmod), "
            + "coalesce(array_position(i.indkey::int2[], a.attnum), -1) "
            + "FROM pg_attribute a LEFT JOIN pg_index i ON i.indrelid = a.attrelid AND i.indisprimary "
            + "WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
      query.setString(1, qualifiedName);
      try (ResultSet columns = query.executeQuery()) {
        while (columns.next()) {
          shape.add(columns.getString(1) + " " + columns.getString(2) + " key " + columns.getInt(3));
        }
      }
    }
    return shape;
  }

  private static List<String> columnNames(Connection db, String qualifiedName) throws SQLException {
    return shape(db, qualifiedName).stream().map(c -> c.substring(0, c.indexOf(' '))).toList();
  }

  private static String columns(Connection db, String qualifiedName) throws SQLException {
    return columnNames(db, qualifiedName).stream().map(PostgresSql::quote).collect(Collectors.joining(", "));
  }

  private static void execute(Connection db, String... statements) throws SQLException {
    try (Statement statement = db.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** Best effort after a failure; what is left, the next export removes first. */
  private static void dropStaging(Connection db, String staging) {
    try {
      if (!db.getAutoCommit()) {
        db.rollback();
        db.setAutoCommit(true);
      }
      execute(db, "DROP SCHEMA IF EXISTS " + PostgresSql.quote(staging) + " CASCADE");
    } catch (SQLException e) {
      LOG.warn("could not remove {} after the failed export (the next export will): {}", staging, e.getMessage());
    }
  }
}
