package org.campaignmetrics.input;

/** Input the job cannot use; the message names the file (and line and column where there is one). */
public class InputException extends RuntimeException {
  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * A sum that left the range of a long (every rule sums exactly, with Math.addExact or Spark's ANSI
   * sum) is a problem of the input, said with {@code message}; any other failure is returned as it is.
   */
  public static RuntimeException ifOverflow(Exception failure, String message) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof ArithmeticException) {
        return new InputException(message, failure);
      }
    }
    return failure instanceof RuntimeException unchecked ? unchecked
        : new IllegalStateException(failure.getMessage(), failure);
  }
}
