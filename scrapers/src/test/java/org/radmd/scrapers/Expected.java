package org.radmd.scrapers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.radmd.testing.SharedCorpus;

/** Test helper: the shared corpus root and its {@code expected.json} files, read in place. */
public final class Expected {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Expected() {}

  /** {@code shared/corpus}, the input root used by the corpus tests. */
  public static Path root() {
    return SharedCorpus.corpus();
  }

  /** {@code shared/corpus/<folder>/expected.json}. */
  public static JsonNode of(String folder) {
    try {
      return MAPPER.readTree(SharedCorpus.corpus(folder).resolve("expected.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text values of a JSON array. */
  public static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** A text field, or null when it is missing or JSON null. */
  public static String text(JsonNode obj, String field) {
    JsonNode v = obj.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
