package org.campaignmetrics.input;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * operations and attacks, as CSV ({@code operations.csv}) or as Parquet ({@code operations.parquet},
 * a file or a directory of part files) with the same columns. Both are parsed and checked by the same
 * code and give the same figures; Parquet's date and whole-number columns come typed and skip the text
 * rules, which is what makes event-level inputs cheap to read.
 */
public final class FigureSource {
  private FigureSource() {}

  /** Which of the two forms the input directory holds; both at once is ambiguous. */
  public static String name(SparkSession spark, String inputDir, InputFile table) {
    boolean csv = CsvSource.exists(spark, new Path(inputDir, table.fileName()));
    boolean parquet = CsvSource.exists(spark, new Path(inputDir, table.parquetName()));
    if (csv && parquet) {
      throw new InputException(table.fileName() + ": both " + table.fileName() + " and " + table.parquetName()
          + " are in " + inputDir + "; keep one");
    }
    return parquet ? table.parquetName() : table.fileName();
  }

  /** The records with their line: a CSV file's from {@link CsvSource#readWithLines}, a Parquet row's its row number. */
  public static SourceRows readWithLines(SparkSession spark, String inputDir, InputFile table) {
    return read(spark, inputDir, table, true);
  }

  /**
   * The records for the input pass, which needs no line: a CSV file's from
   * {@link CsvSource#readWithRecordIndex}; Parquet rows without their file and row number, which Spark
   * would build a metadata struct for on every row even where no one reads it.
   */
  public static SourceRows readForPass(SparkSession spark, String inputDir, InputFile table) {
    return read(spark, inputDir, table, false);
  }

  private static SourceRows read(SparkSession spark, String inputDir, InputFile table, boolean positioned) {
    String name = name(spark, inputDir, table);
    if (!name.equals(table.fileName())) {
      return ParquetSource.read(spark, inputDir, table, name, positioned);
    }
    return positioned ? CsvSource.readWithLines(spark, inputDir, table)
        : CsvSource.readWithRecordIndex(spark, inputDir, table);
  }


  /** Whether any figure file of the input comes as Parquet; an ambiguous input counts as Parquet (the reader will say what is wrong). */
  public static boolean anyParquet(SparkSession spark, String inputDir) {
    try {
      for (InputFile file : InputContract.FIGURE_FILES) {
        if (!name(spark, inputDir, file).equals(file.fileName())) {
          return true;
        }
      }
      return false;
    } catch (InputException ambiguous) {
      return true;
    }
  }
}
