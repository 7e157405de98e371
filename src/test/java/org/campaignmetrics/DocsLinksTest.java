package org.campaignmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every relative link of the README and docs/ points at a file that is there, and at a heading it has. */
class DocsLinksTest {
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*)$", Pattern.MULTILINE);

  /** GitHub's anchor for a heading: lower case, punctuation but - and _ dropped, spaces to -. */
  static String anchor(String heading) {
    return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
  }

  static Set<String> anchors(Path markdown) throws IOException {
    Set<String> anchors = new HashSet<>();
    Matcher heading = HEADING.matcher(Files.readString(markdown).replaceAll("(?s)```.*?```", ""));
    while (heading.find()) {
      anchors.add(anchor(heading.group(1)));
    }
    return anchors;
  }

  /** Every broken link of the given Markdown files: "file: target (why)". */
  static List<String> broken(List<Path> documents) throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path document : documents) {
      Matcher link = LINK.matcher(Files.readString(document).replaceAll("(?s)```.*?```", ""));
      while (link.find()) {
        String target = link.group(1);
        if (target.matches("^[a-z]+:.*")) {
          continue; // http:, https:, mailto: are not checked here (no network)
        }
        String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        String fragment = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
        Path resolved = file.isEmpty() ? document : document.resolveSibling(file).normalize();
        if (!Files.exists(resolved)) {
          broken.add(document + ": " + target + " (no such file)");
        } else if (fragment != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(fragment)) {
          broken.add(document + ": " + target + " (no such heading)");
        }
      }
    }
    return broken;
  }

  @Test
  void theReadmeAndDocsLinkToFilesAndHeadingsThatExist() throws IOException {
    List<Path> documents = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
    }
    assertTrue(documents.size() >= 4, documents.toString());
    assertEquals(List.of(), broken(documents));
  }

  @Test
  void aBrokenLinkIsFound(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.md"), "# Title here\n[ok](b.md#the-part) [gone](c.md) [bad](b.md#nope) [self](#title-here)\n");
    Files.writeString(dir.resolve("b.md"), "## The part\n");
    assertEquals(List.of(dir.resolve("a.md") + ": c.md (no such file)", dir.resolve("a.md") + ": b.md#nope (no such heading)"),
        broken(List.of(dir.resolve("a.md"))));
  }
}
