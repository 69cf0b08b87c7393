package org.radmd.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.Json;

class FilterConfigTest {
  @Test
  void defaultConfigurationNamesEveryRuleWithAReason() {
    FilterConfig c = FilterConfig.defaults();
    assertEquals(FilterConfig.KNOWN_RULES, java.util.Set.copyOf(c.rules().stream().map(FilterConfig.Rule::name)
        .toList()), "the default file configures every rule");
    for (FilterConfig.Rule r : c.rules()) {
      assertTrue(r.reason().matches("[a-z0-9]+(?:-[a-z0-9]+)*"), "kebab-case reason: " + r.reason());
      assertFalse(r.description().isBlank(), r.name());
      r.reasons().values().forEach(v -> assertTrue(v.matches("[a-z0-9]+(?:-[a-z0-9]+)*"), v));
    }
    assertEquals(20, c.rule("min-text-length").orElseThrow().intParam("minChars", -1));
    assertEquals("mixed-figure", c.rule("radiology-modality").orElseThrow().reason("mixedFigure"));
    assertEquals(-6.0, ScoreThresholds.of(c.rule("model-scores").orElseThrow()).bounds()
        .get("image_text_loglik").min());
  }

  @Test
  void filesAreValidated(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"rules\": [{\"name\": \"radiology-modalty\", \"reason\": \"x\"}]}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FilterConfig.load(bad));
    assertTrue(e.getMessage().contains("radiology-modalty"), e.getMessage());
    Files.writeString(bad, "{\"rules\": [{\"name\": \"language\"}]}");
    assertThrows(IllegalArgumentException.class, () -> FilterConfig.load(bad), "reason is required");
    Files.writeString(bad, "{\"rules\": [{\"name\": \"language\", \"reason\": \"a\"}, {\"name\": \"language\","
        + " \"reason\": \"b\"}]}");
    assertThrows(IllegalArgumentException.class, () -> FilterConfig.load(bad), "twice");
    Files.writeString(bad, "[]");
    assertThrows(IllegalArgumentException.class, () -> FilterConfig.load(bad));
    Files.writeString(bad, "{not json");
    assertThrows(IOException.class, () -> FilterConfig.load(bad));
  }

  @Test
  void minTextCharsOverride() {
    FilterConfig c = FilterConfig.defaults().withMinTextChars(5);
    assertEquals(5, c.rule("min-text-length").orElseThrow().intParam("minChars", -1));
    FilterConfig none = new FilterConfig(1, List.of()).withMinTextChars(7);
    assertEquals(List.of("min-text-length"), none.rules().stream().map(FilterConfig.Rule::name).toList());
    assertThrows(IllegalArgumentException.class, () -> c.withMinTextChars(-1));
    assertTrue(Json.mapper() != null);
  }
}
