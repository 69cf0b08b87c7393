package org.radmd.index.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.radmd.core.Json;

/** Writes responses, honouring HEAD (headers only). Stateless and thread-safe. */
final class Responses {
  static final String JSON = "application/json; charset=utf-8";
  static final String PNG = "image/png";

  private Responses() {}

  /** {@code value} as JSON ({@link Json#mapper()}), not cached by the client. */
  static void json(HttpExchange ex, int status, Object value) throws IOException {
    byte[] body;
    try {
      body = Json.mapper().writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IOException("response not serializable as JSON", e);
    }
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    bytes(ex, status, JSON, body);
  }

  /** A JSON error: {@code {"status": 404, "error": "message"}}. */
  static void error(HttpExchange ex, int status, String message) throws IOException {
    var node = Json.mapper().createObjectNode();
    node.put("status", status);
    node.put("error", message);
    json(ex, status, node);
  }

  /** A whole body from memory. */
  static void bytes(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", contentType);
    if (isHead(ex)) {
      ex.sendResponseHeaders(status, -1);
      return;
    }
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  /** A file streamed from disk. */
  static void file(HttpExchange ex, String contentType, Path file) throws IOException {
    ex.getResponseHeaders().set("Content-Type", contentType);
    if (isHead(ex)) {
      ex.sendResponseHeaders(200, -1);
      return;
    }
    long size = Files.size(file);
    ex.sendResponseHeaders(200, size == 0 ? -1 : size);
    try (OutputStream out = ex.getResponseBody()) {
      Files.copy(file, out);
    }
  }

  /** UTF-8 bytes of a string. */
  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static boolean isHead(HttpExchange ex) {
    return ex.getRequestMethod().equals("HEAD");
  }
}
