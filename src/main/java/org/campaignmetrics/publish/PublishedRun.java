package org.campaignmetrics.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.campaignmetrics.model.Derivation;
import org.campaignmetrics.model.Figure;
import org.campaignmetrics.model.FigureTable;
import org.campaignmetrics.model.Period;
import org.campaignmetrics.model.Qualifier;

/**
 * The run currently published in an output directory: its run id (from its manifest) and its
 * figures (from {@code parquet/figures}), read on the driver with the Parquet library: a few
 * thousand rows, for which a Spark job would cost more than the reading.
 */
public record PublishedRun(String runId, List<Figure> figures) {

  /** The published run, or null when the directory has none (a first run). */
  public static PublishedRun read(Configuration conf, String outputDir) {
    Path figures = new Path(outputDir, "parquet/figures");
    try {
      FileSystem fs = figures.getFileSystem(conf);
      if (!fs.exists(figures)) {
        return null;
      }
      List<Figure> read = new ArrayList<>();
      for (FileStatus part : fs.globStatus(new Path(figures, "part-*"))) {
        try (ParquetReader<Group> reader =
            ParquetReader.builder(new GroupReadSupport(), part.getPath()).withConf(conf).build()) {
          for (Group row = reader.read(); row != null; row = reader.read()) {
            read.add(figure(row));
          }
        }
      }
      return new PublishedRun(runId(fs, new Path(outputDir, RunManifest.FILE)), read);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read the published figures in " + figures
          + " to compare this run with: " + e.getMessage(), e);
    }
  }

  private static String runId(FileSystem fs, Path manifest) throws IOException {
    if (!fs.exists(manifest)) {
      return null;
    }
    try (InputStream in = fs.open(manifest)) {
      JsonNode id = new ObjectMapper().readTree(in).get("run_id");
      return id == null || id.isNull() ? null : id.asText();
    }
  }

  private static Figure figure(Group row) {
    String metric = text(row, "metric");
    Period period = new Period(day(row, "period_start"), day(row, "period_end"));
    return new Figure(FigureTable.of(metric), period, text(row, "theater"), metric, row.getLong("value", 0),
        Qualifier.fromCode(text(row, "qualifier")), Derivation.valueOf(text(row, "derivation").toUpperCase(
            java.util.Locale.ROOT)), text(row, "sources"), text(row, "quote"));
  }

  private static String text(Group row, String field) {
    return row.getFieldRepetitionCount(field) == 0 ? null : row.getString(field, 0);
  }

  private static LocalDate day(Group row, String field) {
    return LocalDate.ofEpochDay(row.getInteger(field, 0)); // Parquet DATE: days since 1970-01-01
  }
}
