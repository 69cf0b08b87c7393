package org.radmd.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A line parser for the parts of OBO 1.2 that {@link DiseaseVocabulary} needs: {@code [Term]} stanzas with
 * {@code id}, {@code name}, {@code synonym} and {@code is_obsolete}. Everything else (defs, xrefs, is_a,
 * {@code [Typedef]} stanzas, the header) is skipped. Stateless.
 */
final class OboReader {
  private OboReader() {}

  /**
   * The live terms of an OBO file, in file order. A term without an id or a name is skipped.
   *
   * @throws IOException if the file cannot be read, or a synonym line has no closing quote or no scope
   */
  static List<OboTerm> read(Path file) throws IOException {
    List<OboTerm> terms = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Stanza stanza = null;
      int lineNo = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        if (line.startsWith("[")) {
          addIfLive(stanza, terms);
          stanza = line.strip().equals("[Term]") ? new Stanza() : null;
        } else if (stanza != null) {
          stanza.accept(line, file, lineNo);
        }
      }
      addIfLive(stanza, terms);
    }
    return terms;
  }

  private static void addIfLive(@Nullable Stanza s, List<OboTerm> terms) {
    if (s != null && !s.obsolete && s.id != null && s.name != null && !s.name.isEmpty()) {
      terms.add(new OboTerm(s.id, s.name, s.synonyms));
    }
  }

  /** The tags of one {@code [Term]} stanza read so far. */
  private static final class Stanza {
    @Nullable String id;
    @Nullable String name;
    final List<String> synonyms = new ArrayList<>();
    boolean obsolete;

    void accept(String line, Path file, int lineNo) throws IOException {
      int colon = line.indexOf(':');
      if (colon < 0) {
        return;
      }
      String tag = line.substring(0, colon);
      String value = line.substring(colon + 1).strip();
      switch (tag) {
        case "id" -> id = value;
        case "name" -> name = unescape(value).strip();
        case "is_obsolete" -> obsolete = value.equals("true");
        case "synonym" -> synonym(value, file, lineNo);
        default -> { }
      }
    }

    /** {@code "text" SCOPE [TYPE] [dbxrefs]}: keeps EXACT, and RELATED when it looks like an abbreviation. */
    private void synonym(String value, Path file, int lineNo) throws IOException {
      int end = closingQuote(value);
      if (!value.startsWith("\"") || end < 0) {
        throw new IOException(file + ":" + lineNo + ": synonym without a quoted text: " + value);
      }
      String text = unescape(value.substring(1, end)).strip();
      String[] rest = value.substring(end + 1).strip().split("\\s+", 2);
      if (rest[0].isEmpty()) {
        throw new IOException(file + ":" + lineNo + ": synonym without a scope: " + value);
      }
      boolean keep = rest[0].equals("EXACT")
          || (rest[0].equals("RELATED") && DiseaseVocabulary.isAbbreviation(text));
      if (keep && !text.isEmpty()) {
        synonyms.add(text);
      }
    }

    /** Index of the quote closing the string opened at 0, skipping backslash escapes; -1 if none. */
    private static int closingQuote(String s) {
      for (int i = 1; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          return i;
        }
      }
      return -1;
    }

    /** OBO escapes: a backslash stands for the next character ({@code \n} and {@code \t} for whitespace). */
    private static String unescape(String s) {
      if (s.indexOf('\\') < 0) {
        return s;
      }
      StringBuilder sb = new StringBuilder(s.length());
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\\' && i + 1 < s.length()) {
          char next = s.charAt(++i);
          sb.append(next == 'n' || next == 't' ? ' ' : next);
        } else {
          sb.append(c);
        }
      }
      return sb.toString();
    }
  }
}
