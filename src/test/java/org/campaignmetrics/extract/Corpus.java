package org.campaignmetrics.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The labelled documents of src/test/resources/documents, read and extracted without Spark. */
final class Corpus {
  static final Path DIR = Path.of("src/test/resources/documents");

  record Labelled(String file, SourceDocument document, Extraction extraction, List<Scoring.Row> expected) {}

  static List<Labelled> load(Path dir) {
    try {
      Map<String, Map<String, String>> rows = new HashMap<>();
      Path index = dir.resolve("documents.csv");
      if (Files.exists(index)) {
        for (Map<String, String> row : Csv.parseWithHeader(Files.readString(index, StandardCharsets.UTF_8))) {
          rows.put(row.get("file"), row);
        }
      }
      List<Labelled> labelled = new ArrayList<>();
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p : files.sorted().toList()) {
          String name = p.getFileName().toString();
          String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
          if (!SourceDocument.readable(name) || !Files.exists(dir.resolve(stem + ".expected.csv"))) {
            continue; // SOURCES.md and anything else without expected rows is not a labelled document
          }
          SourceDocument doc = SourceDocument.of(name, Files.readAllBytes(p));
          Extraction e = doc.extract(rows.get(name));
          String base = name.substring(0, name.lastIndexOf('.'));
          Path expected = dir.resolve(base + ".expected.csv");
          List<Scoring.Row> rowsExpected = Files.exists(expected)
              ? Scoring.expected(name, Files.readString(expected, StandardCharsets.UTF_8)) : List.of();
          labelled.add(new Labelled(name, doc, e, rowsExpected));
        }
      }
      return labelled;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
