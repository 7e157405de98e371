package org.campaignmetrics.publish;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes rows already on the driver to one Parquet file, as Spark would: the same physical and
 * logical types, Snappy, and Spark's schema in the footer, so that Spark, DuckDB and the BI tools read
 * it like Spark's own output. For the small output tables this replaces a Spark job per table.
 */
final class ParquetFile {
  /** Footer keys Spark writes and reads back (ParquetReadSupport / ParquetWriteSupport). */
  private static final String SPARK_VERSION_KEY = "org.apache.spark.version";

  private ParquetFile() {}

  static void write(Configuration conf, Path file, StructType schema, List<Row> rows, String sparkVersion)
      throws IOException {
    try (ParquetWriter<Row> writer = new Builder(HadoopOutputFile.fromPath(file, conf), schema, sparkVersion)
        .withConf(conf)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withWriteMode(ParquetFileWriter.Mode.CREATE)
        .build()) {
      for (Row row : rows) {
        writer.write(row);
      }
    }
  }

  static MessageType parquetSchema(StructType schema) {
    Types.MessageTypeBuilder message = Types.buildMessage();
    for (StructField field : schema.fields()) {
      Type.Repetition repetition = field.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
      DataType type = field.dataType();
      if (type.equals(DataTypes.StringType)) {
        message.primitive(PrimitiveTypeName.BINARY, repetition).as(LogicalTypeAnnotation.stringType())
            .named(field.name());
      } else if (type.equals(DataTypes.DateType)) {
        message.primitive(PrimitiveTypeName.INT32, repetition).as(LogicalTypeAnnotation.dateType())
            .named(field.name());
      } else if (type.equals(DataTypes.IntegerType)) {
        message.primitive(PrimitiveTypeName.INT32, repetition).named(field.name());
      } else if (type.equals(DataTypes.LongType)) {
        message.primitive(PrimitiveTypeName.INT64, repetition).named(field.name());
      } else if (type.equals(DataTypes.DoubleType)) {
        message.primitive(PrimitiveTypeName.DOUBLE, repetition).named(field.name());
      } else if (type.equals(DataTypes.BooleanType)) {
        message.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(field.name());
      } else {
        throw new IllegalArgumentException("no Parquet mapping for column " + field.name() + " of type " + type);
      }
    }
    return message.named("spark_schema");
  }

  private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
    private final StructType schema;
    private final String sparkVersion;

    Builder(org.apache.parquet.io.OutputFile file, StructType schema, String sparkVersion) {
      super(file);
      this.schema = schema;
      this.sparkVersion = sparkVersion;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Row> getWriteSupport(Configuration conf) {
      return new RowWriteSupport(schema, sparkVersion);
    }
  }

  private static final class RowWriteSupport extends WriteSupport<Row> {
    private final StructType schema;
    private final String sparkVersion;
    private RecordConsumer consumer;

    RowWriteSupport(StructType schema, String sparkVersion) {
      this.schema = schema;
      this.sparkVersion = sparkVersion;
    }

    @Override
    public WriteContext init(Configuration configuration) {
      Map<String, String> footer = new HashMap<>();
      footer.put(org.campaignmetrics.input.ParquetSource.SPARK_SCHEMA_KEY, schema.json());
      footer.put(SPARK_VERSION_KEY, sparkVersion);
      return new WriteContext(parquetSchema(schema), footer);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.consumer = recordConsumer;
    }

    @Override
    public void write(Row row) {
      consumer.startMessage();
      StructField[] fields = schema.fields();
      for (int i = 0; i < fields.length; i++) {
        Object value = row.get(i);
        if (value == null) {
          if (!fields[i].nullable()) {
            throw new IllegalArgumentException("column " + fields[i].name() + " is not nullable but holds null");
          }
          continue;
        }
        consumer.startField(fields[i].name(), i);
        DataType type = fields[i].dataType();
        if (type.equals(DataTypes.StringType)) {
          consumer.addBinary(Binary.fromString((String) value));
        } else if (type.equals(DataTypes.DateType)) {
          LocalDate day = org.campaignmetrics.model.Period.day(value);
          consumer.addInteger(Math.toIntExact(day.toEpochDay()));
        } else if (type.equals(DataTypes.IntegerType)) {
          consumer.addInteger((Integer) value);
        } else if (type.equals(DataTypes.LongType)) {
          consumer.addLong((Long) value);
        } else if (type.equals(DataTypes.DoubleType)) {
          consumer.addDouble((Double) value);
        } else {
          consumer.addBoolean((Boolean) value);
        }
        consumer.endField(fields[i].name(), i);
      }
      consumer.endMessage();
    }
  }
}
