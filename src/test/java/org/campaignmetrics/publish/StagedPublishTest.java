package org.campaignmetrics.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.campaignmetrics.SparkTest;
import org.campaignmetrics.spark.TableRows;
import org.campaignmetrics.tables.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StagedPublishTest extends SparkTest {
  @TempDir
  Path output;

  private static Table table(String name, Dataset<Row> rows, boolean rowLevel) {
    return Table.of(name, rows.schema(), List.of("n"),
        rowLevel ? new TableRows.InSpark(rows) : new TableRows.OnDriver(rows.collectAsList()));
  }

  /** Both ways of writing a table: from the driver (aggregates) and by Spark (row-level tables). */
  @ParameterizedTest(name = "row-level: {0}")
  @ValueSource(booleans = {false, true})
  void csvIsOneRfc4180FileSortedWithEmptyForUnknown(boolean rowLevel) throws Exception {
    Dataset<Row> rows = spark.sql("SELECT * FROM VALUES"
        + " (2, 'say \"more than double\"', CAST(NULL AS DOUBLE), DATE'2024-06-30'),"
        + " (1, 'Iraq, Syria\nand beyond', 0.25D, DATE'2024-01-01')"
        + " AS t(n, quote, rate, day)");
    StagedPublish.writeAll(spark, output.toString(),
        List.of(table("sample", rows, rowLevel)));
    assertEquals("n,quote,rate,day\n"
            + "1,\"Iraq, Syria\nand beyond\",0.25,2024-01-01\n"
            + "2,\"say \"\"more than double\"\"\",,2024-06-30\n",
        Files.readString(output.resolve("csv/sample.csv")));
    Dataset<Row> parquet = spark.read().parquet(output.resolve("parquet/sample").toString());
    assertEquals(rows.schema().simpleString(), parquet.schema().simpleString());
    assertEquals(rows.orderBy("n").collectAsList(), parquet.orderBy("n").collectAsList());
  }

  @ParameterizedTest(name = "row-level: {0}")
  @ValueSource(booleans = {false, true})
  void textCellsThatASpreadsheetWouldRunAsFormulasAreDefusedInCsvOnly(boolean rowLevel) throws Exception {
    Dataset<Row> rows = spark.sql("SELECT * FROM VALUES"
        + " (1, '=HYPERLINK(\\'x\\')', -5), (2, '+1', 3), (3, '-2', 4), (4, '@SUM(A1)', 5),"
        + " (5, '\\tx', 6), (6, 'plain - text', 7), (7, CAST(NULL AS STRING), 8)"
        + " AS t(n, note, delta)");
    StagedPublish.writeAll(spark, output.toString(),
        List.of(table("cells", rows, rowLevel)));
    assertEquals("n,note,delta\n"
            + "1,'=HYPERLINK('x'),-5\n"
            + "2,'+1,3\n"
            + "3,'-2,4\n"
            + "4,'@SUM(A1),5\n"
            + "5,'\tx,6\n"
            + "6,plain - text,7\n"
            + "7,,8\n",
        Files.readString(output.resolve("csv/cells.csv")));
    assertEquals("=HYPERLINK('x')", spark.read().parquet(output.resolve("parquet/cells").toString())
        .filter("n = 1").first().getAs("note"));
  }

  @Test
  void ratesAreWrittenToCsvWithSixSignificantDigits() {
    assertEquals(0.22449, CsvFile.significant(0.22448979591836735));
    assertEquals(307.681, CsvFile.significant(307.6813186813187));
    assertEquals(2.54282, CsvFile.significant(2.542821));
    assertEquals(-5883.54, CsvFile.significant(-5883.537371));
    assertEquals(1234570.0, CsvFile.significant(1234567.8));
    assertEquals(0.0, CsvFile.significant(0.0));
    assertEquals("0.22449", CsvFile.cell(0.22448979591836735,
        new org.apache.spark.sql.types.StructField("r", org.apache.spark.sql.types.DataTypes.DoubleType, true,
            org.apache.spark.sql.types.Metadata.empty())));
  }
}
