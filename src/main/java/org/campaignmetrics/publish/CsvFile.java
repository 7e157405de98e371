package org.campaignmetrics.publish;

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
import org.campaignmetrics.tables.OutputTable;

/**
 * Writes rows already on the driver as one CSV file in the form Spark's CSV writer gives with
 * StagedPublish's options (header, RFC 4180 quoting, yyyy-MM-dd, empty for null), and with formulas
 * defused ({@link StagedPublish#defuseFormulas}).
 */
final class CsvFile {
  private CsvFile() {}

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
      return org.campaignmetrics.model.Period.day(value).toString();
    }
    if (value instanceof Double rate) {
      return Double.toString(significant(rate)); // Double.toString, as Spark's CSV writer prints doubles
    }
    return value.toString();
  }

  /**
   * CSV injection (OWASP, CWE-1236): a text cell starting with one of these a spreadsheet would run
   * as a formula. One pattern for both writers: here, and as a Spark expression in StagedPublish.
   */
  static final String FORMULA_START = "^[=+\\-@\t\r]";
  private static final java.util.regex.Pattern FORMULA = java.util.regex.Pattern.compile(FORMULA_START);

  /** A rate rounded to {@link OutputTable#SIGNIFICANT_DIGITS} significant digits (half even). */
  static double significant(double rate) {
    if (rate == 0 || !Double.isFinite(rate)) {
      return rate;
    }
    // the digits kept are an integer k; k / 10^n (or k * 10^n) is then one correctly rounded operation
    int shift = OutputTable.SIGNIFICANT_DIGITS - 1 - (int) Math.floor(Math.log10(Math.abs(rate)));
    if (shift >= 0 && shift <= 22) {
      double power = POWERS_OF_TEN[shift];
      double digits = Math.rint(rate * power);
      if (Math.abs(digits) < 1e15) { // exact in a double
        return digits / power;
      }
    } else if (shift < 0 && shift >= -22) {
      double power = POWERS_OF_TEN[-shift];
      return Math.rint(rate / power) * power;
    }
    return new java.math.BigDecimal(rate)
        .round(new java.math.MathContext(OutputTable.SIGNIFICANT_DIGITS, java.math.RoundingMode.HALF_EVEN))
        .doubleValue();
  }

  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10; // exact up to 10^22
    }
  }

  /** A text cell a spreadsheet would run as a formula gets a leading apostrophe. */
  static String defused(String text) {
    return FORMULA.matcher(text).find() ? "'" + text : text;
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
