package org.campaignmetrics.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.campaignmetrics.spark.JobSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Entry point of jobs/extract-figures: reads every .txt, .md, .html and .htm file under a
 * directory in parallel (Spark's binaryFile source, one document per file), extracts each
 * document's figures with {@link FigureExtractor} on the executors, and writes the input contract's
 * files and review.csv from the driver (the extracted rows are small; the documents never come to
 * the driver). {@code --score DIR} prints precision and recall against the folder's
 * {@code <name>.expected.csv} files.
 */
@Command(name = "extract-figures", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
    versionProvider = ExtractFigures.Version.class,
    description = "Extracts campaign figures from releases and articles (.txt, .md, .html) into the input tables of "
        + "jobs/campaign-metrics (reports.csv, operations.csv, attacks.csv, context.csv), every figure with its sentence, "
        + "and review.csv: every number it could not place, with the reason.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success",
        "1:the run failed (a missing documents directory or one without documents, an unreadable file, unwritable output)",
        "2:usage error"})
public final class ExtractFigures implements Callable<Integer> {
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;
  /** The files read as documents, by name (a Hadoop glob); jobs/benchmark's floor reads the same. */
  public static final String DOCUMENTS_GLOB = "*.{txt,md,html,htm,TXT,MD,HTML,HTM}";
  static final String DOCUMENTS_CSV = "documents.csv";

  @Option(names = "--documents", paramLabel = "DIR",
      description = "The folder of documents, read recursively; an optional documents.csv in it gives their metadata.")
  String documents;

  @Option(names = "--output", paramLabel = "DIR",
      description = "Where reports.csv, operations.csv, attacks.csv, context.csv and review.csv are written.")
  String output;

  @Option(names = "--score", paramLabel = "DIR",
      description = "A labelled folder (<name>.expected.csv beside each document): print precision and recall of "
          + "(period, theater, metric, value, qualifier) rows per metric and overall.")
  String score;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master, e.g. local[*] or spark://host:7077 (default: spark-submit's, else local[*]).")
  String master;

  @Option(names = "--verbose", description = "Bring back Spark's own INFO logging (off by default).")
  boolean verbose;

  @Spec
  CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  static int execute(String... args) {
    CommandLine cli = new CommandLine(new ExtractFigures());
    cli.setParameterExceptionHandler((error, ignored) -> {
      System.err.println("extract-figures: " + error.getMessage() + " (see --help)");
      return EXIT_USAGE;
    });
    cli.setExecutionExceptionHandler((error, ignored, parsed) -> {
      Throwable cause = error;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      System.err.println("extract-figures: failed: " + (error instanceof IllegalArgumentException || error instanceof IOException
          ? error.getMessage() : cause.getClass().getSimpleName() + ": " + cause.getMessage()));
      return EXIT_FAILED;
    });
    return cli.execute(args);
  }

  @Override
  public Integer call() throws IOException {
    if (score == null && (documents == null || output == null)) {
      throw new ParameterException(spec.commandLine(), "give --documents DIR and --output DIR, or --score DIR");
    }
    if (score != null && documents != null && !documents.equals(score)) {
      throw new ParameterException(spec.commandLine(), "--score reads its own folder; leave out --documents or give the same");
    }
    String folder = score != null ? score : documents;
    Configuration hadoop = new Configuration();
    Path dir = new Path(folder);
    FileSystem fs = dir.getFileSystem(hadoop);
    if (!fs.exists(dir) || !fs.getFileStatus(dir).isDirectory()) {
      throw new IllegalArgumentException("documents directory not found: " + folder);
    }
    boolean ownSession = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = session();
    try {
      long started = System.nanoTime();
      List<Extraction> extractions = extract(spark, fs, dir);
      if (extractions.isEmpty()) {
        throw new IllegalArgumentException("no .txt, .md, .html or .htm file under " + folder + "; nothing written");
      }
      int figures = extractions.stream().mapToInt(e -> e.figures().size()).sum();
      int review = extractions.stream().mapToInt(e -> e.review().size()).sum();
      System.err.printf(Locale.ROOT, "extract-figures: %d document(s) read, %d figure(s), %d number(s) for review (%.1f s)%n",
          extractions.size(), figures, review, (System.nanoTime() - started) / 1e9);
      if (output != null) {
        write(extractions, new Path(output), hadoop);
      }
      if (score != null) {
        System.out.print(scoreTable(fs, dir, extractions));
      }
      return 0;
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }
  }

