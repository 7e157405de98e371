package org.campaignmetrics.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.campaignmetrics.extract.Csv;

/**
 * jobs/benchmark: the job against its floors and a peer, each run in a fresh JVM, median of several
 * runs, on sample-data and on generated Parquet inputs of growing size. Prints one table and the
 * ratios the targets are stated in; --markdown also writes them to a file.
 */
public final class Benchmark {
  /** What is measured, in the order each round runs them. */
  enum Variant {
    SESSION("session floor"), SCAN("scan floor"), RULE_ONE("rule-1 floor"), DUCKDB("DuckDB"), JOB("job"),
    SPLIT("split floor"), EXTRACTION("extraction");

    /** What runs on an input of the job (sample-data, generated rows). */
    static final List<Variant> JOB_INPUT = List.of(SESSION, SCAN, RULE_ONE, DUCKDB, JOB);
    /** What runs on a folder of documents (--sizes docsN). */
    static final List<Variant> DOCUMENTS = List.of(SPLIT, EXTRACTION);

    final String label;

    Variant(String label) {
      this.label = label;
    }
  }

  /**
   * One size: its name, its input directory and the operation rows generated there (0: sample-data),
   * or (documents > 0) a folder of that many documents for the extraction.
   */
  record Size(String name, Path input, long generatedRows, long documents) {
    List<Variant> variants() {
      return documents > 0 ? Variant.DOCUMENTS : Variant.JOB_INPUT;
    }
  }

  /** The corpus the documents of docsN are made from, and what in it is not a document. */
  static final String CORPUS = "src/test/resources/documents";
  private static final Pattern DOCUMENT = Pattern.compile("(?i).*\\.(txt|md|html|htm)");
  private static final Set<String> NOT_DOCUMENTS = Set.of("SOURCES.md");
  private static final Pattern YEAR = Pattern.compile("\\b(?:19|20)\\d{2}\\b");

  /** The medians of one variant at one size; rss in MiB, -1 when unknown. */
  record Result(double seconds, double rssMiB, long inputRows, String sparkWork) {}

  private static final Pattern ROWS_READ = Pattern.compile("\"rows_read\"\\s*:\\s*(\\d+)");
  private static final Pattern SPARK_WORK = Pattern.compile("(\\d+ Spark jobs, \\d+ stages, \\d+ tasks)");
  private static final Pattern DOCUMENTS_READ = Pattern.compile("extract-figures: (\\d+) document\\(s\\) read");

  private final Path project;
  private final Path work;
  private final int runs;
  private final List<String> javaOptions;
  /** Class-data sharing, as jobs/campaign-metrics does it: an archive per variant, recorded unmeasured. */
  private final boolean cds;

