package org.radmd.scrapers.jats;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.radmd.scrapers.support.Whitespace;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** DOM helpers that match elements by local name (JATS elements have no namespace). Thread-safe. */
final class Dom {
  static final String XLINK = "http://www.w3.org/1999/xlink";

  private Dom() {}

  /** The element's local name, or its node name when the DOM is not namespace-aware. */
  static String name(Node n) {
    String local = n.getLocalName();
    return local != null ? local : n.getNodeName();
  }

  static boolean is(Node n, String name) {
    return n != null && n.getNodeType() == Node.ELEMENT_NODE && name(n).equals(name);
  }

  /** Element children with local name {@code name}, in document order. */
  static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    if (parent == null) {
      return out;
    }
    for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (is(c, name)) {
        out.add((Element) c);
      }
    }
    return out;
  }

  /** The first element child named {@code name}, or null. */
  static Element child(Element parent, String name) {
    List<Element> c = children(parent, name);
    return c.isEmpty() ? null : c.get(0);
  }

  /** Descendants named {@code name} in document order, not looking inside elements named in {@code prune}. */
  static List<Element> descendants(Element root, String name, Set<String> prune) {
    List<Element> out = new ArrayList<>();
    if (root != null) {
      collect(root, name, prune, out);
    }
    return out;
  }

  /** The first descendant named {@code name} (not inside {@code prune}), or null. */
  static Element first(Element root, String name, Set<String> prune) {
    List<Element> d = descendants(root, name, prune);
    return d.isEmpty() ? null : d.get(0);
  }

  private static void collect(Node node, String name, Set<String> prune, List<Element> out) {
    for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c.getNodeType() == Node.ELEMENT_NODE) {
        if (name(c).equals(name)) {
          out.add((Element) c);
        }
        if (!prune.contains(name(c))) {
          collect(c, name, prune, out);
        }
      } else if (c.getNodeType() == Node.ENTITY_REFERENCE_NODE) {
        collect(c, name, prune, out);
      }
    }
  }

  /** All text of {@code n} with whitespace collapsed ({@link Whitespace#collapse}); null for null or blank. */
  static String text(Node n) {
    return n == null ? null : Whitespace.collapseToNull(n.getTextContent());
  }

  /** The {@code xlink:href} of {@code e} (or a plain {@code href}), or null when absent or blank. */
  static String href(Element e) {
    String h = e.getAttributeNS(XLINK, "href");
    if (h == null || h.isBlank()) {
      h = e.getAttribute("xlink:href");
    }
    if (h == null || h.isBlank()) {
      h = e.getAttribute("href");
    }
    return h == null || h.isBlank() ? null : h.strip();
  }

  /** An attribute value, or null when absent or blank. */
  static String attr(Element e, String name) {
    String v = e.getAttribute(name);
    return v == null || v.isBlank() ? null : v.strip();
  }
}
