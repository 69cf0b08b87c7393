package org.radmd.scrapers.support;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radmd.core.Licence;

/**
 * Creative Commons licences written as short codes, as dataset side files state them: ROCO's {@code
 * licences.txt} ({@code "CC BY-NC-ND"}, {@code "CC0"}, {@code "NO-CC CODE"}) and MedICaT's Unpaywall {@code
 * oa_info.oa.license} ({@code "cc-by-nc-nd"}, {@code "cc-by"}). Stateless and thread-safe.
 */
public final class CcCodes {
  private static final Pattern CODE = Pattern.compile(
      "(?i)^\\s*cc[\\s-]+(by(?:[\\s-]+(?:nc|nd|sa))*)(?:[\\s-]+(\\d\\.\\d))?\\s*$");
  private static final Pattern ZERO = Pattern.compile("(?i)^\\s*cc[\\s-]*0(?:[\\s-]+1\\.0)?\\s*$");

  private CcCodes() {}

  /**
   * The licence a short code names: {@code "CC BY-NC"} and {@code "cc-by-nc"} give id {@code "CC-BY-NC"}
   * (no version, so no URL: the code does not say which version), {@code "CC BY 4.0"} gives {@code
   * "CC-BY-4.0"} with its creativecommons.org URL, {@code "CC0"} gives {@code "CC0-1.0"}. Anything else
   * (null, blank, {@code "CC"}, {@code "NO-CC CODE"}, {@code "implied-oa"}) gives {@link Licence#unknown}
   * keeping the code as the statement.
   *
   * @param code the code as written, or null
   * @param statement the statement to record (e.g. where the code came from); when null the code itself
   */
  public static Licence licence(String code, String statement) {
    String st = statement != null ? statement : code;
    if (code == null) {
      return Licence.unknown(st);
    }
    if (ZERO.matcher(code).matches()) {
      return new Licence("CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/", st, null);
    }
    Matcher m = CODE.matcher(code);
    if (!m.matches()) {
      return Licence.unknown(st);
    }
    String parts = m.group(1).toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "-");
    String version = m.group(2);
    if (version == null) {
      return new Licence("CC-" + parts, null, st, null);
    }
    return new Licence("CC-" + parts + "-" + version,
        "https://creativecommons.org/licenses/" + parts.toLowerCase(Locale.ROOT) + "/" + version + "/", st, null);
  }
}
