package org.campaignmetrics.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark job end to end: a folder of documents in, the contract's files and review.csv out. */
class ExtractFiguresTest {
  @BeforeAll
  static void session() {
    // the same shared local[2] session as the project's other Spark tests; the job uses it and leaves it running
    SparkSession.builder().master("local[2]").appName("campaign-metrics-tests")
        .config("spark.sql.shuffle.partitions", "2").config("spark.default.parallelism", "2")
        .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC").getOrCreate();
  }

  private static Path documents(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("html"));
    StringBuilder index = new StringBuilder("file,report_id,publisher,published_on,source_type,title,reference\n");
    for (String line : Files.readAllLines(Corpus.DIR.resolve("documents.csv"), StandardCharsets.UTF_8)) {
      if (line.startsWith("seed-")) {
        index.append(line).append('\n');
        String file = line.substring(0, line.indexOf(','));
        Files.copy(Corpus.DIR.resolve(file), dir.resolve(file));
      }
    }
    Files.writeString(dir.resolve("documents.csv"), index.toString());
    // without a documents.csv row, and in a subfolder: metadata from the page itself
    Files.copy(Corpus.DIR.resolve("centcom-2024-q1.html"), dir.resolve("html/centcom-2024-q1.html"));
    Files.writeString(dir.resolve("notes.csv"), "not,a,document\n");
    return dir;
  }

  @Test
  void writesTheInputContractAndReview(@TempDir Path tmp) throws IOException {
    Path in = documents(tmp.resolve("in"));
    Path out = tmp.resolve("out");
    assertEquals(0, ExtractFigures.execute("--documents", in.toString(), "--output", out.toString()));
    Map<String, List<String>> headers = Map.of("reports.csv", ContractTables.REPORTS, "operations.csv", ContractTables.OPERATIONS,
        "attacks.csv", ContractTables.ATTACKS, "context.csv", ContractTables.CONTEXT, "review.csv", ContractTables.REVIEW);
    for (Map.Entry<String, List<String>> file : headers.entrySet()) {
      List<List<String>> records = Csv.parse(Files.readString(out.resolve(file.getKey())));
      assertEquals(file.getValue(), records.get(0), file.getKey() + " header");
    }
    List<Map<String, String>> reports = Csv.parseWithHeader(Files.readString(out.resolve("reports.csv")));
    assertEquals(List.of("centcom-2024-h1", "centcom-2024-q1", "centcom-since-aug29-2024", "newregion-2024-07-17",
        "shafaq-2024-h1", "sulaimani-2024-q1"), reports.stream().map(r -> r.get("report_id")).toList());
    Map<String, String> html = reports.get(1);
    assertEquals("U.S. Central Command", html.get("publisher"));
    assertEquals("2024-04-05", html.get("published_on"));
    assertEquals("official", html.get("source_type"));
    assertEquals("html/centcom-2024-q1.html", html.get("reference"));

    List<Map<String, String>> operations = Csv.parseWithHeader(Files.readString(out.resolve("operations.csv")));
    Map<String, String> h1 = operations.stream().filter(r -> r.get("report_id").equals("centcom-2024-h1")
        && r.get("theater").equals("ALL")).findFirst().orElseThrow();
    assertEquals(List.of("2024-01-01", "2024-06-30", "196", "44", "166", "8", "32", ""), List.of(h1.get("period_start"),
        h1.get("period_end"), h1.get("missions"), h1.get("killed"), h1.get("detained"), h1.get("leaders_killed"),
        h1.get("leaders_detained"), h1.get("leaders_removed")));
    String seed = Files.readString(in.resolve("seed-centcom-2024-h1.txt"));
    for (String quote : h1.get("quote").split(" … ")) {
      assertTrue(seed.contains(quote), "the quote is a sentence of the document: " + quote);
    }
    Map<String, String> since = operations.stream().filter(r -> r.get("report_id").equals("centcom-since-aug29-2024")
        && r.get("period_start").equals("2024-08-29")).findFirst().orElseThrow();
    assertEquals(">30", since.get("leaders_removed"));

    List<Map<String, String>> review = Csv.parseWithHeader(Files.readString(out.resolve("review.csv")));
    assertTrue(review.stream().anyMatch(r -> r.get("document").equals("seed-since-aug29-2024.txt") && r.get("line").equals("6")
        && r.get("number").equals("approximately 35") && r.get("reason").equals("vague period: late October")), "late October in review");
    assertTrue(review.stream().anyMatch(r -> r.get("report_id").equals("sulaimani-2024-q1") && r.get("number").isEmpty()
        && r.get("reason").startsWith("no publication date")), "an undated document is listed");
  }

  @Test
  void scoresALabelledFolder() {
    PrintStream stdout = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, ExtractFigures.execute("--score", Corpus.DIR.toString()));
    } finally {
      System.setOut(stdout);
    }
    String table = printed.toString(StandardCharsets.UTF_8);
    assertTrue(table.matches("(?s)\\d+ labelled document\\(s\\) in .*"), table);
    assertTrue(table.matches("(?s).*\\noverall\\s+\\d+\\s+\\d+\\s+\\d+\\s+[01]\\.\\d{3}\\s+[01]\\.\\d{3}\\n.*"), table);
  }

  @Test
  void usageAndFailures(@TempDir Path tmp) throws IOException {
    assertEquals(ExtractFigures.EXIT_USAGE, ExtractFigures.execute("--output", tmp.toString()));
    assertEquals(ExtractFigures.EXIT_USAGE, ExtractFigures.execute("--documents", tmp.toString(), "--bogus"));
    assertEquals(ExtractFigures.EXIT_FAILED,
        ExtractFigures.execute("--documents", tmp.resolve("missing").toString(), "--output", tmp.resolve("out").toString()));
    Files.createDirectories(tmp.resolve("empty"));
    assertEquals(ExtractFigures.EXIT_FAILED,
        ExtractFigures.execute("--documents", tmp.resolve("empty").toString(), "--output", tmp.resolve("out").toString()));
    assertTrue(Files.notExists(tmp.resolve("out")), "nothing written");
  }
}
