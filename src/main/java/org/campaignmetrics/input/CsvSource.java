package org.campaignmetrics.input;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.when;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one contract CSV file as text columns named by the contract, whatever the order of its
 * header, and numbers each record with the file line it starts on.
 *
 * <p>Spark's CSV reader maps columns by position; this reader reads the header line itself, builds
 * the schema in the file's own order, and selects the contract's columns by name, so a reordered
 * header can never swap killed and detained.
 */
public final class CsvSource {
  private static final Logger LOG = LoggerFactory.getLogger(CsvSource.class);

  /** Added columns: the input's name (for accounting), the file and the line a record starts on. */
  public static final String INPUT = "_input";
  public static final String FILE = "_file";
  public static final String LINE = "_line";
  public static final String MALFORMED = "_malformed";
  /** Added by {@link #readWithRecordIndex} instead of the line: the record's 0-based index in the file, and its line breaks. */
  public static final String RECORD = "_record";
  public static final String BREAKS = "_breaks";
  /** The record as text: the malformed input itself, else its fields re-joined with RFC 4180 quoting. */
  public static final String RAW = "_raw";
  /** Prefix of the fields as the file holds them, by position. */
  private static final String SOURCE = "_field_";

  private CsvSource() {}

  /** Whether an optional input file is there. */
  public static boolean exists(SparkSession spark, String inputDir, InputFile table) {
    return exists(spark, new Path(inputDir, table.fileName()));
  }

  /** Whether an input file or directory is there. */
  static boolean exists(SparkSession spark, Path path) {
    try {
      return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path);
    } catch (IOException e) {
      throw new InputException(path.getName() + ": cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * The file's records numbered with the line each starts on ({@link #LINE}), counted in order by a
   * typed pass over the file (whose row conversion costs Spark a second or so the first time): for
   * the rows of a figure file that the input pass rejected.
   */
  public static SourceRows readWithLines(SparkSession spark, String inputDir, InputFile table) {
    return read(spark, inputDir, table, true);
  }

  /**
   * The file's records with their position ({@link #RECORD}, {@link #BREAKS}) instead of their line,
   * in built-in expressions only: for the input pass. A file read whole by the driver (reports,
   * context) gets its line numbers there, from {@link #lines}.
   */
  public static SourceRows readWithRecordIndex(SparkSession spark, String inputDir, InputFile table) {
    return read(spark, inputDir, table, false);
  }

  /**
   * The line each record starts on, by record index, from every record's {@link #RECORD} and
   * {@link #BREAKS} (in any order): the header is line 1, and a record spans 1 + breaks lines.
   */
  public static Map<Long, Long> lines(List<Row> records) {
    java.util.TreeMap<Long, Long> breaks = new java.util.TreeMap<>();
    for (Row record : records) {
      breaks.put(record.<Long>getAs(RECORD), record.<Long>getAs(BREAKS));
    }
    Map<Long, Long> lines = new java.util.HashMap<>();
    long line = 2;
    for (Map.Entry<Long, Long> record : breaks.entrySet()) {
      lines.put(record.getKey(), line);
      line += 1 + record.getValue();
    }
    return lines;
  }

  private static SourceRows read(SparkSession spark, String inputDir, InputFile table, boolean numbered) {
    Path path = new Path(inputDir, table.fileName());
    List<String> header = readHeader(spark, path, table);
    Map<String, Integer> positions = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).trim().toLowerCase(Locale.ROOT);
      if (positions.put(name, i) != null) {
        throw new InputException(table.fileName() + ": column '" + name + "' appears twice in the header");
      }
    }
    for (String column : table.required()) {
      if (!positions.containsKey(column)) {
        throw new InputException(table.fileName() + ": missing required column '" + column
            + "' (header: " + String.join(",", header) + ")");
      }
    }
    for (String name : positions.keySet()) {
      if (!table.columns().contains(name)) {
        LOG.warn("{}: ignoring unknown column '{}'", table.fileName(), name);
      }
    }

    // Column names of the file's own header, position by position, all read as text.
    List<StructField> fields = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      fields.add(DataTypes.createStructField("c" + i, DataTypes.StringType, true));
    }
    fields.add(DataTypes.createStructField(MALFORMED, DataTypes.StringType, true));
    StructType fileSchema = DataTypes.createStructType(fields);

    Dataset<Row> records = spark.read()
        .schema(fileSchema)
        .option("header", "true")
        .option("enforceSchema", "true") // the schema was built from this very header
        .option("multiLine", "true") // quotes may hold line breaks
        .option("encoding", "UTF-8")
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", MALFORMED)
        .option("escape", "\"")
        .csv(path.toString());

    // A multi-line CSV file is never split: it is one partition, and saying so (coalesce(1)) lets
    // Spark aggregate it without a shuffle stage per aggregation.
    Dataset<Row> withLines;
    if (numbered) {
      StructType withLine = fileSchema.add(LINE, DataTypes.LongType, false);
      withLines = records.mapPartitions(new LineNumbers(), Encoders.row(withLine)).coalesce(1);
    } else {
      withLines = records.coalesce(1);
    }

