package org.campaignmetrics.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DateHintsTest {
  private static final String BAD = DateHints.NOT_A_DATE;

  @Test
  void aSpreadsheetDateSaysWhichFormatItIsAndTheIsoDate() {
    assertEquals(BAD + "'16/07/2024': written dd/MM/yyyy; as yyyy-MM-dd it is 2024-07-16",
        DateHints.withHint(BAD + "'16/07/2024'"));
    assertEquals(BAD + "'7/16/2024': written MM/dd/yyyy; as yyyy-MM-dd it is 2024-07-16",
        DateHints.withHint(BAD + "'7/16/2024'"));
    assertEquals(BAD + "'01/02/2024': written dd/MM/yyyy or MM/dd/yyyy, which cannot be told apart; write 2024-02-01"
        + " or 2024-01-02", DateHints.withHint(BAD + "'01/02/2024'"));
    assertEquals(BAD + "'3/3/2024': written dd/MM/yyyy or MM/dd/yyyy (the same date either way); as yyyy-MM-dd it is "
        + "2024-03-03", DateHints.withHint(BAD + "'3/3/2024'"));
  }

  @Test
  void anythingElseIsLeftAsItIs() {
    for (String reason : new String[] {BAD + "'2024-13-01'", BAD + "'31/31/2024'", BAD + "'16.07.2024'",
        "negative count '-1'", null}) {
      assertEquals(reason, DateHints.withHint(reason));
    }
  }
}
