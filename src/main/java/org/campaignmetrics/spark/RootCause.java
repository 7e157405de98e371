package org.campaignmetrics.spark;

/** The line a person needs from a failure: the first line of its innermost cause's message. */
public final class RootCause {
  private RootCause() {}

  public static String message(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    return message.lines().findFirst().orElse(message);
  }
}
