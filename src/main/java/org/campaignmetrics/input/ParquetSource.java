package org.campaignmetrics.input;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.parquet.ParquetToSparkSchemaConverter;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A figure file in its Parquet form ({@code operations.parquet}, a file or a directory of part
 * files): the contract's columns selected by name, dates and whole numbers kept typed (they skip
 * the text rules), anything else read as its text, so that it is checked like the same CSV cell.
 */
public final class ParquetSource {
  /** Where Spark keeps its own schema in a Parquet footer (written by Spark and by the job's writer). */
  public static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";
  private static final Set<DataType> WHOLE_NUMBERS = Set.of(
      DataTypes.LongType, DataTypes.IntegerType, DataTypes.ShortType, DataTypes.ByteType);

  private ParquetSource() {}

  /** A Parquet value as the same cell would read in the CSV form. */
  private static Column asText(Column value, org.apache.spark.sql.types.DataType type) {
    return type.equals(DataTypes.DateType) ? date_format(value, "yyyy-MM-dd") : value.cast(DataTypes.StringType);
  }

  /**
   * The schema of a Parquet input as Spark infers it without merging: from the footer of its first
   * data file (the Spark schema written there, else the Parquet schema converted), read on the driver.
   */
  static StructType footerSchema(Path path, org.apache.hadoop.conf.Configuration conf) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    FileStatus first = null;
    FileStatus status = fs.getFileStatus(path);
    if (status.isDirectory()) {
      for (FileStatus file : fs.listStatus(path)) {
        String fileName = file.getPath().getName();
        boolean data = file.isFile() && !fileName.startsWith("_") && !fileName.startsWith(".");
        if (data && (first == null || fileName.compareTo(first.getPath().getName()) < 0)) {
          first = file;
        }
      }
      if (first == null) {
        throw new IOException("no Parquet data files in " + path);
      }
    } else {
      first = status;
    }
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromStatus(first, conf))) {
      FileMetaData footer = reader.getFooter().getFileMetaData();
      String sparkSchema = footer.getKeyValueMetaData().get(SPARK_SCHEMA_KEY);
      if (sparkSchema != null && DataType.fromJson(sparkSchema) instanceof StructType written) {
        return written;
      }
      return new ParquetToSparkSchemaConverter(conf).convert(footer.getSchema());
    }
  }

  static SourceRows read(SparkSession spark, String inputDir, InputFile table, String name,
      boolean positioned) {
    Path path = new Path(inputDir, name);
    Dataset<Row> rows;
    boolean directory;
    try {
      org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
      directory = path.getFileSystem(conf).getFileStatus(path).isDirectory();
      // the schema given, so that Spark reads no footer in a job of its own to infer it
      rows = spark.read().schema(footerSchema(path, conf)).parquet(path.toString());
    } catch (IOException | RuntimeException e) {
      throw new InputException(name + ": cannot read it as Parquet: " + e.getMessage(), e);
    }
    Map<String, StructField> byName = new HashMap<>();
    for (StructField field : rows.schema().fields()) {
      byName.put(field.name().toLowerCase(Locale.ROOT), field);
    }
    for (String column : table.required()) {
      if (!byName.containsKey(column)) {
        throw new InputException(name + ": missing required column '" + column + "'");
      }
    }
    List<Column> selected = new ArrayList<>();
    List<Column> text = new ArrayList<>();
    for (String column : table.columns()) {
      StructField field = byName.get(column);
      if (field == null) {
        selected.add(lit(null).cast(DataTypes.StringType).as(column));
        text.add(CsvSource.csvField(lit(null).cast(DataTypes.StringType)));
        continue;
      }
      // dates and whole numbers stay typed (RowRules reads them without text rules); anything
      // else is read as its text, so that 2.5 or a timestamp is rejected like the same CSV cell
      boolean typed = field.dataType().equals(DataTypes.DateType) || WHOLE_NUMBERS.contains(field.dataType());
      selected.add((typed ? col(field.name()) : asText(col(field.name()), field.dataType())).as(column));
      // the raw text reads the selected column (by its contract name), back as text
      text.add(CsvSource.csvField(asText(col(column), typed ? field.dataType() : DataTypes.StringType)));
    }
    selected.add(lit(name).as(CsvSource.INPUT));
    if (positioned) {
      // a Parquet row's "line" is its 1-based row number within its file
      Column file = directory ? concat(lit(name + "/"), col("_metadata.file_name")) : lit(name);
      selected.add(file.as(CsvSource.FILE));
      selected.add(col("_metadata.row_index").plus(1).as(CsvSource.LINE));
    }
    selected.add(lit(null).cast(DataTypes.StringType).as(CsvSource.MALFORMED));
    return new SourceRows(rows.select(selected.toArray(new Column[0])), concat_ws(",", text.toArray(new Column[0])));
  }
}
