package org.radmd.index.http;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decoded parts of a request URI, with the server's limits applied: path segments percent-decoded strictly,
 * and query parameters form-decoded. Immutable and thread-safe.
 *
 * <p>Path segments are refused (400) when an escape is malformed or not UTF-8, or when the decoded segment
 * holds a '/', a '\', a control character (NUL included) or a '%' (double encoding), or is "." or "..". So
 * {@code ..}, {@code %2e%2e}, {@code ..%2f} and {@code %252e} never reach a handler.
 */
final class RequestParts {
  /** Most parameters in one query string. */
  static final int MAX_PARAMS = 16;
  /** Longest decoded parameter value, in characters. */
  static final int MAX_VALUE_CHARS = 1024;

  private final List<String> segments;
  private final Map<String, String> params;

  private RequestParts(List<String> segments, Map<String, String> params) {
    this.segments = segments;
    this.params = params;
  }

  /**
   * Decodes a request URI.
   *
   * @throws HttpStatusException 400 for a malformed path segment or query, too many parameters or a value
   *     longer than {@value #MAX_VALUE_CHARS} characters
   */
  static RequestParts of(URI uri) throws HttpStatusException {
    String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
    List<String> segments = new ArrayList<>();
    String[] raw = rawPath.split("/", -1);
    // raw[0] is the empty text before the leading '/'.
    for (int i = 1; i < raw.length; i++) {
      segments.add(decodeSegment(raw[i]));
    }
    return new RequestParts(List.copyOf(segments), decodeQuery(uri.getRawQuery()));
  }

  /** The decoded path segments after the leading '/', empty ones included ("/a//b/" gives a, "", b, ""). */
  List<String> segments() {
    return segments;
  }

  /** The first value of a query parameter, or empty when absent. */
  Optional<String> param(String name) {
    return Optional.ofNullable(params.get(name));
  }

  /**
   * An integer parameter within bounds.
   *
   * @throws HttpStatusException 400 when it is not an integer in {@code [min, max]}
   */
  int intParam(String name, int defaultValue, int min, int max) throws HttpStatusException {
    String v = params.get(name);
    if (v == null || v.isEmpty()) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw HttpStatusException.badRequest(name + " must be an integer from " + min + " to " + max);
  }

  /** A text parameter no longer than {@code maxChars}, blank read as absent. */
  Optional<String> textParam(String name, int maxChars) throws HttpStatusException {
    Optional<String> v = param(name).map(String::strip).filter(s -> !s.isEmpty());
    if (v.isPresent() && v.get().length() > maxChars) {
      throw HttpStatusException.badRequest(name + " is longer than " + maxChars + " characters");
    }
    return v;
  }

  static String decodeSegment(String raw) throws HttpStatusException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          throw HttpStatusException.badRequest("malformed escape in path");
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw HttpStatusException.badRequest("malformed escape in path");
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else if (c > 0x7f) {
        throw HttpStatusException.badRequest("unescaped non-ASCII character in path");
      } else {
        bytes.write(c);
      }
    }
    String s;
    try {
      s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw HttpStatusException.badRequest("path segment is not UTF-8");
    }
    if (s.equals(".") || s.equals("..")) {
      throw HttpStatusException.badRequest("dot segments are not allowed in paths");
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '/' || c == '\\' || c == '%' || Character.isISOControl(c)) {
        throw HttpStatusException.badRequest("forbidden character in path segment");
      }
    }
    return s;
  }

  private static Map<String, String> decodeQuery(String rawQuery) throws HttpStatusException {
    Map<String, String> params = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    String[] pairs = rawQuery.split("&");
    if (pairs.length > MAX_PARAMS) {
      throw HttpStatusException.badRequest("more than " + MAX_PARAMS + " query parameters");
    }
    for (String pair : pairs) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = formDecode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : formDecode(pair.substring(eq + 1));
      if (value.length() > MAX_VALUE_CHARS || name.length() > MAX_VALUE_CHARS) {
        throw HttpStatusException.badRequest("query parameter longer than " + MAX_VALUE_CHARS + " characters");
      }
      params.putIfAbsent(name, value);
    }
    return params;
  }

  private static String formDecode(String s) throws HttpStatusException {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw HttpStatusException.badRequest("malformed query string");
    }
  }
}
