package org.campaignmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages follow the pipeline and depend one way: model and spark at the bottom, then input and
 * derive, then tables, then publish and export, then the job at the root. A class that reaches up
 * (a table reading the publisher, the model importing Spark-side input code) fails here, named.
 */
class LayoutTest {
  /** Each stage and the stages it may use; the root package (the job and its CLI) may use them all. */
  static final Map<String, Set<String>> ALLOWED = Map.of(
      "model", Set.of(),
      "spark", Set.of(),
      "input", Set.of("model", "spark"),
      "derive", Set.of("model"),
      "tables", Set.of("model", "spark", "input", "derive"),
      "publish", Set.of("model", "spark", "input", "tables"),
      "export", Set.of("model", "spark", "tables"),
      "tools", Set.of("model"),
      "extract", Set.of("model", "input", "spark"));
  private static final Path MAIN = Path.of("src/main/java/org/campaignmetrics");
  private static final Pattern REFERENCE = Pattern.compile("\\borg\\.campaignmetrics\\.([a-z]+)\\.");

  /** Every wrong-way reference under the source tree: "stage/Class.java -> used stage". */
  static List<String> violations(Path root) throws IOException {
    List<String> wrong = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        Path relative = root.relativize(file);
        if (relative.getNameCount() < 2) {
          continue; // the root package
        }
        String stage = relative.getName(0).toString();
        Set<String> allowed = ALLOWED.get(stage);
        if (allowed == null) {
          wrong.add(relative + ": package " + stage + " has no place in the layout (LayoutTest.ALLOWED)");
          continue;
        }
        Matcher used = REFERENCE.matcher(Files.readString(file));
        Set<String> reached = new TreeSet<>();
        while (used.find()) {
          String target = used.group(1);
          if (!target.equals(stage) && !allowed.contains(target)) {
            reached.add(target);
          }
        }
        reached.forEach(target -> wrong.add(relative + " -> " + target));
      }
    }
    return wrong;
  }

  @Test
  void dependenciesPointOneWay() throws IOException {
    assertEquals(List.of(), violations(MAIN));
  }

  @Test
  void aWrongWayReferenceIsFound(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path model = Files.createDirectories(dir.resolve("model"));
    Files.writeString(model.resolve("Figure.java"),
        "package org.campaignmetrics.model;\nimport org.campaignmetrics.tables.Table;\nclass Figure {}\n");
    Path tables = Files.createDirectories(dir.resolve("tables"));
    Files.writeString(tables.resolve("Fine.java"),
        "package org.campaignmetrics.tables;\nimport org.campaignmetrics.model.Figure;\nclass Fine {}\n");
    assertEquals(List.of("model/Figure.java -> tables"), violations(dir));
  }

  @Test
  void everyStageExists() {
    for (String stage : ALLOWED.keySet()) {
      assertTrue(Files.isDirectory(MAIN.resolve(stage)), stage);
    }
  }
}
