package org.radmd.scrapers.support;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.radmd.core.Json;

/**
 * Reading JSON and JSON Lines with Jackson ({@link Json#mapper()}), reporting problems as text instead of
 * exceptions. Invalid UTF-8 is replaced (U+FFFD), never fatal. Thread-safe.
 */
public final class JsonLines {
  /** One line of a JSON Lines file: 1-based number and either its JSON value or why it is not JSON. */
  public record Line(int number, JsonNode value, String error) {
    /** True when the line parsed. */
    public boolean ok() {
      return error == null;
    }
  }

  /** Receives the lines of a file. */
  @FunctionalInterface
  public interface LineHandler {
    void accept(Line line);
  }

  private JsonLines() {}

  /**
   * Parses every non-blank line of {@code file} and hands each, in order, to {@code handler}.
   *
   * @throws IOException when the file cannot be read (not for malformed lines)
   */
  public static void forEach(Path file, LineHandler handler) throws IOException {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
      String s;
      int n = 0;
      while ((s = in.readLine()) != null) {
        n++;
        if (Whitespace.isBlank(s)) {
          continue;
        }
        handler.accept(parse(n, s));
      }
    }
  }

  /** Parses one line of JSON. */
  public static Line parse(int number, String text) {
    try {
      JsonNode node = Json.mapper().readTree(text);
      if (node == null || node.isMissingNode()) {
        return new Line(number, null, "no JSON value");
      }
      return new Line(number, node, null);
    } catch (JsonProcessingException e) {
      return new Line(number, null, describe(e));
    }
  }

  /** "column C: message" (or "line L, column C: message" when {@code withLine}) for a Jackson error. */
  public static String describe(JsonProcessingException e, boolean withLine) {
    JsonLocation loc = e.getLocation();
    String where = loc == null ? "" : withLine
        ? String.format(Locale.ROOT, "line %d, column %d: ", loc.getLineNr(), loc.getColumnNr())
        : String.format(Locale.ROOT, "column %d: ", loc.getColumnNr());
    return where + e.getOriginalMessage();
  }

  private static String describe(JsonProcessingException e) {
    return describe(e, false);
  }

  /** The text of field {@code name} of an object, or null when missing, null, not textual-ish, or blank. */
  public static String text(JsonNode obj, String name) {
    if (obj == null || !obj.isObject()) {
      return null;
    }
    JsonNode v = obj.get(name);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    String s = v.asText();
    return Whitespace.isBlank(s) ? null : s;
  }
}
