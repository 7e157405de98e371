package org.campaignmetrics.tools;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.campaignmetrics.model.Period;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * Writes a contract-valid input directory of event-level data at any size: two reports that declare
 * coverage (rule 2) with one row per mission and per claimed attack over three years and 3-5
 * theaters, plus a handful of press releases for the following year (official and media, overlapping
 * periods) so that every derivation rule runs at scale. The same seed gives the same bytes.
 */
@Command(name = "generate-events", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Writes a generated, contract-valid input directory of event-level figures.")
public final class GenerateEvents implements Callable<Integer> {
  static final LocalDate EVENTS_FROM = LocalDate.of(2021, 1, 1);
  static final LocalDate EVENTS_TO = LocalDate.of(2023, 12, 31);
  static final List<String> ALL_THEATERS = List.of("IRAQ", "SYRIA", "SOMALIA", "LIBYA", "AFGHANISTAN");
  /** Rows per generated partition: the partitioning, and so the bytes, depend on the row count only. */
  static final long ROWS_PER_PART = 4_000_000L;

  static final StructType OPERATIONS_SCHEMA = new StructType()
      .add("report_id", DataTypes.StringType).add("period_start", DataTypes.DateType)
      .add("period_end", DataTypes.DateType).add("theater", DataTypes.StringType)
      .add("missions", DataTypes.LongType).add("killed", DataTypes.LongType).add("detained", DataTypes.LongType)
      .add("leaders_killed", DataTypes.LongType).add("leaders_detained", DataTypes.LongType)
      .add("quote", DataTypes.StringType);
  static final StructType ATTACKS_SCHEMA = new StructType()
      .add("report_id", DataTypes.StringType).add("period_start", DataTypes.DateType)
      .add("period_end", DataTypes.DateType).add("theater", DataTypes.StringType)
      .add("claimed_attacks", DataTypes.LongType).add("quote", DataTypes.StringType);

  @Option(names = "--rows", required = true, paramLabel = "N", description = "Operation rows (one per mission).")
  long rows;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "Directory to write (created).")
  Path output;

  @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT",
      description = "csv or parquet for operations and attacks (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--master", defaultValue = "local[*]", paramLabel = "URL", description = "Spark master.")
  String master;

  public static void main(String[] args) {
    System.exit(new CommandLine(new GenerateEvents()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    if (!format.equals("csv") && !format.equals("parquet")) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--format must be csv or parquet");
    }
    SparkSession spark = SparkSession.builder().appName("generate-events").master(master)
        .config("spark.ui.enabled", "false").getOrCreate();
    try {
      generate(spark, rows, seed, output, format);
      System.err.println("generate-events: " + rows + " operation rows, " + rows / 10 + " attack rows ("
          + format + ") in " + output);
      return 0;
    } finally {
      spark.stop();
    }
  }

  public static void generate(SparkSession spark, long rows, long seed, Path output, String format)
      throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> theaters = ALL_THEATERS.subList(0, 3 + random.nextInt(3));
    Files.createDirectories(output);
    Releases releases = new Releases(theaters, random);
    Files.writeString(output.resolve("reports.csv"), releases.reportsCsv(), StandardCharsets.UTF_8);
    write(spark, events(spark, rows, seed, theaters, false), releases.operations(spark), output, "operations", format);
    write(spark, events(spark, rows / 10, seed, theaters, true), releases.attacks(spark), output, "attacks", format);
  }

  /** One row per mission (or claimed attack), dates and counts drawn from a hash of the seed and row. */
  static Dataset<Row> events(SparkSession spark, long count, long seed, List<String> theaters, boolean attacks) {
    int parts = (int) Math.max(1, (count + ROWS_PER_PART - 1) / ROWS_PER_PART);
    long days = EVENTS_TO.toEpochDay() - EVENTS_FROM.toEpochDay() + 1;
    Column id = col("id");
    Column salt = lit(attacks ? seed ^ 0x5DEECE66DL : seed);
    Column day = date_add(to_date(lit(EVENTS_FROM.toString())), pmod(xxhash64(salt, id, lit(1)), lit(days)).cast("int"));
    Column theater = element_at(org.apache.spark.sql.functions.array(theaters.stream().map(t -> lit(t))
        .toArray(Column[]::new)), pmod(xxhash64(salt, id, lit(2)), lit(theaters.size())).cast("int").plus(1));
    Dataset<Row> base = spark.range(0, count, 1, parts).select(day.as("period_start"), day.as("period_end"),
        theater.as("theater"), id);
    if (attacks) {
      return base.select(lit("events-attacks").as("report_id"), col("period_start"), col("period_end"),
          col("theater"), lit(1L).as("claimed_attacks"), lit(null).cast("string").as("quote"));
    }
    return base.select(lit("events-operations").as("report_id"), col("period_start"), col("period_end"),
        col("theater"), lit(1L).as("missions"),
        smallCount(salt, id, 3, 70, 5).as("killed"), smallCount(salt, id, 4, 60, 4).as("detained"),
        smallCount(salt, id, 5, 995, 2).as("leaders_killed"), smallCount(salt, id, 6, 990, 2).as("leaders_detained"),
        lit(null).cast("string").as("quote"));
  }

  /** 0 in zeroPercent (or per mille, above 100) of rows, else 1 .. max. */
  private static Column smallCount(Column salt, Column id, int stream, int zeroShare, int max) {
    int scale = zeroShare > 100 ? 1000 : 100;
    Column h = xxhash64(salt, id, lit(stream));
    return when(pmod(h, lit(scale)).lt(zeroShare), lit(0L))
        .otherwise(pmod(xxhash64(salt, id, lit(stream + 100)), lit(max)).plus(1).cast("long"));
  }

  private static void write(SparkSession spark, Dataset<Row> events, Dataset<Row> releases, Path output,
      String table, String format) throws IOException {
    Path temp = output.resolve("_" + table + "-parts");
    deleteRecursively(temp);
    if (format.equals("parquet")) {
      Path target = output.resolve(table + ".parquet");
      deleteRecursively(target);
      releases.unionByName(events).write().parquet(temp.toString());
      Files.createDirectories(target);
      int part = 0;
      for (Path file : partFiles(temp, ".parquet")) {
        Files.move(file, target.resolve(String.format("part-%05d.parquet", part++)), StandardCopyOption.REPLACE_EXISTING);
      }
    } else {
      releases.unionByName(events).write().option("header", "false").option("escape", "\"")
          .option("dateFormat", "yyyy-MM-dd").csv(temp.toString());
      try (OutputStream out = Files.newOutputStream(output.resolve(table + ".csv"))) {
        out.write((String.join(",", events.columns()) + "\n").getBytes(StandardCharsets.UTF_8));
        for (Path file : partFiles(temp, ".csv")) {
          try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(out);
          }
        }
      }
    }
    deleteRecursively(temp);
  }

  /** Part files in partition order: Spark numbers them by partition. */
  private static List<Path> partFiles(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("part-")
          && p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** The press releases of 2024, overlapping as real ones do. */
  static final class Releases {
    private final List<String> theaters;
    private final List<Row> operations = new ArrayList<>();
    private final List<Row> attacks = new ArrayList<>();
    private final StringBuilder reports = new StringBuilder(
        "report_id,publisher,published_on,source_type,title,reference,coverage_start,coverage_end\n"
            + "events-operations,Generated event log,2024-01-15,official,Missions one row each,generated,"
            + EVENTS_FROM + "," + EVENTS_TO + "\n"
            + "events-attacks,Generated event log,2024-01-15,official,Claimed attacks one row each,generated,"
            + EVENTS_FROM + "," + EVENTS_TO + "\n");

    Releases(List<String> theaters, SplittableRandom random) {
      this.theaters = theaters;
      Period h1 = Period.half(2024, 1);
      long[][] h1Values = values(random, 120, 40, 90);
      release("centcom-2024-h1", "2024-07-16", "official", h1, h1Values, true);
      release("wire-2024-h1", "2024-07-17", "media", h1, plusOneMission(h1Values), true);
      long[][] q1Values = new long[theaters.size()][];
      for (int t = 0; t < theaters.size(); t++) {
        q1Values[t] = new long[] {h1Values[t][0] / 2, h1Values[t][1] / 2, h1Values[t][2] / 2};
      }
      release("outlet-2024-q1", "", "media", Period.quarter(2024, 1), q1Values, true);
      // "since 29 August" contains September and October: at least their sum, plus a few days' worth
      long[] since = sum(values(random, 3, 3, 3));
      for (int month = 7; month <= 12; month++) {
        long[][] monthly = values(random, 25, 10, 20);
        release(String.format("centcom-2024-%02d", month), LocalDate.of(2024, month, 1).plusMonths(1).plusDays(9)
            .toString(), "official", Period.month(2024, month), monthly, false);
        if (month == 9 || month == 10) {
          long[] total = sum(monthly);
          for (int i = 0; i < 3; i++) {
            since[i] += total[i];
          }
        }
      }
      release("centcom-since-2024-08-29", "2024-11-04", "official", Period.of("2024-08-29", "2024-11-04"),
          new long[][] {since}, false, "ALL");
      attacks.add(RowFactory.create("centcom-2024-h1", date(h1.start()), date(h1.end()), "ALL",
          (long) (150 + random.nextInt(100)), null));
    }

    private static long[][] plusOneMission(long[][] values) {
      long[][] copy = new long[values.length][];
      for (int i = 0; i < values.length; i++) {
        copy[i] = values[i].clone();
      }
      copy[0][0]++;
      return copy;
    }

    private long[][] values(SplittableRandom random, int missions, int killed, int detained) {
      long[][] v = new long[theaters.size()][];
      for (int t = 0; t < theaters.size(); t++) {
        v[t] = new long[] {missions + random.nextInt(missions), random.nextInt(killed + 1), random.nextInt(detained + 1)};
      }
      return v;
    }

    private static long[] sum(long[][] values) {
      long[] total = new long[3];
      for (long[] v : values) {
        for (int i = 0; i < 3; i++) {
          total[i] += v[i];
        }
      }
      return total;
    }

    private void release(String id, String published, String type, Period period, long[][] values, boolean withAll) {
      release(id, published, type, period, values, withAll, null);
    }

    private void release(String id, String published, String type, Period period, long[][] values, boolean withAll,
        String onlyTheater) {
      reports.append(id).append(",Generated ").append(type).append(" source,").append(published).append(',')
          .append(type).append(",Release ").append(period.label()).append(",generated,,\n");
      if (onlyTheater != null) {
        operations.add(row(id, period, onlyTheater, values[0]));
        return;
      }
      for (int t = 0; t < theaters.size(); t++) {
        operations.add(row(id, period, theaters.get(t), values[t]));
      }
      if (withAll) {
        operations.add(row(id, period, "ALL", sum(values)));
      }
    }

    private static Row row(String id, Period period, String theater, long[] v) {
      return RowFactory.create(id, date(period.start()), date(period.end()), theater, v[0], v[1], v[2], null, null,
          "Generated release " + id);
    }

    private static java.sql.Date date(LocalDate day) {
      return java.sql.Date.valueOf(day);
    }

    String reportsCsv() {
      return reports.toString();
    }

    Dataset<Row> operations(SparkSession spark) {
      return spark.createDataFrame(operations, OPERATIONS_SCHEMA);
    }

    Dataset<Row> attacks(SparkSession spark) {
      return spark.createDataFrame(attacks, ATTACKS_SCHEMA);
    }
  }
}
