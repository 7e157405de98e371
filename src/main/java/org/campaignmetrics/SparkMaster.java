package org.campaignmetrics;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A standalone master that nothing answers at: said in one line within seconds, before Spark starts.
 * Left to Spark, the driver retries for a minute and ends in a hundred lines of stack traces.
 */
final class SparkMaster {
  private static final int TIMEOUT_MILLIS = 5_000;

  private SparkMaster() {}

  static final class UnreachableException extends RuntimeException {
    UnreachableException(String message) {
      super(message);
    }
  }

  /** For {@code spark://host:port[,host:port]}: at least one of its masters accepts a connection. Others pass. */
  static void requireReachable(String master) {
    if (master == null || !master.startsWith("spark://")) {
      return;
    }
    List<String> failures = new ArrayList<>();
    for (String address : master.substring("spark://".length()).split(",")) {
      int colon = address.lastIndexOf(':');
      try (Socket socket = new Socket()) {
        String host = colon < 0 ? address : address.substring(0, colon);
        int port = colon < 0 ? 7077 : Integer.parseInt(address.substring(colon + 1));
        socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
        return;
      } catch (IOException | IllegalArgumentException e) {
        failures.add(address + ": " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
      }
    }
    throw new UnreachableException("cannot reach the Spark master " + master + " (" + String.join("; ", failures)
        + "); is it running, and is the URL the one its log or web UI shows?");
  }
}
