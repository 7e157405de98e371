package org.campaignmetrics.input;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date a spreadsheet saved as dd/MM/yyyy or MM/dd/yyyy is still rejected (the contract stays ISO,
 * and 01/02/2024 cannot be told apart), but its reason says which of the two it is (a part above 12
 * cannot be a month) and the date as the contract wants it. Added to a reason on the driver, where
 * rejected rows are gathered: an expression in the input pass would be planned and compiled on
 * every run for rows that are almost never there (measured: 0.3 s of a 1M-row run).
 */
final class DateHints {
  /** How every date rule's reason starts, followed by the quoted cell. */
  static final String NOT_A_DATE = "not a date (yyyy-MM-dd) ";
  private static final Pattern SLASHED =
      Pattern.compile("^" + Pattern.quote(NOT_A_DATE) + "'([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})'$");

  private DateHints() {}

  /** The reason with the format found, for a date written with slashes; any other reason as it is. */
  static String withHint(String reason) {
    Matcher date = reason == null ? null : SLASHED.matcher(reason);
    if (date == null || !date.matches()) {
      return reason;
    }
    int first = Integer.parseInt(date.group(1));
    int second = Integer.parseInt(date.group(2));
    String dayFirst = iso(date.group(3), second, first);
    String monthFirst = iso(date.group(3), first, second);
    if (first == second && first <= 12) {
      return reason + ": written dd/MM/yyyy or MM/dd/yyyy (the same date either way); as yyyy-MM-dd it is " + dayFirst;
    }
    if (first > 12 && second <= 12) {
      return reason + ": written dd/MM/yyyy; as yyyy-MM-dd it is " + dayFirst;
    }
    if (second > 12 && first <= 12) {
      return reason + ": written MM/dd/yyyy; as yyyy-MM-dd it is " + monthFirst;
    }
    if (first <= 12) {
      return reason + ": written dd/MM/yyyy or MM/dd/yyyy, which cannot be told apart; write " + dayFirst + " or "
          + monthFirst;
    }
    return reason; // neither part can be a month
  }

  private static String iso(String year, int month, int day) {
    return year + (month < 10 ? "-0" : "-") + month + (day < 10 ? "-0" : "-") + day;
  }
}
