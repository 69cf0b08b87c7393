package org.radmd.scrapers.jats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.radmd.core.Licence;
import org.w3c.dom.Element;

/**
 * Works out an article's licence from JATS metadata. Sources, first match wins:
 *
 * <ol>
 *   <li>{@code permissions/license}: its {@code xlink:href}, {@code ali:license_ref}, the {@code xlink:href}
 *       of an {@code ext-link} or {@code uri} inside it, a creativecommons.org URL in its text, then a licence
 *       named in words in its text; statement = the {@code license-p} text;
 *   <li>{@code permissions/copyright-statement} (some PLoS articles put "Creative Commons Attribution
 *       License" there); statement = that text;
 *   <li>an "Open Access" paragraph in {@code back/ack} (or a back-matter section titled "Open Access"), as
 *       Springer articles of 2009 have; statement = that paragraph;
 *   <li>otherwise {@link Licence#unknown} with the licence text, else the copyright statement.
 * </ol>
 *
 * <p>Attribution: "© year holder" from {@code copyright-year}/{@code copyright-holder} when a holder is
 * given, else the copyright statement unless that already served as the licence statement, else null.
 * Each {@code permissions} child is also looked for directly under {@code article-meta}, where NLM 2.x
 * (older PMC) files put {@code copyright-statement} and {@code copyright-year}.
 * Thread-safe (stateless).
 */
final class JatsLicences {
  private static final Set<String> NONE = Set.of();

  private JatsLicences() {}

  static Licence resolve(Element articleMeta, Element back) {
    Element permissions = Dom.child(articleMeta, "permissions");
    String copyright = Dom.text(permission(permissions, articleMeta, "copyright-statement"));
    Element license = permission(permissions, articleMeta, "license");
    String licenceText = licenceText(license);
    String holder = Dom.text(permission(permissions, articleMeta, "copyright-holder"));
    String year = Dom.text(permission(permissions, articleMeta, "copyright-year"));
    String holderAttribution = holder == null ? null : "\u00A9 " + (year == null ? "" : year + " ") + holder;

    if (license != null) {
      Optional<LicenceNames.Match> m = Optional.empty();
      for (String url : licenceUrls(license)) {
        m = LicenceNames.fromUrl(url);
        if (m.isPresent()) {
          break;
        }
      }
      if (m.isEmpty()) {
        m = LicenceNames.find(licenceText);
      }
      if (m.isPresent()) {
        return licence(m.get(), licenceText, holderAttribution != null ? holderAttribution : copyright);
      }
    }
    Optional<LicenceNames.Match> fromCopyright = LicenceNames.find(copyright);
    if (fromCopyright.isPresent()) {
      return licence(fromCopyright.get(), copyright, holderAttribution);
    }
    for (String p : openAccessParagraphs(back)) {
      Optional<LicenceNames.Match> m = LicenceNames.find(p);
      if (m.isPresent()) {
        return licence(m.get(), p, holderAttribution != null ? holderAttribution : copyright);
      }
    }
    return new Licence(Licence.UNKNOWN_ID, null, licenceText != null ? licenceText : copyright,
        holderAttribution != null ? holderAttribution : copyright);
  }

  /** {@code permissions/name}, or (NLM 2.x) {@code article-meta/name} when there is no such permission. */
  private static Element permission(Element permissions, Element articleMeta, String name) {
    Element e = Dom.child(permissions, name);
    return e != null ? e : Dom.child(articleMeta, name);
  }

  private static Licence licence(LicenceNames.Match m, String statement, String attribution) {
    return new Licence(m.id(), m.url(), statement, attribution);
  }

  private static String licenceText(Element license) {
    if (license == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (Element p : Dom.children(license, "license-p")) {
      String t = Dom.text(p);
      if (t != null) {
        parts.add(t);
      }
    }
    return parts.isEmpty() ? Dom.text(license) : String.join(" ", parts);
  }

  private static List<String> licenceUrls(Element license) {
    List<String> urls = new ArrayList<>();
    add(urls, Dom.href(license));
    for (Element ref : Dom.descendants(license, "license_ref", NONE)) {
      add(urls, Dom.text(ref));
    }
    for (String name : List.of("ext-link", "uri")) {
      for (Element e : Dom.descendants(license, name, NONE)) {
        add(urls, Dom.href(e));
        add(urls, Dom.text(e));
      }
    }
    return urls;
  }

  private static void add(List<String> urls, String url) {
    if (url != null) {
      urls.add(url);
    }
  }

  private static List<String> openAccessParagraphs(Element back) {
    List<String> out = new ArrayList<>();
    if (back == null) {
      return out;
    }
    List<Element> blocks = new ArrayList<>(Dom.descendants(back, "ack", NONE));
    for (Element sec : Dom.descendants(back, "sec", NONE)) {
      String title = Dom.text(Dom.child(sec, "title"));
      if (title != null && title.toLowerCase(java.util.Locale.ROOT).contains("open access")) {
        blocks.add(sec);
      }
    }
    for (Element block : blocks) {
      for (Element p : Dom.descendants(block, "p", NONE)) {
        String t = Dom.text(p);
        if (t != null && (t.contains("Creative Commons") || t.contains("creativecommons.org"))) {
          out.add(t);
        }
      }
    }
    return out;
  }
}
