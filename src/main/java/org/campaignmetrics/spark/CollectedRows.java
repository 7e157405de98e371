package org.campaignmetrics.spark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.execution.SQLExecution;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Option;

/**
 * A small query's result on the driver, as rows with its schema, like {@code collectAsList} but
 * without Spark's row encoder: in a fresh JVM the encoder's generated deserializer initialises
 * Scala reflection and the Julian-calendar rebase tables (java.sql.Date), about a second of a run
 * that only needs text, whole numbers, flags and dates. Dates come back as {@link LocalDate}.
 * The query still runs as one SQL execution (it shows in Spark's UI and listeners as collect would).
 */
public final class CollectedRows {
  private CollectedRows() {}

  public static List<Row> of(Dataset<Row> query) {
    QueryExecution execution = query.queryExecution();
    InternalRow[] internal = SQLExecution.withNewExecutionId(execution, Option.apply("collectAsList"),
        () -> execution.executedPlan().executeCollect());
    StructType schema = query.schema();
    StructField[] fields = schema.fields();
    List<Row> rows = new ArrayList<>(internal.length);
    for (InternalRow row : internal) {
      Object[] values = new Object[fields.length];
      for (int i = 0; i < fields.length; i++) {
        values[i] = row.isNullAt(i) ? null : value(row, i, fields[i]);
      }
      rows.add(new GenericRowWithSchema(values, schema));
    }
    return rows;
  }

  private static Object value(InternalRow row, int i, StructField field) {
    DataType type = field.dataType();
    if (type.equals(DataTypes.StringType)) {
      return row.getUTF8String(i).toString();
    } else if (type.equals(DataTypes.LongType)) {
      return row.getLong(i);
    } else if (type.equals(DataTypes.IntegerType)) {
      return row.getInt(i);
    } else if (type.equals(DataTypes.DoubleType)) {
      return row.getDouble(i);
    } else if (type.equals(DataTypes.BooleanType)) {
      return row.getBoolean(i);
    } else if (type.equals(DataTypes.DateType)) {
      return LocalDate.ofEpochDay(row.getInt(i)); // Spark's days are proleptic Gregorian, as LocalDate's
    }
    throw new IllegalArgumentException("column " + field.name() + ": no driver form for " + type.simpleString());
  }
}
