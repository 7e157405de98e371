package org.campaignmetrics.io;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes rows already on the driver as one CSV file in the form Spark's CSV writer gives with
 * OutputWriter's options (header, RFC 4180 quoting, yyyy-MM-dd, empty for null), and with formulas
 * defused ({@link OutputWriter#defuseFormulas}).
 */
final class CsvRows {
  private CsvRows() {}

  static void write(FileSystem fs, Path file, StructType schema, List<Row> rows) throws IOException {
    StructField[] fields = schema.fields();
    try (Writer out = new java.io.BufferedWriter(new OutputStreamWriter(fs.create(file, false), StandardCharsets.UTF_8),
        1 << 16)) {
      for (int i = 0; i < fields.length; i++) {
        out.write(i == 0 ? "" : ",");
        out.write(quoted(fields[i].name()));
      }
      out.write('\n');
      for (Row row : rows) {
        for (int i = 0; i < fields.length; i++) {
          if (i > 0) {
            out.write(',');
          }
          out.write(cell(row.get(i), fields[i]));
        }
        out.write('\n');
      }
    }
  }

  /** One value as CSV text: null is an empty cell, an empty text "" (as Spark writes them). */
  static String cell(Object value, StructField field) {
    if (value == null) {
      return "";
    }
    if (field.dataType().equals(DataTypes.StringType)) {
      String text = (String) value;
      return text.isEmpty() ? "\"\"" : quoted(defused(text));
    }
    if (field.dataType().equals(DataTypes.DateType)) {
      return org.campaignmetrics.Period.day(value).toString();
    }
    return value.toString(); // whole numbers, Double.toString for doubles: Spark's CSV writer does the same
  }

  /** A text cell a spreadsheet would run as a formula gets a leading apostrophe (see OutputWriter). */
  static String defused(String text) {
    char first = text.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + text : text;
  }

  /**
   * Quoted where a reader would otherwise split or trim it: a comma, quote or line break inside, or
   * white space at either end; a quote inside is doubled (RFC 4180).
   */
  static String quoted(String text) {
    boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0 || Character.isWhitespace(text.charAt(0))
        || Character.isWhitespace(text.charAt(text.length() - 1));
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