  private Benchmark(Path project, Path work, int runs, boolean cds) throws IOException {
    this.project = project;
    this.work = work;
    this.runs = runs;
    this.cds = cds;
    deleteTree(work.resolve("cds")); // recorded against this invocation's copy of the jar, or ignored by the JVM
    this.javaOptions = new ArrayList<>(List.of("@" + project.resolve("jobs/java17-options"), "-Xmx1g"));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>(Map.of("--sizes", "sample,1000000,10000000,30000000,docs10000",
        "--runs", "3", "--work", "target/benchmark", "--seed", "1", "--cds", "off"));
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option VALUE, got " + args[i]);
      }
      options.put(args[i], args[i + 1]);
    }
    if (args.length % 2 != 0) {
      System.err.println("usage: jobs/benchmark [--sizes sample,1000000,...,docs10000] [--runs N] [--work DIR] "
          + "[--seed S] [--cds on|off] [--markdown FILE]");
      System.exit(2);
    }
    Path project = Path.of("").toAbsolutePath();
    Benchmark benchmark = new Benchmark(project, project.resolve(options.get("--work")),
        Integer.parseInt(options.get("--runs")), "on".equals(options.get("--cds")));
    List<Size> sizes = new ArrayList<>();
    for (String size : options.get("--sizes").split(",")) {
      if (size.startsWith("docs")) {
        long documents = Long.parseLong(size.substring("docs".length()));
        sizes.add(new Size(humanRows(documents) + " docs", benchmark.documents(documents), 0, documents));
        continue;
      }
      sizes.add(size.equals("sample") ? new Size("sample-data", project.resolve("sample-data"), 0, 0)
          : new Size(humanRows(Long.parseLong(size)), benchmark.generated(Long.parseLong(size),
              Long.parseLong(options.get("--seed"))), Long.parseLong(size), 0));
    }
    Map<Size, Map<Variant, Result>> results = new LinkedHashMap<>();
    for (Size size : sizes) {
      results.put(size, benchmark.measure(size));
    }
    String report = report(results, benchmark.runs, benchmark.cds);
    System.out.println();
    System.out.print(report);
    if (options.containsKey("--markdown")) {
      Files.writeString(Path.of(options.get("--markdown")), markdown(report), StandardCharsets.UTF_8);
    }
  }

  /** A generated Parquet input of N operation rows, written once and kept under the work directory. */
  private Path generated(long rows, long seed) throws Exception {
    Path input = work.resolve("inputs/rows-" + rows + "-seed-" + seed);
    if (Files.isDirectory(input)) {
      return input;
    }
    Path partial = work.resolve("inputs/.partial-rows-" + rows);
    deleteTree(partial);
    Files.createDirectories(partial.getParent());
    System.err.printf("generating %,d operation rows into %s%n", rows, input);
    Process generator = new ProcessBuilder(project.resolve("jobs/generate-events").toString(), "--rows",
        Long.toString(rows), "--seed", Long.toString(seed), "--format", "parquet", "--output", partial.toString())
        .inheritIO().start();
    if (generator.waitFor() != 0) {
      throw new IllegalStateException("jobs/generate-events failed for " + rows + " rows");
    }
    Files.move(partial, input);
    return input;
  }

  /**
   * A folder of {@code count} documents, written once and kept under the work directory: the corpus's
   * documents (not SOURCES.md, documents.csv or the expected rows) over and over, copy k in a folder
   * {@code copy-k} of its own with every year of the text moved by {@link #yearShift(int)}, and a
   * documents.csv whose rows (the corpus's, for the documents it names) get the copy's file, a report
   * id of their own and their dates and titles moved alike.
   */
  private Path documents(long count) throws IOException {
    Path input = work.resolve("inputs/documents-" + count);
    if (Files.isDirectory(input)) {
      return input;
    }
    Path partial = work.resolve("inputs/.partial-documents-" + count);
    deleteTree(partial);
    Files.createDirectories(partial);
    System.err.printf("writing %,d documents into %s%n", count, input);
    Path corpus = project.resolve(CORPUS);
    List<Path> originals;
    try (Stream<Path> files = Files.list(corpus)) {
      originals = files.filter(f -> Files.isRegularFile(f) && DOCUMENT.matcher(f.getFileName().toString()).matches()
          && !NOT_DOCUMENTS.contains(f.getFileName().toString())).sorted().toList();
    }
    Map<String, Map<String, String>> metadata = new LinkedHashMap<>();
    for (Map<String, String> row : Csv.parseWithHeader(Files.readString(corpus.resolve("documents.csv")))) {
      metadata.put(row.get("file"), row);
    }
    List<String> header = List.of("file", "report_id", "publisher", "published_on", "source_type", "title", "reference");
    StringBuilder index = new StringBuilder(Csv.line(header));
    long written = 0;
    for (int copy = 0; written < count; copy++) {
      int shift = yearShift(copy);
      String folder = String.format("copy-%04d", copy);
      Files.createDirectories(partial.resolve(folder));
      for (Path original : originals) {
        if (written == count) {
          break;
        }
        String name = original.getFileName().toString();
        Files.writeString(partial.resolve(folder).resolve(name), shiftYears(Files.readString(original), shift));
        Map<String, String> row = metadata.get(name);
        if (row != null) {
          List<String> cells = new ArrayList<>();
          for (String column : header) {
            String cell = row.getOrDefault(column, "");
            cells.add(switch (column) {
              case "file" -> folder + "/" + name;
              case "report_id" -> cell + "-" + folder;
              case "published_on", "title" -> shiftYears(cell, shift);
              default -> cell;
            });
          }
          index.append(Csv.line(cells));
        }
        written++;
      }
    }
    Files.writeString(partial.resolve("documents.csv"), index.toString());
    Files.move(partial, input);
    return input;
  }

  /**
   * How many years copy k of the corpus moves its dates: copy 0 is the corpus, the others from -100 to
   * +74 years (175 different texts of each document), so that the corpus's years (2003 to 2025) stay
   * between 1900 and 2099, where the extractor reads a four-digit number as a year.
   */
  static int yearShift(int copy) {
    return (copy + 100) % 175 - 100;
  }

  static String shiftYears(String text, int shift) {
    return YEAR.matcher(text).replaceAll(m -> Integer.toString(Integer.parseInt(m.group()) + shift));
  }

  /** Every variant, round after round, so that a noisy moment hits all of them alike. */
  private Map<Variant, Result> measure(Size size) throws Exception {
    Files.createDirectories(work);
    Map<Variant, List<double[]>> samples = new LinkedHashMap<>();
    long inputRows = -1;
    String sparkWork = "";
    for (int round = 1; round <= runs; round++) {
      for (Variant variant : size.variants()) {
        // one output directory per input: the job compares each run with the one published before it,
        // and another input's figures would be removals that hold the run (exit 5)
        Path output = work.resolve("out/" + size.name().replaceAll("[^A-Za-z0-9]+", "-") + "/"
            + variant.name().toLowerCase(Locale.ROOT));
        Path rss = work.resolve("rss.txt");
        Files.deleteIfExists(rss);
        Path log = work.resolve("last-run.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString()));
        command.addAll(javaOptions);
        if (cds) {
          command.addAll(sharedArchive(variant, command, size));
        }
        command.addAll(List.of("-Dbenchmark.rss=" + rss, "-cp", System.getProperty("java.class.path"),
            Measured.class.getName()));
        command.addAll(arguments(variant, size, output));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int status = process.waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (status != 0) {
          throw new IllegalStateException(variant.label + " on " + size.name() + " exited " + status + "; see " + log);
        }
        double rssMiB = Files.exists(rss) ? Long.parseLong(Files.readString(rss).trim()) / 1024.0 : -1;
        samples.computeIfAbsent(variant, v -> new ArrayList<>()).add(new double[] {seconds, rssMiB});
        System.err.printf("%-12s %-13s run %d/%d: %6.2f s, peak RSS %5.0f MiB%n", size.name(), variant.label, round,
            runs, seconds, rssMiB);
        if (variant == Variant.JOB) {
          inputRows = rowsRead(output.resolve("_manifest.json"));
          Matcher work = SPARK_WORK.matcher(Files.readString(output.resolve("_manifest.json")));
          sparkWork = work.find() ? work.group(1) : "";
        }
        if (variant == Variant.EXTRACTION) {
          Matcher read = DOCUMENTS_READ.matcher(Files.readString(log));
          inputRows = read.find() ? Long.parseLong(read.group(1)) : -1;
        }
        if (variant == Variant.SPLIT && !Files.readString(output.resolve("counts.txt")).startsWith(
            "documents " + size.documents() + "\n")) {
          throw new IllegalStateException("the split floor did not read " + size.documents() + " documents; see " + output);
        }
        if (variant == Variant.EXTRACTION && inputRows != size.documents()) {
          throw new IllegalStateException("the extraction read " + inputRows + " documents, not " + size.documents()
              + "; see " + log);
        }
      }
    }
    Map<Variant, Result> medians = new LinkedHashMap<>();
    for (Map.Entry<Variant, List<double[]>> entry : samples.entrySet()) {
      medians.put(entry.getKey(), new Result(median(entry.getValue(), 0), median(entry.getValue(), 1), inputRows,
          entry.getKey() == Variant.JOB ? sparkWork : ""));
    }
    return medians;
  }

  /** What Measured is told to run. */
  private static List<String> arguments(Variant variant, Size size, Path output) {
    return switch (variant) {
      case SESSION -> List.of("session");
      case SCAN, DUCKDB -> List.of(variant.name().toLowerCase(Locale.ROOT), size.input().toString(), output.toString());
      case RULE_ONE -> List.of("rule1", size.input().toString(), output.toString());
      case JOB -> List.of("job", "--input", size.input().toString(), "--output", output.toString(), "--master",
          "local[*]", "--run-id", "benchmark");
      case SPLIT -> List.of("split", size.input().toString(), output.toString());
      case EXTRACTION -> List.of("extract", "--documents", size.input().toString(), "--output", output.toString(),
          "--master", "local[*]");
    };
  }

  /**
   * The options that map a variant's class-data archive, recorded first by an unmeasured run of the
   * variant on this size if there is none yet (the launcher records it on the first run after a build).
   */
  private List<String> sharedArchive(Variant variant, List<String> javaAndOptions, Size size) throws Exception {
    Path archive = work.resolve("cds/" + variant.name().toLowerCase(Locale.ROOT) + ".jsa");
    List<String> quiet = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    if (!Files.exists(archive)) {
      Files.createDirectories(archive.getParent());
      List<String> recording = new ArrayList<>(javaAndOptions);
      recording.add("-XX:ArchiveClassesAtExit=" + archive);
      recording.addAll(quiet);
      recording.addAll(List.of("-cp", System.getProperty("java.class.path"), Measured.class.getName()));
      Path output = work.resolve("out/cds-" + variant.name().toLowerCase(Locale.ROOT));
      recording.addAll(arguments(variant, size, output));
      System.err.printf("recording the class-data archive of %s%n", variant.label);
      Process process = new ProcessBuilder(recording).redirectErrorStream(true)
          .redirectOutput(work.resolve("cds-recording.log").toFile()).start();
      if (process.waitFor() != 0 || !Files.exists(archive)) {
        throw new IllegalStateException("recording " + archive + " failed; see " + work.resolve("cds-recording.log"));
      }
    }
    List<String> options = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + archive));
    options.addAll(quiet);
    return options;
  }

  private static long rowsRead(Path manifest) throws IOException {
    long rows = 0;
    Matcher matcher = ROWS_READ.matcher(Files.readString(manifest));
    while (matcher.find()) {
      rows += Long.parseLong(matcher.group(1));
    }
    return rows;
  }

  private static double median(List<double[]> samples, int field) {
    double[] values = samples.stream().mapToDouble(s -> s[field]).sorted().toArray();
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  static String report(Map<Size, Map<Variant, Result>> results, int runs, boolean cds) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("Median of %d runs, each in a fresh JVM (-Xmx1g, local[*]%s); input rows = every row the "
        + "job read (operations, attacks, reports, context)%s.%n%n", runs,
        cds ? ", class-data sharing: an archive per variant" : "",
        results.keySet().stream().anyMatch(s -> s.documents() > 0) ? "; for the extraction, documents" : ""));
    out.append(String.format("%-12s %-13s %12s %10s %14s %14s  %s%n", "input", "run", "input rows", "wall s",
        "rows/s", "peak RSS MiB", "Spark work (job)"));
    for (Map.Entry<Size, Map<Variant, Result>> size : results.entrySet()) {
      for (Map.Entry<Variant, Result> entry : size.getValue().entrySet()) {
        Result r = entry.getValue();
        out.append(String.format("%-12s %-13s %,12d %10.2f %,14.0f %14.0f  %s%n", size.getKey().name(),
            entry.getKey().label, r.inputRows(), r.seconds(),
            entry.getKey() == Variant.SESSION ? 0 : r.inputRows() / r.seconds(), r.rssMiB(), r.sparkWork()));
      }
    }
    out.append(String.format("%nRatios (targets on a 2-core machine in brackets)%n"));
    for (Map.Entry<Size, Map<Variant, Result>> size : results.entrySet()) {
      Map<Variant, Result> r = size.getValue();
      String name = size.getKey().name();
      if (size.getKey().documents() > 0) {
        Result extraction = r.get(Variant.EXTRACTION);
        Result floor = r.get(Variant.SPLIT);
        out.append(String.format("%-12s extraction / split floor %6.2f%n", name, extraction.seconds() / floor.seconds()));
        out.append(String.format("%-12s documents per second: extraction %,.0f, split floor %,.0f%n", name,
            extraction.inputRows() / extraction.seconds(), floor.inputRows() / floor.seconds()));
        continue;
      }
      double job = r.get(Variant.JOB).seconds();
      if (size.getKey().generatedRows() == 0) {
        out.append(String.format("%-12s job / session floor %6.2f  (<= 2)%n", name, job / r.get(Variant.SESSION).seconds()));
      }
      boolean large = size.getKey().generatedRows() >= 10_000_000;
      out.append(String.format("%-12s job / scan floor    %6.2f%s%n", name, job / r.get(Variant.SCAN).seconds(),
          large ? "  (<= 1.3)" : ""));
      out.append(String.format("%-12s job / rule-1 floor  %6.2f%n", name, job / r.get(Variant.RULE_ONE).seconds()));
      out.append(String.format("%-12s job / DuckDB        %6.2f%n", name, job / r.get(Variant.DUCKDB).seconds()));
    }
    Result oneMillion = find(results, "1M");
    Result thirtyMillion = find(results, "30M");
    if (oneMillion != null && thirtyMillion != null) {
      out.append(String.format("30M / 1M job wall time  %6.2f  (< 2)%n", thirtyMillion.seconds() / oneMillion.seconds()));
      out.append(String.format("30M job peak RSS       %7.0f MiB  (< 1536)%n", thirtyMillion.rssMiB()));
    }
    return out.toString();
  }

  private static Result find(Map<Size, Map<Variant, Result>> results, String name) {
    return results.entrySet().stream().filter(e -> e.getKey().name().equals(name))
        .map(e -> e.getValue().get(Variant.JOB)).findFirst().orElse(null);
  }

  private static String markdown(String report) throws IOException {
    String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
        .findFirst().map(l -> l.replaceFirst(".*:\\s*", "")).orElse("unknown CPU");
    String memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("[^0-9]", "");
    return "Measured " + Instant.now().toString().substring(0, 10) + " on " + Runtime.getRuntime().availableProcessors()
        + " cores (" + cpu + "), " + Math.round(Long.parseLong(memory) / 1024.0 / 1024.0) + " GiB, Java "
        + System.getProperty("java.version") + ":\n\n```\n" + report + "```\n";
  }

  static String humanRows(long rows) {
    return rows % 1_000_000 == 0 ? rows / 1_000_000 + "M" : rows % 1_000 == 0 ? rows / 1_000 + "k" : Long.toString(rows);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(path);
      }
    }
  }
}
