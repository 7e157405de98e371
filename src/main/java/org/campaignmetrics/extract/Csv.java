package org.campaignmetrics.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 4180 CSV, both ways: small files only (documents.csv, expected rows, the extracted tables). */
public final class Csv {
  private Csv() {}

  /** The records of a CSV text; a UTF-8 byte-order mark, CRLF and quoted line breaks are ordinary. */
  public static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int i = text.startsWith("\uFEFF") ? 1 : 0;
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        any = true;
      } else if (c == ',') {
        record.add(cell.toString());
        cell.setLength(0);
        any = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (any || cell.length() > 0 || !record.isEmpty()) {
          record.add(cell.toString());
          records.add(record);
        }
        record = new ArrayList<>();
        cell.setLength(0);
        any = false;
      } else {
        cell.append(c);
        any = true;
      }
    }
    if (any || cell.length() > 0 || !record.isEmpty()) {
      record.add(cell.toString());
      records.add(record);
    }
    return records;
  }

  /** The records after the header, as maps from column name (trimmed) to cell. */
  public static List<Map<String, String>> parseWithHeader(String text) {
    List<List<String>> records = parse(text);
    List<Map<String, String>> rows = new ArrayList<>();
    if (records.isEmpty()) {
      return rows;
    }
    List<String> header = records.get(0).stream().map(String::trim).toList();
    for (List<String> record : records.subList(1, records.size())) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        row.put(header.get(c), c < record.size() ? record.get(c) : "");
      }
      rows.add(row);
    }
    return rows;
  }

  /** One record: a cell with a comma, quote or line break is quoted and its quotes doubled. */
  public static String line(List<String> cells) {
    StringBuilder out = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        out.append(',');
      }
      String cell = cells.get(c) == null ? "" : cells.get(c);
      if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
        out.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        out.append(cell);
      }
    }
    return out.append('\n').toString();
  }

  /** A whole file: the header, then the records. */
  public static String table(List<String> header, List<List<String>> records) {
    StringBuilder out = new StringBuilder(line(header));
    for (List<String> record : records) {
      out.append(line(record));
    }
    return out.toString();
  }
}
