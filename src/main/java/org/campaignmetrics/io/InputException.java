package org.campaignmetrics.io;

/** Input the job cannot use; the message names the file (and line and column where there is one). */
public class InputException extends RuntimeException {
  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
