package org.campaignmetrics.benchmark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.year;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.campaignmetrics.CampaignMetricsJob;
import org.campaignmetrics.extract.ExtractFigures;
import org.campaignmetrics.extract.Sentences;
import org.campaignmetrics.extract.SourceDocument;

/**
 * One measured run, in a JVM of its own: the job, or one of the baselines it is compared with. At
 * exit the JVM's peak resident set (VmHWM) is written to the file named by -Dbenchmark.rss.
 *
 * <pre>
 *   Measured job ARGS...          the job's own main, as a user runs it
 *   Measured session              JVM + SparkSession start and stop, no work
 *   Measured scan INPUT OUTPUT    Spark reads operations and writes one groupBy(year, quarter, theater) sum
 *   Measured rule1 INPUT OUTPUT   Spark reads every contract column of operations and attacks and writes
 *                                 rule 1's sums (per report, period, theater and quote), nothing checked
 *   Measured duckdb INPUT OUTPUT  DuckDB computes the per-period, per-theater sums and rates in SQL
 *   Measured extract ARGS...      jobs/extract-figures' own main, as a user runs it
 *   Measured split DOCS OUTPUT    the extraction's floor: Spark reads the documents as ExtractFigures does
 *                                 (binaryFile), decodes them (HTML to text) and splits them into sentences,
 *                                 and writes the counts; no extraction
 * </pre>
 */
public final class Measured {
  private Measured() {}

