package org.radmd.scrapers.support;

/**
 * Whitespace normalization. "Whitespace" here is what Python's {@code str.split()} splits on, so that
 * collapsed text equals the curator's reference values ({@code ' '.join(text.split())}): ASCII space and
 * controls {@code \t\n\u000B\f\r}, {@code \u001C-\u001F}, {@code \u0085}, and every Unicode space separator
 * (category Zs, including the no-break space U+00A0, U+2000-U+200A hair/thin spaces, U+202F, U+205F,
 * U+3000) plus U+2028/U+2029. Zero-width characters (U+200B, U+FEFF) are not whitespace. Thread-safe.
 */
public final class Whitespace {
  private Whitespace() {}

  /** True for the characters listed in the class comment. */
  public static boolean isSpace(char c) {
    if (c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F') || c == '\u0085') {
      return true;
    }
    return c > 127 && (Character.getType(c) == Character.SPACE_SEPARATOR || c == '\u2028' || c == '\u2029');
  }

  /**
   * {@code s} with every run of whitespace replaced by one ASCII space and no leading or trailing
   * whitespace; null for null.
   */
  public static String collapse(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(s.length());
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isSpace(c)) {
        pendingSpace = sb.length() > 0;
      } else {
        if (pendingSpace) {
          sb.append(' ');
          pendingSpace = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** {@link #collapse}, then null when the result is empty. */
  public static String collapseToNull(String s) {
    String c = collapse(s);
    return c == null || c.isEmpty() ? null : c;
  }

  /** True when {@code s} is null or only whitespace. */
  public static boolean isBlank(String s) {
    if (s == null) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isSpace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
