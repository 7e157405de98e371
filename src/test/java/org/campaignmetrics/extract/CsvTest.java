package org.campaignmetrics.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void rfc4180BothWays() {
    List<String> cells = List.of("a", "b,c", "say \"hi\"", "two\nlines", "");
    String line = Csv.line(cells);
    assertEquals("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\n", line);
    assertEquals(List.of(cells), Csv.parse(line));
    assertEquals(List.of(List.of("x", "y")), Csv.parse("\uFEFFx,y\r\n"));
  }
}
