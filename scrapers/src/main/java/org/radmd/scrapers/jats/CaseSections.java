package org.radmd.scrapers.jats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.radmd.scrapers.support.Whitespace;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Finds the case presentation of a JATS article: the first {@code body//sec} (outside {@code sub-article})
 * whose {@code sec-type} is {@code case}, {@code cases}, {@code case-report} or {@code case-presentation}, or
 * whose {@code title} reads "Case report", "Case presentation", "Case description", "Case history", "Case
 * summary", "Case details", "Case" or "Case 1". Its text is every {@code p} in it (sub-sections included; a
 * nested paragraph's text stays in its enclosing paragraph) without the text of figures, tables, formulas and
 * supplementary material inside them, whitespace collapsed, joined by single spaces. Stateless and
 * thread-safe.
 */
final class CaseSections {
  private static final Set<String> SEC_TYPES = Set.of("case", "cases", "case-report", "case-presentation",
      "case-description", "case-study");
  private static final Pattern TITLE = Pattern.compile(
      "(?i)^\\s*(?:\\d+\\.?\\s*)?case(?:\\s+(?:reports?|presentations?|descriptions?|histor(?:y|ies)|summary|details"
          + "|studies|study|\\d+))?\\s*[:.]?\\s*$");
  private static final Set<String> SKIP = Set.of("fig", "fig-group", "table-wrap", "table-wrap-group", "caption",
      "disp-formula", "supplementary-material", "p", "title", "label", "sub-article");
  /** Blocks whose text is left out of a paragraph. */
  private static final Set<String> LEAVE_OUT = Set.of("fig", "fig-group", "table-wrap", "table-wrap-group",
      "disp-formula", "supplementary-material", "media");

  private CaseSections() {}

  /** The case presentation section of {@code article}, or null when it has none. */
  static Element find(Element article) {
    Element body = Dom.child(article, "body");
    for (Element sec : Dom.descendants(body, "sec", Set.of("sub-article", "fig", "table-wrap", "boxed-text"))) {
      String type = Dom.attr(sec, "sec-type");
      if (type != null && SEC_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
        return sec;
      }
      String title = Dom.text(Dom.child(sec, "title"));
      if (title != null && TITLE.matcher(title).matches()) {
        return sec;
      }
    }
    return null;
  }

  /** The paragraph text of {@code sec} (see the class comment); null when it has none. */
  static String text(Element sec) {
    if (sec == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (Element p : Dom.descendants(sec, "p", SKIP)) {
      StringBuilder sb = new StringBuilder();
      plain(p, sb);
      String t = Whitespace.collapseToNull(sb.toString());
      if (t != null) {
        parts.add(t);
      }
    }
    return parts.isEmpty() ? null : String.join(" ", parts);
  }

  private static void plain(Node n, StringBuilder sb) {
    for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
      switch (c.getNodeType()) {
        case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> sb.append(c.getNodeValue());
        case Node.ELEMENT_NODE -> {
          if (LEAVE_OUT.contains(Dom.name(c))) {
            sb.append(' ');
          } else {
            plain(c, sb);
          }
        }
        case Node.ENTITY_REFERENCE_NODE -> plain(c, sb);
        default -> { }
      }
    }
  }

  /** The text of the article's first {@code abstract}, or null. */
  static String abstractText(Element article) {
    Element meta = Dom.child(Dom.child(article, "front"), "article-meta");
    Element abs = Dom.child(meta, "abstract");
    if (abs == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (Element p : Dom.descendants(abs, "p", Set.of("p"))) {
      String t = Dom.text(p);
      if (t != null) {
        parts.add(t);
      }
    }
    return parts.isEmpty() ? Dom.text(abs) : String.join(" ", parts);
  }
}
