package org.campaignmetrics.extract;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A document file as the extractor reads it: {@code .txt} and {@code .md} as UTF-8 text,
 * {@code .html}/{@code .htm} reduced to text ({@link HtmlText}). Its metadata is its documents.csv
 * row when given, else read from the text.
 */
public record SourceDocument(String file, String text, String htmlTitle) implements Serializable {

  /** Whether the extractor reads files with this name. */
  public static boolean readable(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".txt") || n.endsWith(".md") || n.endsWith(".html") || n.endsWith(".htm");
  }

  /** The document in file {@code file} (its name relative to the documents directory) with these bytes. */
  public static SourceDocument of(String file, byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String n = file.toLowerCase(Locale.ROOT);
    if (n.endsWith(".html") || n.endsWith(".htm")) {
      HtmlText.Page page = HtmlText.read(text);
      return new SourceDocument(file, page.text(), page.title());
    }
    return new SourceDocument(file, text, null);
  }

  /** The extraction of this document; {@code row} is its documents.csv row, or null. */
  public Extraction extract(Map<String, String> row) {
    DocumentInfo info = row != null ? DocumentInfo.fromRow(row, text) : DocumentInfo.fromText(file, text, htmlTitle);
    if (row != null && (info.title() == null || info.title().isEmpty())) {
      DocumentInfo fromText = DocumentInfo.fromText(file, text, htmlTitle);
      info = new DocumentInfo(info.file(), info.reportId(), info.publisher(), info.publishedOn(), info.sourceType(),
          fromText.title(), info.reference(), info.referenceDate());
    }
    return FigureExtractor.extract(text, info);
  }
}
