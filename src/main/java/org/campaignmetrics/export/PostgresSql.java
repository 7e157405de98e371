package org.campaignmetrics.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.campaignmetrics.tables.DataDictionary;
import org.campaignmetrics.tables.OutputTable;

/** The SQL text of the export, built without a server: DDL with exact types, comments, quoting, masking. */
public final class PostgresSql {
  private static final Map<DataType, String> SQL_TYPES = Map.of(
      DataTypes.DateType, "DATE",
      DataTypes.IntegerType, "INTEGER",
      DataTypes.LongType, "BIGINT",
      DataTypes.DoubleType, "DOUBLE PRECISION",
      DataTypes.StringType, "TEXT",
      DataTypes.BooleanType, "BOOLEAN",
      DataTypes.TimestampType, "TIMESTAMP WITH TIME ZONE");

  private PostgresSql() {}


  /** {@code CREATE TABLE} with the PostgreSQL type of each Spark column and the natural key as primary key. */
  public static String createTable(String qualifiedName, StructType schema, List<String> key) {
    List<String> columns = new ArrayList<>();
    for (StructField field : schema.fields()) {
      String type = SQL_TYPES.get(field.dataType());
      if (type == null) {
        throw new IllegalArgumentException("column " + field.name() + " of " + qualifiedName + ": no PostgreSQL type for "
            + field.dataType().simpleString());
      }
      columns.add(quote(field.name()) + " " + type);
    }
    for (String column : key) {
      if (!List.of(schema.fieldNames()).contains(column)) {
        throw new IllegalArgumentException("key column " + column + " is not a column of " + qualifiedName);
      }
    }
    columns.add("PRIMARY KEY (" + key.stream().map(PostgresSql::quote).collect(Collectors.joining(", ")) + ")");
    return "CREATE TABLE " + qualifiedName + " (\n  " + String.join(",\n  ", columns) + "\n)";
  }

  /** {@code COMMENT ON} the table and each documented column: meaning and unit from the dictionary. */
  public static List<String> comments(String qualifiedName, List<String> columnNames, DataDictionary.Table doc) {
    List<String> statements = new ArrayList<>();
    if (doc == null) {
      return statements;
    }
    statements.add("COMMENT ON TABLE " + qualifiedName + " IS " + literal(doc.comment()));
    for (String column : columnNames) {
      doc.column(column).map(DataDictionary.Column::comment).filter(c -> !c.isEmpty()).ifPresent(comment ->
          statements.add("COMMENT ON COLUMN " + qualifiedName + "." + quote(column) + " IS " + literal(comment)));
    }
    return statements;
  }

  public static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  public static String qualified(String schema, String table) {
    return quote(schema) + "." + quote(table);
  }

  /** A string constant that reads the same whatever standard_conforming_strings says. */
  public static String literal(String text) {
    return "E'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
  }

  /**
   * Every DOUBLE column of a loaded table rounded to {@link OutputTable#SIGNIFICANT_DIGITS}
   * significant digits, as the CSV files have them (in the staging table, before the swap).
   */
  public static List<String> roundRates(String qualifiedName, StructType schema) {
    List<String> statements = new ArrayList<>();
    for (StructField field : schema.fields()) {
      if (field.dataType().equals(DataTypes.DoubleType)) {
        String c = quote(field.name());
        statements.add("UPDATE " + qualifiedName + " SET " + c + " = round(" + c + "::numeric, "
            + (OutputTable.SIGNIFICANT_DIGITS - 1) + " - floor(log(abs(" + c + "::numeric)))::int)::double precision"
            + " WHERE " + c + " <> 0 AND " + c + " NOT IN ('NaN', 'Infinity', '-Infinity')");
      }
    }
    return statements;
  }

  /** A message with every secret replaced by ***. */
  static String redact(String message, String... secrets) {
    String redacted = message;
    for (String secret : secrets) {
      if (secret != null && !secret.isEmpty()) {
        redacted = redacted.replace(secret, "***");
      }
    }
    return redacted;
  }
}
