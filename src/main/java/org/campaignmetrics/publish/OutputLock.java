package org.campaignmetrics.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run at a time per output directory: {@code DIR/_lock} holds the run id, host, pid and start
 * time of the run that took it, and is created only if absent, in one atomic step. On the local file
 * system that is {@link Files#createFile} (Hadoop's local {@code create(path, false)} checks and then
 * opens, so two runs could both win); elsewhere the file system's own create-if-absent (on HDFS,
 * decided at the NameNode). Released on close and, should the run be killed, by a shutdown hook; a
 * lock whose holder is gone (same host, its pid not alive) is taken over with a warning.
 */
public final class OutputLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutputLock.class);
  public static final String FILE = "_lock";
  private static final Duration POLL = Duration.ofMillis(500);

  private final FileSystem fs;
  private final Path path;
  /** The output directory, when the lock created it: removed again if the run leaves it empty. */
  private final Path created;
  private final Thread releaseOnExit;

  /** The output directory is locked by another run (or cannot be locked): the run stops before reading anything. */
  public static final class LockedException extends RuntimeException {
    LockedException(String message) {
      super(message);
    }
  }

  private OutputLock(FileSystem fs, Path path, Path created) {
    this.fs = fs;
    this.path = path;
    this.created = created;
    this.releaseOnExit = new Thread(this::release, "campaign-metrics-lock-release");
    Runtime.getRuntime().addShutdownHook(releaseOnExit);
  }

  /** Takes the lock of {@code outputDir}, waiting up to {@code wait} (zero: not at all) for another run to end. */
  public static OutputLock take(Configuration conf, String outputDir, String runId, Duration wait) {
    Path output = new Path(outputDir);
    Path path = new Path(output, FILE);
    FileSystem fs;
    Path created;
    try {
      fs = output.getFileSystem(conf);
      if (fs.exists(output) && !fs.getFileStatus(output).isDirectory()) {
        throw new LockedException("--output " + outputDir + " is a file, not a directory");
      }
      created = fs.exists(output) ? null : output;
      fs.mkdirs(output);
    } catch (IOException e) {
      throw new LockedException("cannot write to --output " + outputDir + ": " + e.getMessage());
    }
    Instant deadline = Instant.now().plus(wait);
    byte[] holder = holder(runId);
    while (true) {
      try {
        fs.mkdirs(output); // again: a holder that created the directory removes it when it leaves it empty
        if (create(fs, path, holder)) {
          return new OutputLock(fs, path, created);
        }
        Properties other = read(fs, path);
        if (isStale(other)) {
          LOG.warn("taking over the lock of {} left by run {} (pid {} on this host is gone)", outputDir,
              other.getProperty("run_id"), other.getProperty("pid"));
          fs.delete(path, false);
          continue;
        }
        if (!Instant.now().isBefore(deadline)) {
          throw new LockedException("--output " + outputDir + " is in use by run " + other.getProperty("run_id", "?")
              + " (host " + other.getProperty("host", "?") + ", pid " + other.getProperty("pid", "?") + ", since "
              + other.getProperty("started_at", "?") + "); one run at a time per output directory"
              + (wait.isZero() ? " (--wait-for-lock DURATION waits for it)" : ", waited " + wait));
        }
        Thread.sleep(POLL.toMillis());
      } catch (IOException e) {
        throw new LockedException("cannot write to --output " + outputDir + ": " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LockedException("interrupted while waiting for the lock of " + outputDir);
      }
    }
  }

  /** Creates the lock file with its content if it is absent, atomically; false if another run holds it. */
  private static boolean create(FileSystem fs, Path path, byte[] holder) throws IOException {
    if (fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem) {
      java.nio.file.Path local = (fs instanceof LocalFileSystem checksummed ? checksummed.pathToFile(path)
          : ((RawLocalFileSystem) fs).pathToFile(path)).toPath();
      try {
        Files.createFile(local); // one open(O_CREAT | O_EXCL): the kernel decides who wins
      } catch (FileAlreadyExistsException held) {
        return false;
      }
      Files.write(local, holder);
      return true;
    }
    try (OutputStream out = fs.create(path, false)) {
      out.write(holder);
      return true;
    } catch (IOException refused) {
      // FileAlreadyExistsException, or on HDFS the same wrapped in a RemoteException: another run holds it
      if (fs.exists(path)) {
        return false;
      }
      throw refused;
    }
  }

  private static byte[] holder(String runId) {
    Properties holder = new Properties();
    holder.setProperty("run_id", runId);
    holder.setProperty("host", host());
    holder.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
    holder.setProperty("started_at", Instant.now().toString());
    java.io.StringWriter text = new java.io.StringWriter();
    try {
      holder.store(text, "campaign-metrics: the run writing this output directory");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Properties read(FileSystem fs, Path path) throws IOException {
    Properties holder = new Properties();
    try (InputStream in = fs.open(path)) {
      holder.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException released) {
      // released between our attempt and this read: the next attempt will tell
    }
    return holder;
  }

  /** A lock written by a process of this host that is no longer alive; one still being written is not stale. */
  static boolean isStale(Properties holder) {
    String pid = holder.getProperty("pid");
    if (pid == null || !host().equals(holder.getProperty("host"))) {
      return false;
    }
    try {
      return ProcessHandle.of(Long.parseLong(pid)).map(p -> !p.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private void release() {
    try {
      fs.delete(path, false);
      if (created != null && fs.exists(created) && fs.listStatus(created).length == 0) {
        fs.delete(created, false); // a run that wrote nothing leaves no trace, not even the directory
      }
    } catch (IOException e) {
      LOG.warn("could not remove the lock {}: {}", path, e.getMessage());
    }
  }

  @Override
  public void close() {
    release();
    try {
      Runtime.getRuntime().removeShutdownHook(releaseOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }
}
