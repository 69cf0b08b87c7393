package org.radmd.pipelines.export;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as RFC 4180 writes it, which pandas' {@code read_csv} (RadFM's loaders) reads: comma separated, CRLF
 * record ends, a field quoted with {@code "} when it holds a comma, a quote, CR or LF or starts or ends with a
 * space, quotes inside doubled. Also Python list literals ({@code ['F1', 'F2']}), as RadFM's loaders parse them
 * with {@code ast.literal_eval}. No CSV library is on beam-pipelines' classpath, so this small class does it.
 * A {@link Writer} is not thread-safe.
 */
public final class Csv {
  private Csv() {}

  /** A CSV file being written: the header first, then one record per {@link #row}. */
  public static final class Writer implements Closeable {
    private final BufferedWriter out;
    private final int columns;
    private long rows;

    /**
     * Creates (or replaces) {@code file} and writes the header.
     *
     * @throws IOException if the file cannot be written
     */
    public Writer(Path file, List<String> header) throws IOException {
      Files.createDirectories(file.toAbsolutePath().getParent());
      this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      this.columns = header.size();
      write(header);
    }

    /**
     * Writes one record; null fields are written empty (pandas reads them as NaN).
     *
     * @throws IllegalArgumentException if the record has a different number of fields than the header
     * @throws IOException if writing fails
     */
    public void row(List<String> fields) throws IOException {
      if (fields.size() != columns) {
        throw new IllegalArgumentException("CSV row has " + fields.size() + " fields, header " + columns);
      }
      write(fields);
      rows++;
    }

    /** Records written after the header. */
    public long rows() {
      return rows;
    }

    private void write(List<String> fields) throws IOException {
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(field(fields.get(i)));
      }
      out.write("\r\n");
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  /** One field, quoted when RFC 4180 needs it (or when it has leading or trailing spaces). */
  public static String field(String value) {
    if (value == null) {
      return "";
    }
    boolean quote = value.isEmpty() ? false : value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ';
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  /**
   * Parses RFC 4180 CSV text into records (quoted fields may hold commas, quotes and line breaks).
   *
   * @throws IllegalArgumentException on an unterminated quoted field
   */
  public static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            f.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        any = true;
      } else if (c == ',') {
        record.add(f.toString());
        f.setLength(0);
        any = true;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        record.add(f.toString());
        records.add(record);
        record = new ArrayList<>();
        f.setLength(0);
        any = false;
      } else {
        f.append(c);
        any = true;
      }
      i++;
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quoted CSV field");
    }
    if (any || f.length() > 0) {
      record.add(f.toString());
      records.add(record);
    }
    return records;
  }

  /**
   * A Python list literal of strings, each written as Python's {@code repr} writes a {@code str}: single quotes
   * unless the text holds a single quote and no double quote; backslash, the quote, {@code \n \r \t} and other
   * control characters escaped. {@code ast.literal_eval} gives the list back.
   */
  public static String pythonList(List<String> items) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(pythonRepr(items.get(i)));
    }
    return sb.append(']').toString();
  }

  /** Python's {@code repr} of a {@code str}. */
  public static String pythonRepr(String s) {
    char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder sb = new StringBuilder().append(q);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c == q) {
            sb.append('\\').append(c);
          } else if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append(q).toString();
  }

  /**
   * Parses a Python list literal of string literals (single- or double-quoted, with the escapes
   * {@link #pythonRepr} writes), as {@code ast.literal_eval} would for that subset.
   *
   * @throws IllegalArgumentException if {@code literal} is not such a list
   */
  public static List<String> parsePythonList(String literal) {
    String s = literal.strip();
    if (!s.startsWith("[") || !s.endsWith("]")) {
      throw new IllegalArgumentException("not a list literal: " + literal);
    }
    List<String> out = new ArrayList<>();
    int i = 1;
    int end = s.length() - 1;
    while (true) {
      while (i < end && (s.charAt(i) == ' ' || s.charAt(i) == ',')) {
        i++;
      }
      if (i >= end) {
        return out;
      }
      char q = s.charAt(i);
      if (q != '\'' && q != '"') {
        throw new IllegalArgumentException("expected a string literal at " + i + ": " + literal);
      }
      StringBuilder sb = new StringBuilder();
      i++;
      while (i < end && s.charAt(i) != q) {
        char c = s.charAt(i);
        if (c == '\\' && i + 1 < end) {
          char n = s.charAt(++i);
          switch (n) {
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'x' -> {
              sb.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
              i += 2;
            }
            default -> sb.append(n);
          }
        } else {
          sb.append(c);
        }
        i++;
      }
      if (i >= end) {
        throw new IllegalArgumentException("unterminated string literal: " + literal);
      }
      out.add(sb.toString());
      i++;
    }
  }
}
