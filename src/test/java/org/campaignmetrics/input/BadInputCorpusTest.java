package org.campaignmetrics.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.campaignmetrics.CampaignMetrics;
import org.campaignmetrics.SparkTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * src/test/resources/bad-inputs: one input directory per kind of bad row, each with the exact
 * rejects it must give ({@code expected-rejects.csv}), or per kind of bad file, with the start of
 * the one-line message it must stop with ({@code expected-error.txt}). Every case also proves that no row went missing: for each file, the rows
 * an independent CSV parser counts are the rows the job read, and read = used + rejected.
 */
class BadInputCorpusTest extends SparkTest {
  private static final Path CORPUS = Path.of("src/test/resources/bad-inputs");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(CORPUS)) {
      return dirs.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rejectsExactlyTheBadRowsAndLosesNone(String name) throws Exception {
    Path dir = CORPUS.resolve(name);
    Path wholeFile = dir.resolve("expected-error.txt");
    if (Files.exists(wholeFile)) {
      // a whole-file problem: one message that names the file and what to do, and nothing computed
      String expected = Files.readString(wholeFile).strip();
      Path output = Files.createTempDirectory("corpus-out").resolve("out");
      InputException error = assertThrows(InputException.class,
          () -> CampaignMetrics.run(spark, dir.toString(), output.toString()));
      assertTrue(Files.notExists(output), "nothing written");
      assertTrue(error.getMessage().startsWith(expected), error.getMessage());
      assertEquals(1, error.getMessage().lines().count(), error.getMessage());
      return;
    }
    CampaignMetrics.Outputs outputs = CampaignMetrics.compute(spark, dir.toString());

    List<String> actual = new ArrayList<>();
    for (Row r : outputs.rows("rejects").orderBy("file", "line").collectAsList()) {
      actual.add(r.getAs("file") + "," + r.getAs("line") + "," + r.getAs("column") + ",\"" + r.getAs("reason") + "\"");
      // the raw record starts with the row's first field as the file has it
      String raw = r.getAs("raw");
      String file = Files.readString(dir.resolve(r.<String>getAs("file")), StandardCharsets.UTF_8);
      assertTrue(raw != null && file.contains(raw.substring(0, raw.indexOf(',') + 1)), "raw of " + r);
    }
    List<String> expected = Files.readAllLines(dir.resolve("expected-rejects.csv"));
    assertEquals(expected.subList(1, expected.size()).stream().sorted().toList(), actual.stream().sorted().toList());
    assertEquals(expected.size() - 1, outputs.rejectCount());

    for (FileAccount account : outputs.accounts()) {
      assertEquals(records(dir.resolve(account.file())), account.read(), account.file() + " rows read");
      assertEquals(account.read(), account.used() + account.rejected(), account.file() + " read = used + rejected");
      long expectedRejected = expected.stream().filter(l -> l.startsWith(account.file() + ",")).count();
      assertEquals(expectedRejected, account.rejected(), account.file() + " rejected");
    }
  }

  /** Data records in a CSV file, by a parser that is not the job's. */
  private static long records(Path file) throws IOException {
    CsvParserSettings settings = new CsvParserSettings();
    settings.setHeaderExtractionEnabled(true);
    settings.setLineSeparatorDetectionEnabled(true);
    settings.setMaxColumns(1000);
    CsvParser parser = new CsvParser(settings);
    long count = 0;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      parser.beginParsing(reader);
      while (parser.parseNext() != null) {
        count++;
      }
    }
    return count;
  }
}
