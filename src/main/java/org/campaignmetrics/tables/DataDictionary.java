package org.campaignmetrics.tables;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code docs/data-dictionary.md}, parsed: one parser for the PostgreSQL export's comments and for
 * the test that holds the page to the output schemas. The jar carries the page as a resource.
 *
 * <p>A table is a {@code ## `name`} heading, its description the paragraph under it, its columns
 * the rows of the {@code | column | type | unit | meaning |} table that follows. A heading ending in
 * {@code (PostgreSQL export only)} marks a table that only the export writes.
 */
public final class DataDictionary {
  public static final String RESOURCE = "/org/campaignmetrics/data-dictionary.md";
  private static final Pattern TABLE = Pattern.compile("^## `([a-z_]+)`( \\(PostgreSQL export only\\))?$");
  private static final Pattern COLUMN = Pattern.compile("^\\| ([a-z_0-9]+) \\| ([a-z]+) \\|.*\\|$");

  /** A documented column: its type as Spark names it ({@code bigint}, {@code date}, …), unit and meaning. */
  public record Column(String name, String type, String unit, String meaning) {
    /** What a BI tool shows for the column: the meaning, then the unit in parentheses. */
    public String comment() {
      String text = plain(meaning);
      if (unit.isEmpty()) {
        return text;
      }
      return text.isEmpty() ? "unit: " + plain(unit) : text + " (" + plain(unit) + ")";
    }
  }

  /** A documented table. */
  public record Table(String name, String description, boolean exportOnly, List<Column> columns) {
    public Optional<Column> column(String name) {
      return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public String comment() {
      return plain(description);
    }
  }

  private DataDictionary() {}

  /** The dictionary the jar carries. */
  public static Map<String, Table> load() {
    try (InputStream in = DataDictionary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the data dictionary " + RESOURCE + " is missing from the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the data dictionary " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  public static Map<String, Table> parse(List<String> lines) {
    Map<String, Table> tables = new LinkedHashMap<>();
    String name = null;
    boolean exportOnly = false;
    StringBuilder description = new StringBuilder();
    List<Column> columns = new ArrayList<>();
    for (String line : lines) {
      Matcher table = TABLE.matcher(line);
      if (table.matches() || line.startsWith("## ")) {
        if (name != null) {
          tables.put(name, new Table(name, description.toString(), exportOnly, List.copyOf(columns)));
        }
        name = table.matches() ? table.group(1) : null;
        exportOnly = table.matches() && table.group(2) != null;
        description.setLength(0);
        columns.clear();
      } else if (name != null && COLUMN.matcher(line).matches() && !line.startsWith("| column | type |")) {
        // | name | type | unit | meaning |: the meaning may hold anything but a line break
        String[] cells = line.substring(1, line.length() - 1).strip().split("\\s*\\|\\s*", 4);
        columns.add(new Column(cells[0], cells[1], cells.length > 2 ? cells[2] : "",
            cells.length > 3 ? cells[3] : ""));
      } else if (name != null && columns.isEmpty() && !line.startsWith("|") && !line.isBlank()) {
        description.append(description.length() == 0 ? "" : " ").append(line.strip());
      }
    }
    if (name != null) {
      tables.put(name, new Table(name, description.toString(), exportOnly, List.copyOf(columns)));
    }
    return tables;
  }

  /** Markdown to plain text for a database comment: no backticks. */
  private static String plain(String markdown) {
    return markdown.replace("`", "").strip();
  }
}
