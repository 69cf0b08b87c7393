package org.radmd.scrapers.jats;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps Creative Commons licence URLs and names to SPDX-style ids ({@code CC-BY-4.0}, {@code
 * CC-BY-NC-ND-4.0}, {@code CC0-1.0}); a licence whose version is not stated gets the id without version
 * ({@code CC-BY-NC}, as in "Creative Commons Attribution Noncommercial License"). Thread-safe.
 */
final class LicenceNames {
  /** An identified licence: SPDX-style id and a URL (as written, or the canonical one), url may be null. */
  record Match(String id, String url) {}

  private static final Pattern CC_URL = Pattern.compile(
      "https?://(?:www\\.)?creativecommons\\.org/(licenses|publicdomain)/([a-z-]+)(?:/(\\d+(?:\\.\\d+)?))?"
          + "[^\\s\"'<>)\\]]*",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern CC_NAME = Pattern.compile(
      "creative\\s+commons\\s+(attribution|cc[\\s-]?by|public\\s+domain|zero|cc0)", Pattern.CASE_INSENSITIVE);
  private static final Pattern CC_ABBREV = Pattern.compile(
      "\\bCC[\\s-]BY((?:[\\s-](?:NC|ND|SA))*)(?:[\\s-](\\d\\.\\d))?\\b");
  private static final Pattern VERSION = Pattern.compile("\\b(\\d\\.\\d)\\b");
  private static final Pattern AFTER_LICENCE_WORD =
      Pattern.compile("^licen[cs]e,?\\s+(?:version\\s+)?(\\d\\.\\d)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern LICENCE_WORD = Pattern.compile("licen[cs]e", Pattern.CASE_INSENSITIVE);

  private LicenceNames() {}

  /** The licence named by a creativecommons.org URL in {@code text}, if any. */
  static Optional<Match> fromUrl(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = CC_URL.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    String kind = m.group(1).toLowerCase(Locale.ROOT);
    String code = m.group(2).toLowerCase(Locale.ROOT);
    String version = m.group(3);
    String url = m.group().replaceAll("[.,;:]+$", "");
    if (kind.equals("publicdomain")) {
      return code.equals("zero") ? Optional.of(new Match("CC0-" + (version == null ? "1.0" : version), url))
          : Optional.empty();
    }
    if (!code.matches("by(-(nc|nd|sa))*")) {
      return Optional.empty();
    }
    String id = "CC-" + code.toUpperCase(Locale.ROOT) + (version == null ? "" : "-" + version);
    return Optional.of(new Match(id, url));
  }

  /**
   * The licence named in words in {@code text} ("Creative Commons Attribution-NonCommercial-NoDerivatives
   * 4.0 International License", "CC BY-NC 3.0"), if any. The words between the name and the next "license"
   * decide the NC/ND/SA parts and the version; a version right after that word ("License 4.0", "License (CC
   * BY-NC 3.0)") counts too.
   */
  static Optional<Match> fromWords(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = CC_NAME.matcher(text);
    if (m.find()) {
      String head = m.group(1).toLowerCase(Locale.ROOT);
      if (head.startsWith("public") || head.equals("zero") || head.equals("cc0")) {
        return Optional.of(canonical("CC0-1.0"));
      }
      Matcher end = LICENCE_WORD.matcher(text);
      int stop = end.find(m.end()) ? end.start() : Math.min(text.length(), m.end() + 100);
      String window = text.substring(m.start(), stop).toLowerCase(Locale.ROOT);
      StringBuilder id = new StringBuilder("CC-BY");
      if (window.matches("(?s).*non[\\s-]?commercial.*")) {
        id.append("-NC");
      }
      if (window.matches("(?s).*no[\\s-]?deriv.*")) {
        id.append("-ND");
      }
      if (window.matches("(?s).*share[\\s-]?alike.*")) {
        id.append("-SA");
      }
      Matcher v = VERSION.matcher(window);
      if (v.find()) {
        id.append('-').append(v.group(1));
      } else {
        versionAfter(text, stop, id.toString()).ifPresent(ver -> id.append('-').append(ver));
      }
      return Optional.of(canonical(id.toString()));
    }
    Matcher a = CC_ABBREV.matcher(text);
    if (a.find()) {
      String parts = a.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s", "-");
      String id = "CC-BY" + parts + (a.group(2) == null ? "" : "-" + a.group(2));
      return Optional.of(canonical(id));
    }
    return Optional.empty();
  }

  /**
   * A version stated just after the licence name: "... License 4.0" or "... License (CC BY-NC 3.0)" when the
   * abbreviation names the same licence.
   */
  private static Optional<String> versionAfter(String text, int from, String id) {
    String tail = text.substring(from, Math.min(text.length(), from + 60));
    Matcher direct = AFTER_LICENCE_WORD.matcher(tail);
    if (direct.find()) {
      return Optional.of(direct.group(1));
    }
    Matcher a = CC_ABBREV.matcher(tail);
    if (a.find() && a.group(2) != null
        && ("CC-BY" + a.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s", "-")).equals(id)) {
      return Optional.of(a.group(2));
    }
    return Optional.empty();
  }

  /** A URL first, then words. */
  static Optional<Match> find(String text) {
    Optional<Match> m = fromUrl(text);
    return m.isPresent() ? m : fromWords(text);
  }

  /** {@code id} with its creativecommons.org URL when the id has a version, else without URL. */
  private static Match canonical(String id) {
    if (id.equals("CC0-1.0")) {
      return new Match(id, "https://creativecommons.org/publicdomain/zero/1.0/");
    }
    Matcher v = Pattern.compile("^CC-(BY(?:-(?:NC|ND|SA))*)-(\\d\\.\\d)$").matcher(id);
    if (v.matches()) {
      return new Match(id, "https://creativecommons.org/licenses/" + v.group(1).toLowerCase(Locale.ROOT) + "/"
          + v.group(2) + "/");
    }
    return new Match(id, null);
  }
}
