package org.radmd.scrapers.covid;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.radmd.core.Json;
import org.radmd.scrapers.jats.SecureXml;
import org.radmd.scrapers.support.Whitespace;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Parses BioC XML collections of figure documents (the format of COVID-19-CT-CXR's {@code
 * convid_figure_text.xml}; BioC: Comeau et al. 2013, {@code collection/document/{id,infon,passage}}, passage
 * {@code infon[@key='type']} = {@code caption} or {@code text}). XML is parsed with {@link SecureXml} (no DTD or
 * external entity is ever fetched). Stateless and thread-safe.
 */
public final class BiocFigures {
  private BiocFigures() {}

  /**
   * The figure documents of {@code file}, in document order. A malformed {@code files} infon gives an empty
   * file list.
   *
   * @throws SAXException when the XML is not well-formed
   * @throws IOException when the file cannot be read
   */
  public static List<BiocFigure> parse(Path file) throws IOException, SAXException {
    Document doc = SecureXml.parse(file);
    List<BiocFigure> out = new ArrayList<>();
    Element root = doc.getDocumentElement();
    for (Element d : children(root, "document")) {
      out.add(figure(d));
    }
    return out;
  }

  private static BiocFigure figure(Element d) {
    String docId = text(first(d, "id"));
    String figId = infon(d, "figure id");
    String pmcid = docId == null ? null : docId.contains("_") ? docId.substring(0, docId.indexOf('_')) : docId;
    String caption = null;
    List<String> passages = new ArrayList<>();
    for (Element p : children(d, "passage")) {
      String type = infon(p, "type");
      String t = text(first(p, "text"));
      if (t == null) {
        continue;
      }
      if ("caption".equals(type)) {
        caption = caption == null ? t : caption + " " + t;
      } else if ("text".equals(type)) {
        passages.add(t);
      }
    }
    return new BiocFigure(docId == null ? "" : docId, pmcid, figId, infon(d, "url"), files(infon(d, "files")),
        caption, passages);
  }

  private static List<BiocFigure.LabelledFile> files(String json) {
    List<BiocFigure.LabelledFile> out = new ArrayList<>();
    if (json == null) {
      return out;
    }
    try {
      JsonNode arr = Json.mapper().readTree(json);
      if (arr != null && arr.isArray()) {
        for (JsonNode f : arr) {
          if (f.hasNonNull("filename")) {
            out.add(new BiocFigure.LabelledFile(f.get("filename").asText(),
                f.hasNonNull("type") ? f.get("type").asText() : null));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    return out;
  }

  /** The text of the first {@code infon} child with {@code key}, or null. */
  private static String infon(Element e, String key) {
    for (Element i : children(e, "infon")) {
      if (key.equals(i.getAttribute("key"))) {
        return text(i);
      }
    }
    return null;
  }

  private static Element first(Element e, String name) {
    List<Element> c = children(e, name);
    return c.isEmpty() ? null : c.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    if (parent == null) {
      return out;
    }
    for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c.getNodeType() == Node.ELEMENT_NODE) {
        String n = c.getLocalName() != null ? c.getLocalName() : c.getNodeName();
        if (n.equals(name)) {
          out.add((Element) c);
        }
      }
    }
    return out;
  }

  private static String text(Node n) {
    return n == null ? null : Whitespace.collapseToNull(n.getTextContent());
  }
}
