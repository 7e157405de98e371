package org.campaignmetrics.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.types.StructField;
import org.campaignmetrics.input.FileAccount;
import org.campaignmetrics.tables.Table;

/**
 * {@code DIR/_manifest.json}: what a successful run read and wrote, written last and atomically
 * (a temporary file, then a rename), so that schedulers and downstream jobs can wait for it
 * instead of {@code _SUCCESS}. A failed run writes none and leaves the previous one, which still
 * describes the outputs in place.
 */
public final class RunManifest {
  public static final String FILE = "_manifest.json";

  private RunManifest() {}

  /**
   * What a run was and did, in the manifest's order: run id and date, start and end, status, Spark
   * master, every parameter, checks by severity, figures by derivation, and the PostgreSQL export
   * (null: none), and for a held run the reasons (null otherwise).
   */
  public record Run(String runId, String runDate, Instant startedAt, Instant finishedAt, String status,
      String sparkMaster, Map<String, String> parameters, long errors, long warnings,
      Map<String, Long> figuresByDerivation, Map<String, Object> postgresExport, List<PublishGates.Reason> held,
      String sparkWork) {}

  public static void write(Configuration conf, String outputDir, String inputDir, Run run, List<FileAccount> inputs,
      List<Table> tables) {
    try {
      Path output = new Path(outputDir);
      FileSystem fs = output.getFileSystem(conf);
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("run_id", run.runId());
      manifest.put("run_date", run.runDate());
      manifest.put("started_at", run.startedAt().toString());
      manifest.put("finished_at", run.finishedAt().toString());
      manifest.put("status", run.status());
      manifest.put("spark_master", run.sparkMaster());
      manifest.put("parameters", run.parameters());
      Map<String, Long> checks = new LinkedHashMap<>(); // in a fixed order (Map.of's varies by JVM)
      checks.put("error", run.errors());
      checks.put("warning", run.warnings());
      manifest.put("checks", checks);
      manifest.put("figures", run.figuresByDerivation());
      manifest.put("spark_work", run.sparkWork());
      if (run.postgresExport() != null) {
        manifest.put("postgres_export", run.postgresExport());
      }
      if (run.held() != null) {
        List<Map<String, String>> reasons = new ArrayList<>();
        for (PublishGates.Reason reason : run.held()) {
          Map<String, String> entry = new LinkedHashMap<>();
          entry.put("gate", reason.gate());
          entry.put("message", reason.message());
          entry.put("flag", reason.flag());
          reasons.add(entry);
        }
        manifest.put("reasons", reasons);
      }
      manifest.put("build", build());
      List<Map<String, Object>> inputEntries = new ArrayList<>();
      for (FileAccount input : inputs) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", input.file());
        entry.put("files", files(new Path(inputDir, input.file()).getFileSystem(conf), new Path(inputDir, input.file())));
        entry.put("rows_read", input.read());
        entry.put("rows_used", input.used());
        entry.put("rows_rejected", input.rejected());
        inputEntries.add(entry);
      }
      manifest.put("inputs", inputEntries);
      List<Map<String, Object>> outputEntries = new ArrayList<>();
      for (Table table : tables) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("table", table.name());
        entry.put("parquet", "parquet/" + table.name());
        entry.put("csv", "csv/" + table.name() + ".csv");
        entry.put("rows", parquetRows(fs, new Path(output, "parquet/" + table.name()), conf));
        List<Map<String, String>> columns = new ArrayList<>();
        for (StructField field : table.schema().fields()) {
          Map<String, String> column = new LinkedHashMap<>(); // name first, in every run (Map.of's order varies)
          column.put("name", field.name());
          column.put("type", field.dataType().simpleString());
          columns.add(column);
        }
        entry.put("columns", columns);
        outputEntries.add(entry);
      }
      manifest.put("outputs", outputEntries);

      // on a local disk, no .crc sidecar next to a file meant for people and schedulers
      FileSystem plain = fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
      Path temporary = new Path(output, FILE + ".tmp-" + run.runId().replaceAll("[^A-Za-z0-9._=-]", "_")); // a path, whatever the id
      try (OutputStream out = plain.create(temporary, true)) {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, manifest);
      }
      Path target = new Path(output, FILE);
      fs.delete(target, false); // and an old sidecar, if any
      if (!plain.rename(temporary, target)) {
        throw new IOException("cannot move " + temporary + " to " + target);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + FILE + " under " + outputDir + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, String> build() throws IOException {
    Map<String, String> build = new LinkedHashMap<>();
    String version = RunManifest.class.getPackage().getImplementationVersion();
    build.put("application_version", version != null ? version : "development");
    Properties git = new Properties();
    try (InputStream in = RunManifest.class.getResourceAsStream("/campaign-metrics-git.properties")) {
      if (in != null) {
        git.load(in);
      }
    }
    build.put("git_commit", git.getProperty("git.commit.id", "unknown"));
    build.put("git_dirty", git.getProperty("git.dirty", "unknown"));
    build.put("spark_version", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    return build;
  }

  /** Every file of an input (a file, or a directory of part files) with its size and SHA-256. */
  private static List<Map<String, Object>> files(FileSystem fs, Path path) throws IOException {
    List<Map<String, Object>> files = new ArrayList<>();
    List<FileStatus> statuses = new ArrayList<>();
    if (fs.getFileStatus(path).isDirectory()) {
      for (FileStatus status : fs.listStatus(path)) {
        String name = status.getPath().getName();
        if (status.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
          statuses.add(status);
        }
      }
      statuses.sort((a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
    } else {
      statuses.add(fs.getFileStatus(path));
    }
    for (FileStatus status : statuses) {
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("path", status.getPath().toString());
      file.put("bytes", status.getLen());
      file.put("sha256", sha256(fs, status.getPath()));
      files.add(file);
    }
    return files;
  }

  private static String sha256(FileSystem fs, Path path) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      try (InputStream in = fs.open(path)) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          digest.update(buffer, 0, n);
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Rows of a Parquet table, from its files' footers: no Spark job. */
  private static long parquetRows(FileSystem fs, Path table, Configuration conf) throws IOException {
    long rows = 0;
    for (FileStatus part : fs.globStatus(new Path(table, "part-*"))) {
      try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(part.getPath(), conf))) {
        rows += reader.getRecordCount();
      }
    }
    return rows;
  }
}
