package org.campaignmetrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.round;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base for tests that need Spark: one local[2] session for the whole test JVM, and
 * spark-testing-base's DataFrame comparisons (its JUnit 4 lifecycle is not used).
 */
public abstract class SparkTest {
  protected static SparkSession spark;
  private static final JavaDataFrameSuiteBase COMPARISONS = new JavaDataFrameSuiteBase();

  @BeforeAll
  static void shareSession() {
    spark = session();
  }

  static synchronized SparkSession session() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("campaign-metrics-tests")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate();
  }

  /**
   * Asserts that {@code actual}, cut down to the columns of {@code expectedSql} (a query such as
   * {@code SELECT * FROM VALUES (...) AS t(a, b)}) and cast to their types, holds the same rows in
   * any order; doubles are compared to 6 decimal places.
   */
  protected static void assertRows(String expectedSql, Dataset<Row> actual) {
    Dataset<Row> literal = spark.sql(expectedSql);
    List<Column> expectedColumns = new ArrayList<>();
    List<Column> actualColumns = new ArrayList<>();
    for (String name : literal.columns()) {
      // SQL literals are DECIMAL or VOID (NULL): compare in the actual column's type
      expectedColumns.add(col(name).cast(actual.schema().apply(name).dataType()).as(name));
      actualColumns.add(col(name));
    }
    COMPARISONS.assertDataFrameDataEquals(
        roundDoubles(literal.select(expectedColumns.toArray(new Column[0]))),
        roundDoubles(actual.select(actualColumns.toArray(new Column[0]))));
  }

  private static Dataset<Row> roundDoubles(Dataset<Row> frame) {
    List<Column> columns = new ArrayList<>();
    for (StructField field : frame.schema().fields()) {
      columns.add(field.dataType().equals(DataTypes.DoubleType)
          ? round(col(field.name()), 6).as(field.name())
          : col(field.name()));
    }
    return frame.select(columns.toArray(new Column[0]));
  }

  /** Writes an input directory: each pair of arguments is a file name and its content. */
  protected static Path inputDir(Path root, String... namesAndContents) throws IOException {
    Files.createDirectories(root);
    for (int i = 0; i < namesAndContents.length; i += 2) {
      Files.writeString(root.resolve(namesAndContents[i]), namesAndContents[i + 1], StandardCharsets.UTF_8);
    }
    return root;
  }
}