    List<Column> selected = new ArrayList<>();
    for (String column : table.columns()) {
      Integer position = positions.get(column);
      selected.add(position == null
          ? lit(null).cast(DataTypes.StringType).as(column)
          : withLines.col("c" + position).as(column));
    }
    selected.add(lit(table.fileName()).as(INPUT));
    selected.add(lit(table.fileName()).as(FILE));
    if (numbered) {
      selected.add(withLines.col(LINE));
    } else {
      // one partition, read in order: the id is the record's index in the file
      selected.add(monotonically_increasing_id().as(RECORD));
      selected.add(lineBreaks(header.size()).as(BREAKS));
    }
    selected.add(withLines.col(MALFORMED));
    List<Column> fieldsAsText = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      selected.add(withLines.col("c" + i).as(SOURCE + i)); // every field, known or not, for the raw text
      fieldsAsText.add(csvField(col(SOURCE + i)));
    }
    Column rawText = coalesce(col(MALFORMED), concat_ws(",", fieldsAsText.toArray(new Column[0])));
    return new SourceRows(withLines.select(selected.toArray(new Column[0])), rawText);
  }

  /**
   * The line breaks inside a record (in its quoted values): a malformed record's fields may be
   * partial, and its raw text, which ends with the record's own line break, has the true count.
   */
  private static Column lineBreaks(int fields) {
    Column inFields = lit(0L);
    for (int i = 0; i < fields; i++) {
      inFields = inFields.plus(coalesce(breaksIn(col("c" + i)), lit(0L)));
    }
    Column malformed = col(MALFORMED);
    return when(malformed.isNotNull(),
        breaksIn(malformed).minus(when(malformed.endsWith("\n"), lit(1L)).otherwise(lit(0L))))
        .otherwise(inFields);
  }

  private static Column breaksIn(Column text) {
    return length(text).minus(length(regexp_replace(text, "\n", ""))).cast(DataTypes.LongType);
  }

  /**
   * A value as it stood in the record it was read from: quoted where it holds a comma, quote or line
   * break, the least a CSV reader needs. Not the output writer's rule (publish.CsvFile also quotes
   * white space at either end, for readers that trim): this one rebuilds a rejected row as read.
   */
  static Column csvField(Column value) {
    return when(value.isNull(), lit(""))
        .when(value.rlike("[\",\r\n]"), concat(lit("\""), regexp_replace(value, "\"", "\"\""), lit("\"")))
        .otherwise(value);
  }

  /**
   * The header's column names, after the checks a file must pass before Spark reads it: there, not a
   * directory, not empty, UTF-8 throughout (read once as a stream on the driver), and separated by
   * commas (a header that splits on semicolons or tabs is named as such).
   */
  private static List<String> readHeader(SparkSession spark, Path path, InputFile table) {
    String fileName = table.fileName();
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(path)) {
        throw new InputException(fileName + ": required input file not found at " + path);
      }
      if (fs.getFileStatus(path).isDirectory()) {
        throw new InputException(fileName + ": expected a file but found a directory at " + path);
      }
      try (InputStream in = fs.open(path)) { // one read of the file for both encoding checks
        byte[] head = new byte[1 << 16];
        int length = in.readNBytes(head, 0, head.length);
        TextChecks.requireNotUtf16(head, length, fileName);
        TextChecks.requireUtf8(new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head, 0, length), in),
            fileName);
      }
      try (BufferedReader reader = new BufferedReader(
          new InputStreamReader(fs.open(path), StandardCharsets.UTF_8))) {
        String line = reader.readLine();
        if (line == null || line.isBlank()) {
          throw new InputException(fileName + ": the file is empty (a header row is required)");
        }
        if (line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        List<String> names = splitHeader(line);
        String delimiter = TextChecks.otherDelimiter(line, table.required());
        if (names.size() == 1 && delimiter != null) {
          throw new InputException(fileName + ": the columns are separated by " + delimiter + ", not commas; save it "
              + "as comma-separated CSV (in Excel: \"CSV UTF-8 (Comma delimited)\")");
        }
        return names;
      }
    } catch (IOException e) {
      throw new InputException(fileName + ": cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /** Splits one header line on commas, honouring double quotes. */
  static List<String> splitHeader(String line) {
    List<String> names = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          current.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == ',' && !quoted) {
        names.add(current.toString());
        current.setLength(0);
      } else if (c != '\r') {
        current.append(c);
      }
    }
    names.add(current.toString());
    return names;
  }

  /**
   * A file is one partition (multi-line CSV is not split), read in order, so a running count of
   * records and of the line breaks inside their quoted values gives each record's first line.
   */
  static final class LineNumbers implements MapPartitionsFunction<Row, Row> {
    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      return new Iterator<>() {
        private long line = 2; // line 1 is the header

        @Override
        public boolean hasNext() {
          return rows.hasNext();
        }

        @Override
        public Row next() {
          Row row = rows.next();
          int malformedAt = row.size() - 1;
          Object[] values = new Object[row.size() + 1];
          long breaks = 0;
          for (int i = 0; i < row.size(); i++) {
            values[i] = row.get(i);
            if (i < malformedAt) {
              breaks += lineBreaks(values[i]);
            }
          }
          if (!row.isNullAt(malformedAt)) {
            // a malformed record's fields may be partial; its raw text has the true line count
            String raw = row.getString(malformedAt);
            breaks = lineBreaks(raw) - (raw.endsWith("\n") ? 1 : 0);
          }
          values[row.size()] = line;
          line += 1 + breaks;
          return RowFactory.create(values);
        }
      };
    }

    private static long lineBreaks(Object value) {
      if (!(value instanceof String s)) {
        return 0;
      }
      long count = 0;
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) == '\n') {
          count++;
        }
      }
      return count;
    }
  }
}