  /**
   * Every document under {@code dir}, extracted: the files are read and extracted by Spark tasks,
   * and only their extractions come back.
   */
  public static List<Extraction> extract(SparkSession spark, FileSystem fs, Path dir) throws IOException {
    Map<String, Map<String, String>> metadata = new HashMap<>();
    Path index = new Path(dir, DOCUMENTS_CSV);
    if (fs.exists(index)) {
      for (Map<String, String> row : Csv.parseWithHeader(read(fs, index))) {
        metadata.put(row.getOrDefault("file", "").trim(), new HashMap<>(row));
      }
    }
    String root = fs.makeQualified(dir).toUri().getPath();
    String prefix = root.endsWith("/") ? root : root + "/";
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<Map<String, Map<String, String>>> rows = context.broadcast(metadata);
    return spark.read().format("binaryFile")
        .option("pathGlobFilter", DOCUMENTS_GLOB)
        .option("recursiveFileLookup", "true")
        .load(dir.toString())
        .select("path", "content")
        .javaRDD()
        .map(row -> extractOne(row, prefix, rows.value()))
        .collect();
  }

  /** One document: its name relative to the folder, its documents.csv row if any, its extraction. */
  private static Extraction extractOne(Row row, String prefix, Map<String, Map<String, String>> metadata) {
    String path = new Path(row.<String>getAs("path")).toUri().getPath();
    String file = path.startsWith(prefix) ? path.substring(prefix.length()) : new Path(path).getName();
    return SourceDocument.of(file, row.getAs("content")).extract(metadata.get(file));
  }

  /** The contract files and review.csv, each written under a temporary name and renamed into place. */
  static void write(List<Extraction> extractions, Path out, Configuration hadoop) throws IOException {
    FileSystem fs = out.getFileSystem(hadoop);
    fs.mkdirs(out);
    for (Map.Entry<String, String> file : ContractTables.files(extractions).entrySet()) {
      Path target = new Path(out, file.getKey());
      Path staging = new Path(out, "." + file.getKey() + ".writing");
      try (OutputStream stream = fs.create(staging, true)) {
        stream.write(file.getValue().getBytes(StandardCharsets.UTF_8));
      }
      fs.delete(target, false);
      if (!fs.rename(staging, target)) {
        throw new IOException("cannot write " + target);
      }
      int rows = Csv.parse(file.getValue()).size() - 1;
      System.err.println("extract-figures: wrote " + target + " (" + rows + " row(s))");
    }
  }

  /** Precision and recall of the labelled documents of the folder (those with an expected.csv). */
  static String scoreTable(FileSystem fs, Path dir, List<Extraction> extractions) throws IOException {
    List<Scoring.Row> expected = new ArrayList<>();
    List<Scoring.Row> actual = new ArrayList<>();
    int labelled = 0;
    for (Extraction e : extractions) {
      String file = e.report().file();
      int dot = file.lastIndexOf('.');
      Path labels = new Path(dir, (dot > 0 ? file.substring(0, dot) : file) + ".expected.csv");
      if (!fs.exists(labels)) {
        continue;
      }
      labelled++;
      expected.addAll(Scoring.expected(file, read(fs, labels)));
      actual.addAll(Scoring.actual(file, e));
    }
    if (labelled == 0) {
      throw new IllegalArgumentException("no <name>.expected.csv beside the documents of " + dir);
    }
    return Scoring.table(labelled + " labelled document(s) in " + dir, Scoring.score(expected, actual));
  }

  private static String read(FileSystem fs, Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      return bytes.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = ExtractFigures.class.getPackage().getImplementationVersion();
      return new String[] {"extract-figures (campaign-metrics " + (version != null ? version : "development build") + ")"};
    }
  }

  private SparkSession session() {
    JobSession.logging(verbose);
    SparkSession.Builder builder = JobSession.builder("extract-figures", master);
    return builder.getOrCreate();
  }
}
