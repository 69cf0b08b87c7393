package org.radmd.scrapers.jats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.radmd.scrapers.support.SentenceSplitter;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Finds, for every figure, the body sentences that cite it (radfm-spec §1.1: "inline" text).
 *
 * <p>Body text is every {@code <p>} under {@code <body>}, outside figures, tables, captions, supplementary
 * material, formulas and section titles; a paragraph's nested blocks ({@code list}, {@code disp-quote},
 * {@code boxed-text}, {@code def-list}, nested {@code p}) are read as paragraphs of their own. Each
 * paragraph's text is whitespace-collapsed and split with {@link SentenceSplitter}; sentences never cross
 * paragraphs. A sentence cites a figure when it contains an {@code <xref ref-type="fig">} (or an {@code
 * <xref>} without {@code ref-type} whose {@code rid} names a figure) whose space-separated {@code rid} list
 * names the figure's {@code id} or the {@code id} of a {@code <fig-group>} that holds it. Bibliographic
 * xrefs and {@code <sup>} text are citation markers that stay with the sentence before them.
 *
 * <p>Not thread-safe (it accumulates); one instance per article.
 */
final class FigureCitations {
  /** Citing sentences of one figure, in document order, and where its first citation starts. */
  record Cited(List<String> sentences, int firstOffset) {}

  private static final Set<String> SKIP = Set.of("fig", "fig-group", "table-wrap", "table-wrap-group",
      "caption", "table", "supplementary-material", "media", "graphic", "disp-formula",
      "disp-formula-group", "tex-math", "title", "label", "fn-group", "ref-list", "alternatives", "array",
      "chem-struct-wrap", "code", "preformat");
  private static final Set<String> NESTED_BLOCKS =
      Set.of("p", "list", "disp-quote", "boxed-text", "def-list", "statement", "sec", "glossary");

  private final Map<String, List<String>> ridTargets;
  private final Map<String, LinkedHashSet<String>> sentences = new LinkedHashMap<>();
  private final Map<String, Integer> firstOffsets = new LinkedHashMap<>();

  /**
   * @param ridTargets xref target id -> figure ids it stands for (a figure's own id maps to itself; a
   *     fig-group id maps to its figures)
   */
  FigureCitations(Map<String, List<String>> ridTargets) {
    this.ridTargets = ridTargets;
  }

  /** Collects citing sentences from {@code body} (may be null). */
  FigureCitations scan(Element body) {
    if (body != null) {
      walk(body);
    }
    return this;
  }

  /** The citations of {@code figureId}; an empty list and offset 0 when none. */
  Cited of(String figureId) {
    LinkedHashSet<String> s = sentences.get(figureId);
    if (s == null) {
      return new Cited(List.of(), 0);
    }
    return new Cited(List.copyOf(s), firstOffsets.get(figureId));
  }

  private void walk(Node node) {
    for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c.getNodeType() == Node.ENTITY_REFERENCE_NODE) {
        walk(c);
      } else if (c.getNodeType() == Node.ELEMENT_NODE && !SKIP.contains(Dom.name(c))) {
        if (Dom.is(c, "p")) {
          paragraph((Element) c);
        } else {
          walk(c);
        }
      }
    }
  }

  private void paragraph(Element p) {
    ParagraphText pt = new ParagraphText();
    List<Element> nested = new ArrayList<>();
    inline(p, pt, nested, false);
    collect(pt);
    for (Element block : nested) {
      if (Dom.is(block, "p")) {
        paragraph(block);
      } else {
        walk(block);
      }
    }
  }

  private void inline(Node node, ParagraphText pt, List<Element> nested, boolean marker) {
    for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
      switch (c.getNodeType()) {
        case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
          int from = pt.mark();
          pt.append(c.getNodeValue());
          if (marker) {
            pt.attach(from, pt.end());
          }
        }
        case Node.ENTITY_REFERENCE_NODE -> inline(c, pt, nested, marker);
        case Node.ELEMENT_NODE -> element((Element) c, pt, nested, marker);
        default -> { }
      }
    }
  }

  private void element(Element e, ParagraphText pt, List<Element> nested, boolean marker) {
    String name = Dom.name(e);
    if (NESTED_BLOCKS.contains(name)) {
      nested.add(e);
      pt.space();
    } else if (SKIP.contains(name)) {
      pt.space();
    } else if (name.equals("xref")) {
      List<String> figs = figureTargets(e);
      if (!figs.isEmpty()) {
        pt.cite(pt.mark(), figs);
        inline(e, pt, nested, marker);
      } else {
        inline(e, pt, nested, marker || "bibr".equals(e.getAttribute("ref-type")));
      }
    } else {
      inline(e, pt, nested, marker || name.equals("sup"));
    }
  }

  private List<String> figureTargets(Element xref) {
    String type = xref.getAttribute("ref-type");
    if (!type.isEmpty() && !type.equals("fig")) {
      return List.of();
    }
    LinkedHashSet<String> figs = new LinkedHashSet<>();
    for (String rid : xref.getAttribute("rid").trim().split("\\s+")) {
      List<String> t = ridTargets.get(rid);
      if (t != null) {
        figs.addAll(t);
      }
    }
    return List.copyOf(figs);
  }

  private void collect(ParagraphText pt) {
    if (pt.citations().isEmpty()) {
      return;
    }
    String text = pt.text();
    for (SentenceSplitter.Span span : SentenceSplitter.split(text, pt.attached())) {
      String sentence = span.of(text);
      for (ParagraphText.Citation c : pt.citations()) {
        if (c.offset() < span.start() || c.offset() >= span.end()) {
          continue;
        }
        for (String fig : c.figureIds()) {
          LinkedHashSet<String> set = sentences.computeIfAbsent(fig, k -> new LinkedHashSet<>());
          if (set.isEmpty()) {
            firstOffsets.put(fig, c.offset() - span.start());
          }
          set.add(sentence);
        }
      }
    }
  }
}
