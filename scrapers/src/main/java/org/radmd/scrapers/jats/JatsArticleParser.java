package org.radmd.scrapers.jats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.radmd.scrapers.support.Whitespace;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads JATS article elements into {@link JatsArticle}s. Stateless and thread-safe; never throws for
 * missing elements (their fields come out null or empty).
 */
public final class JatsArticleParser {
  private static final Set<String> WRAPPERS = Set.of("articles", "pmc-articleset");
  private static final Set<String> NO_SUB_ARTICLES = Set.of("sub-article", "response");
  private static final List<String> DATE_PREFERENCE = List.of("epub", "ppub", "epub-ppub", "collection");

  private JatsArticleParser() {}

  /**
   * The article elements of a document: the root when it is {@code <article>}, or the {@code <article>}
   * children of an {@code <articles>} / {@code <pmc-articleset>} wrapper; empty otherwise.
   */
  public static List<Element> articles(Document doc) {
    Element root = doc.getDocumentElement();
    if (root == null) {
      return List.of();
    }
    if (Dom.is(root, "article")) {
      return List.of(root);
    }
    if (WRAPPERS.contains(Dom.name(root))) {
      return Dom.children(root, "article");
    }
    return List.of();
  }

  /** Parses one {@code <article>} element. */
  public static JatsArticle parse(Element article) {
    Element front = Dom.child(article, "front");
    Element meta = Dom.child(front, "article-meta");
    Element journalMeta = Dom.child(front, "journal-meta");
    Element back = Dom.child(article, "back");

    Map<String, String> ids = new LinkedHashMap<>();
    for (Element id : Dom.children(meta, "article-id")) {
      String type = id.getAttribute("pub-id-type");
      String value = Dom.text(id);
      if (value != null) {
        ids.putIfAbsent(type, value);
      }
    }
    String pmcid = normalizePmcid(ids.containsKey("pmc") ? ids.get("pmc") : ids.get("pmcid"));

    String nlmTa = null;
    for (Element jid : Dom.descendants(journalMeta, "journal-id", Set.of())) {
      if ("nlm-ta".equals(jid.getAttribute("journal-id-type"))) {
        nlmTa = Dom.text(jid);
        break;
      }
    }
    List<String> subjects = texts(Dom.descendants(Dom.child(meta, "article-categories"), "subject", Set.of()));
    List<String> keywords = new ArrayList<>();
    for (Element group : Dom.children(meta, "kwd-group")) {
      keywords.addAll(texts(Dom.descendants(group, "kwd", Set.of())));
    }
    return new JatsArticle(pmcid, ids.get("pmid"), ids.get("doi"),
        Dom.text(Dom.child(Dom.child(meta, "title-group"), "article-title")),
        Dom.attr(article, "article-type"),
        Dom.text(Dom.first(journalMeta, "journal-title", Set.of())),
        nlmTa, year(meta), subjects, keywords, JatsLicences.resolve(meta, back), figures(article));
  }

  /** {@code "PMC"} + the digits of a PMC id written with or without the prefix; null if it has no digits. */
  public static String normalizePmcid(String raw) {
    if (raw == null) {
      return null;
    }
    String digits = raw.strip().replaceFirst("(?i)^pmc", "").strip();
    return digits.matches("\\d+") ? "PMC" + digits : null;
  }

  private static List<JatsFigure> figures(Element article) {
    List<Element> figs = Dom.descendants(article, "fig", NO_SUB_ARTICLES);
    Map<String, List<String>> targets = new LinkedHashMap<>();
    List<String> figIds = new ArrayList<>();
    for (int i = 0; i < figs.size(); i++) {
      String id = Dom.attr(figs.get(i), "id");
      String figId = id != null ? id : "fig" + (i + 1);
      figIds.add(figId);
      targets.putIfAbsent(figId, new ArrayList<>(List.of(figId)));
    }
    for (Element group : Dom.descendants(article, "fig-group", NO_SUB_ARTICLES)) {
      String gid = Dom.attr(group, "id");
      if (gid != null && !targets.containsKey(gid)) {
        List<String> members = new ArrayList<>();
        for (Element f : Dom.descendants(group, "fig", Set.of())) {
          members.add(figIds.get(figs.indexOf(f)));
        }
        targets.put(gid, members);
      }
    }
    FigureCitations cites = new FigureCitations(targets).scan(Dom.child(article, "body"));
    List<JatsFigure> out = new ArrayList<>();
    for (int i = 0; i < figs.size(); i++) {
      Element fig = figs.get(i);
      FigureCitations.Cited c = cites.of(figIds.get(i));
      out.add(new JatsFigure(figIds.get(i), Dom.text(Dom.child(fig, "label")),
          Dom.text(Dom.child(fig, "caption")), graphics(fig), c.sentences(), c.firstOffset()));
    }
    return out;
  }

  private static List<String> graphics(Element fig) {
    List<String> hrefs = new ArrayList<>();
    collectGraphics(fig, hrefs);
    return hrefs;
  }

  private static void collectGraphics(Element parent, List<String> hrefs) {
    for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c.getNodeType() != Node.ELEMENT_NODE || Dom.is(c, "caption")) {
        continue;
      }
      Element e = (Element) c;
      if (Dom.is(e, "graphic")) {
        String href = Dom.href(e);
        if (href != null) {
          hrefs.add(href);
        }
      } else if (Dom.is(e, "alternatives")) {
        Element g = Dom.child(e, "graphic");
        if (g != null && Dom.href(g) != null) {
          hrefs.add(Dom.href(g));
        }
      } else {
        collectGraphics(e, hrefs);
      }
    }
  }

  private static String year(Element meta) {
    List<Element> dates = Dom.children(meta, "pub-date");
    for (String type : DATE_PREFERENCE) {
      for (Element d : dates) {
        if (type.equals(d.getAttribute("pub-type")) || type.equals(d.getAttribute("date-type"))) {
          String y = Dom.text(Dom.child(d, "year"));
          if (y != null) {
            return y;
          }
        }
      }
    }
    for (Element d : dates) {
      String y = Dom.text(Dom.child(d, "year"));
      if (y != null) {
        return y;
      }
    }
    return null;
  }

  private static List<String> texts(List<Element> elements) {
    List<String> out = new ArrayList<>();
    for (Element e : elements) {
      String t = Dom.text(e);
      if (t != null && !Whitespace.isBlank(t)) {
        out.add(t);
      }
    }
    return out;
  }
}
