package org.campaignmetrics.io;

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
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * operations and attacks, as CSV ({@code operations.csv}) or as Parquet ({@code operations.parquet},
 * a file or a directory of part files) with the same columns. Both come out as the same text columns,
 * so they are parsed and checked by the same code and give the same figures.
 */
public final class FigureInput {
  private FigureInput() {}

  /** The Parquet name of a figure table: operations.csv is also accepted as operations.parquet. */
  public static String parquetName(CsvTable table) {
    return table.fileName().replaceAll("\\.csv$", ".parquet");
  }

  /** Which of the two forms the input directory holds; both at once is ambiguous. */
  public static String name(SparkSession spark, String inputDir, CsvTable table) {
    boolean csv = CsvInputReader.exists(spark, new Path(inputDir, table.fileName()));
    boolean parquet = CsvInputReader.exists(spark, new Path(inputDir, parquetName(table)));
    if (csv && parquet) {
      throw new InputException(table.fileName() + ": both " + table.fileName() + " and " + parquetName(table)
          + " are in " + inputDir + "; keep one");
    }
    return parquet ? parquetName(table) : table.fileName();
  }

  public static Dataset<Row> read(SparkSession spark, String inputDir, CsvTable table) {
    String name = name(spark, inputDir, table);
    return name.equals(table.fileName()) ? CsvInputReader.read(spark, inputDir, table) : readParquet(spark, inputDir,
        table, name);
  }

  private static Dataset<Row> readParquet(SparkSession spark, String inputDir, CsvTable table, String name) {
    Path path = new Path(inputDir, name);
    Dataset<Row> rows;
    boolean directory;
    try {
      directory = path.getFileSystem(spark.sparkContext().hadoopConfiguration()).getFileStatus(path).isDirectory();
      rows = spark.read().parquet(path.toString());
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
      Column value;
      if (field == null) {
        value = lit(null).cast(DataTypes.StringType);
      } else if (field.dataType().equals(DataTypes.DateType)) {
        value = date_format(col(field.name()), "yyyy-MM-dd");
      } else {
        value = col(field.name()).cast(DataTypes.StringType);
      }
      selected.add(value.as(column));
      text.add(CsvInputReader.csvField(value));
    }
    // a Parquet row's "line" is its 1-based row number within its file
    Column file = directory ? concat(lit(name + "/"), col("_metadata.file_name")) : lit(name);
    selected.add(lit(name).as(CsvInputReader.INPUT));
    selected.add(file.as(CsvInputReader.FILE));
    selected.add(col("_metadata.row_index").plus(1).as(CsvInputReader.LINE));
    selected.add(lit(null).cast(DataTypes.StringType).as(CsvInputReader.MALFORMED));
    selected.add(concat_ws(",", text.toArray(new Column[0])).as(CsvInputReader.RAW));
    return rows.select(selected.toArray(new Column[0]));
  }
}
