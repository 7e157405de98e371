package org.campaignmetrics.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class TheaterScopesTest {
  private static List<String> scopes(String text) {
    return TheaterScopes.find(text).stream().map(TheaterScopes.Mention::theater).toList();
  }

  @Test
  void oneTheater() {
    assertEquals(List.of("IRAQ"), scopes("In Iraq, 137 partnered operations"));
    assertEquals(List.of("SYRIA"), scopes("Meanwhile, in Syria, 28 joint operations"));
    assertEquals(List.of("IRAQ"), scopes("targeted ISIS members in central Iraq"));
    assertEquals(List.of("SYRIA"), scopes("camps in the Syrian desert"));
    assertEquals(List.of("SYRIA"), scopes("detainees held in Syrian detention facilities"));
    assertEquals(List.of("SYRIA"), scopes("As for Syria, the coalition took out two"));
    assertEquals(List.of("IRAQ"), scopes("Iraq hosts 2,500 US troops"));
    assertEquals(List.of("SYRIA"), scopes("a prison in al-Hasakah, Syria"));
    assertEquals(List.of("SYRIA"), scopes("900 U.S. troops are deployed to Syria"));
  }

  @Test
  void bothTheatersAreAll() {
    assertEquals(List.of("ALL"), scopes("153 attacks in Iraq and Syria"));
    assertEquals(List.of("ALL"), scopes("operations in Syria and Iraq"));
    assertEquals(List.of("ALL"), scopes("ISIS attacks in Iraq, Syria on pace"));
    assertEquals(List.of("ALL"), scopes("32 captured across both countries"));
    assertEquals(List.of("ALL"), scopes("in both Iraq and Syria"));
    assertEquals(List.of("ALL"), scopes("153 attacks in the region"));
    assertEquals(List.of("ALL"), scopes("with security forces in those two countries"));
  }

  @Test
  void namesAndOtherPlacesAreNoScope() {
    assertEquals(List.of(), scopes("Iraqi Security Forces and the Syrian Democratic Forces"));
    assertEquals(List.of(), scopes("operations outside of Syria and Iraq"));
    assertEquals(List.of(), scopes("a threat to not only Iraq and Syria"));
  }

  @Test
  void headingsAndTableHeaders() {
    assertEquals("IRAQ", TheaterScopes.heading("In Iraq:"));
    assertEquals("SYRIA", TheaterScopes.heading("• In Syria"));
    assertNull(TheaterScopes.heading("In Iraq, 137 partnered operations"));
    assertArrayEquals(new String[] {"IRAQ", "SYRIA"}, TheaterScopes.twoColumns("In Iraq In Syria"));
    assertArrayEquals(new String[] {"IRAQ", "SYRIA"}, TheaterScopes.twoColumns("• In Iraq: • In Syria:"));
    assertNull(TheaterScopes.twoColumns("In Iraq and Syria"));
  }
}
