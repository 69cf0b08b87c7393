package org.radmd.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable ids and content hashes. Stateless and thread-safe. */
public final class Ids {
  private Ids() {}

  /**
   * A readable id that depends only on its inputs: the dataset's {@link SourceDataset#idPrefix()}, then the
   * parts, joined by {@code '-'}, with every character outside {@code [A-Za-z0-9._-]} replaced by {@code '_'}.
   * Example: {@code sampleId(PMC_INLINE, "PMC3003633", "F1")} is {@code "pmci-PMC3003633-F1"}.
   *
   * @throws IllegalArgumentException if no part is given or a part is blank
   */
  public static String sampleId(SourceDataset source, String... parts) {
    if (parts.length == 0) {
      throw new IllegalArgumentException("an id needs at least one part");
    }
    StringBuilder sb = new StringBuilder(source.idPrefix());
    for (String p : parts) {
      if (p == null || p.isBlank()) {
        throw new IllegalArgumentException("blank id part for " + source);
      }
      sb.append('-').append(safe(p));
    }
    return sb.toString();
  }

  /** {@code s} with every character outside {@code [A-Za-z0-9._-]} replaced by {@code '_'}; safe in file names. */
  public static String safe(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
          || c == '_' || c == '-';
      sb.append(ok ? c : '_');
    }
    return sb.toString();
  }

  /** Lower-case hex SHA-256 of {@code bytes}. */
  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
  public static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A new SHA-256 digest (a {@link MessageDigest} is not thread-safe; do not share it). */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
