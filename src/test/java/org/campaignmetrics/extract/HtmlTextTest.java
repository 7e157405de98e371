package org.campaignmetrics.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
  @Test
  void blocksKeepTheirLinesAndTablesTheirColumns() {
    HtmlText.Page page = HtmlText.read("<html><head><title>T</title><script>var x = 5;</script></head><body><h1>Month in Review</h1>"
        + "<p>During the month of July 2023, 31 operations.</p><table><tr><td>In Iraq</td><td>In Syria</td></tr>"
        + "<tr><td>20 partnered operations</td><td>11 partnered operations</td></tr></table>"
        + "<h2>In Syria</h2><ul><li>10 partnered operations</li><li>1 U.S.-only operation</li></ul></body></html>");
    assertEquals("Month in Review", page.title());
    assertEquals("Month in Review\nDuring the month of July 2023, 31 operations.\nIn Iraq In Syria\n"
        + "20 partnered operations 11 partnered operations\nIn Syria\n• 10 partnered operations\n• 1 U.S.-only operation\n", page.text());
  }
}
