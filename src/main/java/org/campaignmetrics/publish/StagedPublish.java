package org.campaignmetrics.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.campaignmetrics.spark.Progress;
import org.campaignmetrics.spark.TableRows;
import org.campaignmetrics.tables.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every output table as Parquet ({@code DIR/parquet/<table>/}) and as one CSV file with a
 * header ({@code DIR/csv/<table>.csv}).
 *
 * <p>Crash-safe publishing: every table is written under {@code DIR/_staging-<id>/}; only when all
 * are complete is the marker {@code DIR/_publish-<id>} created, and {@code parquet/} and {@code csv/}
 * are then swapped in by renames. A run killed before the marker leaves the previous outputs as they
 * were (its staging directory is deleted by the next run); a run killed during the swap is rolled
 * forward by the next run, which finds the marker.
 */
public final class StagedPublish {
  private static final Logger LOG = LoggerFactory.getLogger(StagedPublish.class);

  private StagedPublish() {}

  public static void writeAll(SparkSession spark, String outputDir, List<Table> tables) {
    writeAll(spark, outputDir, tables, null);
  }

  /**
   * Writes every table, and with a run date also {@code DIR/history/<table>/run_date=YYYY-MM-DD/}
   * (Parquet): a rerun for the same run date replaces that partition and nothing else.
   */
  public static void writeAll(SparkSession spark, String outputDir, List<Table> tables, String runDate) {
    Path output = new Path(outputDir);
    String token = UUID.randomUUID().toString().substring(0, 8);
    Path staging = new Path(output, "_staging-" + token);
    try {
      FileSystem fs = output.getFileSystem(spark.sparkContext().hadoopConfiguration());
      recover(fs, output);
      // Tables are written side by side (each to files of its own): the driver's work, which a
      // second core would otherwise watch. Logged in table order once all are written.
      List<Long> millis = tables.parallelStream().map(table -> {
        long started = System.nanoTime();
        try (Progress progress = Progress.of("writing " + table.name())) {
          writeTable(spark, fs, staging, table);
          if (runDate != null) {
            // the history partition is a copy of the table's Parquet files: no second Spark job
            Path partition = new Path(staging, "history/" + table.name() + "/run_date=" + runDate);
            fs.mkdirs(partition);
            for (FileStatus file : fs.globStatus(new Path(staging, "parquet/" + table.name() + "/part-*"))) {
              org.apache.hadoop.fs.FileUtil.copy(fs, file.getPath(), fs, new Path(partition, file.getPath().getName()),
                  false, spark.sparkContext().hadoopConfiguration());
            }
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        return (System.nanoTime() - started) / 1_000_000;
      }).toList();
      for (int i = 0; i < tables.size(); i++) {
        LOG.info("wrote {} ({} ms)", tables.get(i).name(), millis.get(i));
      }
      publish(fs, output, staging, token);
    } catch (IOException | java.io.UncheckedIOException e) {
      Throwable cause = e instanceof java.io.UncheckedIOException unchecked ? unchecked.getCause() : e;
      throw new IllegalStateException("cannot write outputs under " + output + ": " + cause.getMessage(), cause);
    }
  }

  /** The tables as published under {@code DIR/parquet/}: what a later step reads, not a recomputation. */
  public static List<Table> published(SparkSession spark, String outputDir, List<Table> tables) {
    List<Table> published = new ArrayList<>();
    for (Table table : tables) {
      Path parquet = new Path(outputDir, "parquet/" + table.name());
      published.add(new Table(table.definition(),
          new TableRows.InSpark(spark.read().schema(table.schema()).parquet(parquet.toString()))));
    }
    return published;
  }

  private static void writeTable(SparkSession spark, FileSystem fs, Path staging, Table table)
      throws IOException {
    if (table.rows() instanceof TableRows.InSpark query) {
      writeWithSpark(spark, fs, staging, table, query.query());
      return;
    }
    List<Row> rows = sorted(table);
    Path parquet = new Path(staging, "parquet/" + table.name());
    fs.mkdirs(parquet);
    // named as Spark names its part files: the history copy and other readers look for part-*
    ParquetFile.write(fs.getConf(), new Path(parquet, "part-00000-" + UUID.randomUUID() + "-c000.snappy.parquet"),
        table.schema(), rows, spark.version());
    fs.create(new Path(parquet, "_SUCCESS"), false).close();
    CsvFile.write(fs, new Path(staging, "csv/" + table.name() + ".csv"), table.schema(), rows);
  }

  /** A driver table's rows in its order: ascending, empty (null) first, as Spark sorts. */
  static List<Row> sorted(Table table) {
    Comparator<Row> order = null;
    for (String column : table.key()) {
      int index = table.schema().fieldIndex(column);
      @SuppressWarnings({"unchecked", "rawtypes"})
      Comparator<Row> byColumn = Comparator.comparing(row -> (Comparable) row.get(index),
          Comparator.nullsFirst(Comparator.naturalOrder()));
      order = order == null ? byColumn : order.thenComparing(byColumn);
    }
    List<Row> rows = new ArrayList<>(((TableRows.OnDriver) table.rows()).rows());
    rows.sort(order);
    return rows;
  }

  private static void writeWithSpark(SparkSession spark, FileSystem fs, Path staging, Table table, Dataset<Row> query)
      throws IOException {
    String[] order = table.key().toArray(new String[0]);
    Path parquet = new Path(staging, "parquet/" + table.name());
    // One sorted file, as the CSV contract wants, even for a row-level table: a bad input's rejects.
    query.coalesce(1).sortWithinPartitions(order[0], rest(order))
        .write().mode(SaveMode.ErrorIfExists).parquet(parquet.toString());

    // The CSV is written from the Parquet just written, so both hold the same rows.
    Path csvParts = new Path(staging, "csv/_" + table.name());
    Dataset<Row> written = spark.read().schema(query.schema()).parquet(parquet.toString());
    defuseFormulas(written)
        .coalesce(1).sortWithinPartitions(order[0], rest(order))
        .write()
        .mode(SaveMode.ErrorIfExists)
        .option("header", "true")
        .option("encoding", "UTF-8")
        .option("quote", "\"")
        .option("escape", "\"") // RFC 4180: a quote inside a quoted value is doubled
        .option("dateFormat", "yyyy-MM-dd")
        .csv(csvParts.toString());
    FileStatus[] parts = fs.globStatus(new Path(csvParts, "part-*"));
    if (parts == null || parts.length != 1) {
      throw new IOException("expected one CSV part file for " + table.name() + " in " + csvParts);
    }
    Path csv = new Path(staging, "csv/" + table.name() + ".csv");
    if (!fs.rename(parts[0].getPath(), csv)) {
      throw new IOException("cannot move " + parts[0].getPath() + " to " + csv);
    }
    fs.delete(csvParts, true);
  }

  /**
   * CSV injection (OWASP, CWE-1236): a text cell that a spreadsheet would run as a formula, one
   * starting with =, +, -, @, tab or carriage return, gets a leading apostrophe. Numbers and dates
   * are never touched, and the Parquet copy keeps the raw value.
   */
  static Dataset<Row> defuseFormulas(Dataset<Row> rows) {
    List<Column> columns = new ArrayList<>();
    for (StructField field : rows.schema().fields()) {
      Column c = col(field.name());
      columns.add(field.dataType().equals(DataTypes.StringType)
          ? when(c.rlike(CsvFile.FORMULA_START), concat(lit("'"), c)).otherwise(c).as(field.name())
          : c);
    }
    return rows.select(columns.toArray(new Column[0]));
  }

  /** What a publish swaps in: parquet/, csv/ and each staged history partition. */
  private static List<String> units(FileSystem fs, Path staging) throws IOException {
    List<String> units = new ArrayList<>(List.of("parquet", "csv"));
    FileStatus[] partitions = fs.globStatus(new Path(staging, "history/*/run_date=*"));
    if (partitions != null) {
      for (FileStatus partition : partitions) {
        units.add("history/" + partition.getPath().getParent().getName() + "/" + partition.getPath().getName());
      }
    }
    return units;
  }

  private static void publish(FileSystem fs, Path output, Path staging, String token) throws IOException {
    Path marker = new Path(output, "_publish-" + token);
    fs.create(marker, false).close(); // from here on, the staged outputs are the ones to publish
    swapIn(fs, output, token);
  }

  /** Moves each staged part into place, the current one aside, then removes what is left. */
  private static void swapIn(FileSystem fs, Path output, String token) throws IOException {
    Path staging = new Path(output, "_staging-" + token);
    Path previous = new Path(output, "_previous-" + token);
    for (String part : units(fs, staging)) {
      Path staged = new Path(staging, part);
      if (!fs.exists(staged)) {
        continue; // already swapped in before an interruption
      }
      Path current = new Path(output, part);
      fs.mkdirs(current.getParent());
      if (fs.exists(current)) {
        Path aside = new Path(previous, part);
        fs.mkdirs(aside.getParent());
        if (!fs.rename(current, aside)) {
          throw new IOException("cannot move aside " + current);
        }
      }
      if (!fs.rename(staged, current)) {
        throw new IOException("cannot move " + staged + " to " + current);
      }
    }
    fs.delete(previous, true);
    fs.delete(staging, true);
    fs.delete(new Path(output, "_publish-" + token), false);
  }

  /**
   * Finishes what an interrupted run left: a marked publish is rolled forward; staging without a
   * marker was never complete and is deleted, as is anything moved aside by a finished publish.
   */
  static void recover(FileSystem fs, Path output) throws IOException {
    if (!fs.exists(output)) {
      return;
    }
    for (FileStatus marker : fs.globStatus(new Path(output, "_publish-*"))) {
      String token = marker.getPath().getName().substring("_publish-".length());
      LOG.warn("finishing the publish of an interrupted run ({})", token);
      swapIn(fs, output, token);
    }
    for (String leftover : List.of("_staging-*", "_previous-*")) {
      for (FileStatus dir : fs.globStatus(new Path(output, leftover))) {
        LOG.warn("removing {} left by an interrupted run", dir.getPath().getName());
        fs.delete(dir.getPath(), true);
      }
    }
  }

  private static String[] rest(String[] order) {
    return java.util.Arrays.copyOfRange(order, 1, order.length);
  }
}