  public static void main(String[] args) throws Exception {
    String rssFile = System.getProperty("benchmark.rss");
    if (rssFile != null) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> writePeakRss(Path.of(rssFile))));
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "job" -> CampaignMetricsJob.main(rest); // exits with the job's status
      case "session" -> session().stop();
      case "scan" -> scanFloor(rest[0], rest[1]);
      case "rule1" -> ruleOneFloor(rest[0], rest[1]);
      case "duckdb" -> duckDb(rest[0], rest[1]);
      case "extract" -> ExtractFigures.main(rest); // exits with the job's status
      case "split" -> splitFloor(rest[0], rest[1]);
      default -> throw new IllegalArgumentException("unknown measurement " + args[0]);
    }
  }

  /** The session the job itself builds when it runs without spark-submit. */
  private static SparkSession session() {
    return SparkSession.builder().appName("campaign-metrics-benchmark").master("local[*]")
        .config("spark.ui.showConsoleProgress", "false").config("spark.sql.shuffle.partitions", "8")
        .getOrCreate();
  }

  /** The least any Spark job over this input costs: one read, one aggregation, one write. */
  private static void scanFloor(String inputDir, String outputDir) {
    SparkSession spark = session();
    try {
      figures(spark, inputDir, "operations", List.of("missions", "killed", "detained"))
          .groupBy(year(col("period_start")).as("year"), quarter(col("period_start")).as("quarter"), col("theater"))
          .agg(sum("missions").as("missions"), sum("killed").as("killed"), sum("detained").as("detained"))
          .write().mode("overwrite").parquet(outputDir);
    } finally {
      spark.stop();
    }
  }

  /**
   * The least the input contract asks of Spark: every column of both figure files read, and rule 1's
   * sums of every metric per report, period, theater and quote, in one query and one write. What the
   * job does on top (checking every row, deriving, seven tables) is what it costs above this floor.
   */
  private static void ruleOneFloor(String inputDir, String outputDir) {
    SparkSession spark = session();
    try {
      Dataset<Row> sums = null;
      for (Map.Entry<String, List<String>> table : List.of(
          Map.entry("operations", List.of("missions", "killed", "detained", "leaders_killed", "leaders_detained")),
          Map.entry("attacks", List.of("claimed_attacks")))) {
        List<Column> metrics = new ArrayList<>(table.getValue().stream().map(m -> sum(m).as(m)).toList());
        Dataset<Row> one = figures(spark, inputDir, table.getKey(), table.getValue())
            .groupBy("report_id", "period_start", "period_end", "theater", "quote")
            .agg(metrics.get(0), metrics.subList(1, metrics.size()).toArray(new Column[0]))
            .withColumn("table", lit(table.getKey()));
        sums = sums == null ? one : sums.unionByName(one, true);
      }
      sums.write().mode("overwrite").parquet(outputDir);
    } finally {
      spark.stop();
    }
  }

  /**
   * A figure file as the floors read it: Parquet as it is; sample-data's CSV with its dates and
   * counts cast (counts may carry qualifiers, ~35, which the floors do not parse).
   */
  private static Dataset<Row> figures(SparkSession spark, String inputDir, String table, List<String> counts) {
    Path parquet = Path.of(inputDir, table + ".parquet");
    if (Files.exists(parquet)) {
      return spark.read().parquet(parquet.toString());
    }
    Path csv = Path.of(inputDir, table + ".csv");
    StructType text = new StructType();
    try {
      for (String column : Files.readAllLines(csv, StandardCharsets.UTF_8).get(0).split(",")) {
        text = text.add(column.trim(), DataTypes.StringType);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Column> typed = new LinkedHashMap<>();
    typed.put("period_start", col("period_start").cast(DataTypes.DateType));
    typed.put("period_end", col("period_end").cast(DataTypes.DateType));
    counts.forEach(count -> typed.put(count, col(count).cast(DataTypes.LongType)));
    return spark.read().option("header", "true").option("multiLine", "true").schema(text).csv(csv.toString())
        .withColumns(typed);
  }

  /**
   * What extracting figures costs at least: the same files read by the same Spark source with the same
   * options, each decoded (HTML reduced to text) and split into sentences in the tasks, by the
   * extractor's own classes, and one small result per document brought back to the driver, which
   * writes the counts. Everything the extractor does on top (metadata, numbers, metrics, periods,
   * theaters, the five files) is what the extraction costs above this floor.
   */
  private static void splitFloor(String documentsDir, String outputDir) throws IOException {
    SparkSession spark = SparkSession.builder().appName("extract-figures").master("local[*]")
        .config("spark.ui.showConsoleProgress", "false").getOrCreate();
    try {
      List<Integer> sentences = spark.read().format("binaryFile")
          .option("pathGlobFilter", ExtractFigures.DOCUMENTS_GLOB)
          .option("recursiveFileLookup", "true")
          .load(documentsDir)
          .select("path", "content")
          .javaRDD()
          .map(row -> {
            String path = row.<String>getAs("path");
            SourceDocument document = SourceDocument.of(path.substring(path.lastIndexOf('/') + 1), row.getAs("content"));
            return Sentences.split(document.text()).size();
          })
          .collect();
      Files.createDirectories(Path.of(outputDir));
      Files.writeString(Path.of(outputDir, "counts.txt"), "documents " + sentences.size() + "\nsentences "
          + sentences.stream().mapToLong(Integer::longValue).sum() + "\n");
    } finally {
      spark.stop();
    }
  }

  /**
   * What a user could do instead on one machine: the per-report, per-period, per-theater sums of
   * every metric (rule 1) and the rates per mission, in SQL, written to Parquet.
   */
  private static void duckDb(String inputDir, String outputDir) throws Exception {
    Files.createDirectories(Path.of(outputDir));
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
      sql.execute("CREATE VIEW operations AS SELECT * FROM " + source(inputDir, "operations"));
      sql.execute("CREATE VIEW attacks AS SELECT * FROM " + source(inputDir, "attacks"));
      sql.execute("COPY (SELECT report_id, period_start, period_end, upper(trim(theater)) AS theater,"
          + " sum(missions) AS missions, sum(killed) AS killed, sum(detained) AS detained,"
          + " sum(leaders_killed) AS leaders_killed, sum(leaders_detained) AS leaders_detained,"
          + " sum(killed) / nullif(sum(missions), 0) AS killed_per_mission,"
          + " sum(detained) / nullif(sum(missions), 0) AS detained_per_mission,"
          + " sum(missions) * 30.0 / (datediff('day', period_start, period_end) + 1) AS missions_per_30_days"
          + " FROM operations GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4) TO '" + Path.of(outputDir, "operations_periods.parquet")
          + "' (FORMAT parquet)");
      sql.execute("COPY (SELECT report_id, period_start, period_end, upper(trim(theater)) AS theater,"
          + " sum(claimed_attacks) AS claimed_attacks,"
          + " sum(claimed_attacks) * 365.0 / (datediff('day', period_start, period_end) + 1) AS annualised"
          + " FROM attacks GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4) TO '" + Path.of(outputDir, "attack_periods.parquet")
          + "' (FORMAT parquet)");
    }
  }

  /** A table of the input directory as DuckDB reads it: Parquet (file or part files) or CSV. */
  private static String source(String inputDir, String table) {
    Path parquet = Path.of(inputDir, table + ".parquet");
    if (Files.isDirectory(parquet)) {
      return "read_parquet('" + parquet.resolve("*.parquet") + "')";
    }
    if (Files.exists(parquet)) {
      return "read_parquet('" + parquet + "')";
    }
    // sample-data: counts may carry qualifiers (~35, >30); the peer reads the number only
    String counts = table.equals("operations")
        ? "missions, killed, detained, leaders_killed, leaders_detained" : "claimed_attacks";
    StringBuilder select = new StringBuilder("report_id, period_start::DATE AS period_start,"
        + " period_end::DATE AS period_end, theater");
    for (String count : counts.split(", ")) {
      select.append(", TRY_CAST(regexp_extract(").append(count).append(", '[0-9]+') AS BIGINT) AS ").append(count);
    }
    return "(SELECT " + select + " FROM read_csv('" + Path.of(inputDir, table + ".csv")
        + "', header = true, all_varchar = true))";
  }

  private static void writePeakRss(Path file) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
        if (line.startsWith("VmHWM:")) {
          Files.writeString(file, line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      // no /proc (not Linux): the benchmark prints no peak RSS
    }
  }
}
