package org.campaignmetrics.input;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The rows of one input as read (contract columns, file, line, malformed record), and how to write a
 * row back as the text it was read from. The text is an expression, not a column: it is evaluated
 * only for the rows a rule rejects, next to that rule, never for the rows that are fine.
 */
public record SourceRows(Dataset<Row> rows, Column rawText) {}
