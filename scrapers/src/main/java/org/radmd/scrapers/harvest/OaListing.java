package org.radmd.scrapers.harvest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.radmd.scrapers.jats.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * One page of the PMC OA web service ({@code https://www.ncbi.nlm.nih.gov/pmc/utils/oa/oa.fcgi}) response:
 *
 * <pre>{@code
 * <OA><responseDate>2024-01-01 10:00:00</responseDate>
 *   <request from="2024-01-01" format="tgz">https://www.ncbi.nlm.nih.gov/pmc/utils/oa/oa.fcgi?...</request>
 *   <records returned-count="2" total-count="1234">
 *     <record id="PMC3003633" citation="Microb Cell Fact. 2010; 9:89" license="CC BY" retracted="no">
 *       <link format="tgz" updated="2013-02-27 06:28:38"
 *             href="ftp://ftp.ncbi.nlm.nih.gov/pub/pmc/oa_package/08/e0/PMC3003633.tar.gz"/>
 *       <link format="pdf" updated="..." href="..."/>
 *     </record> ...
 *   </records>
 *   <resumption><link token="..." href="https://www.ncbi.nlm.nih.gov/pmc/utils/oa/oa.fcgi?resumptionToken=..."/>
 *   </resumption>
 * </OA>
 * }</pre>
 *
 * <p>or {@code <OA><responseDate/><request/><error code="idIsNotOpenAccess">...</error></OA>}. Parsed with
 * {@link SecureXml} (no external entities). Immutable.
 *
 * @param records the records, document order
 * @param next the {@code resumption/link/@href} of the next page, or null on the last page
 * @param errorCode the {@code error/@code} when the service answered with an error, else null
 * @param errorMessage the error text, or null
 */
public record OaListing(List<Record> records, URI next, String errorCode, String errorMessage) {

  /**
   * One open-access article.
   *
   * @param pmcid {@code record/@id}
   * @param citation {@code @citation}, or null
   * @param license {@code @license} as written (e.g. {@code "CC BY"}), or null
   * @param retracted true when {@code @retracted="yes"}
   * @param packageHref the {@code link[@format='tgz']/@href}, or null when the record has no package
   */
  public record Record(String pmcid, String citation, String license, boolean retracted, String packageHref) {}

  public OaListing {
    records = records == null ? List.of() : List.copyOf(records);
  }

  /**
   * Parses one response page.
   *
   * @param base the page's own address, against which a relative resumption link is resolved
   * @throws SAXException when the bytes are not well-formed XML or the root is not {@code OA}
   */
  public static OaListing parse(byte[] xml, URI base) throws SAXException {
    Document doc = SecureXml.parse(xml, base.toString());
    Element root = doc.getDocumentElement();
    if (root == null || !"OA".equals(name(root))) {
      throw new SAXException("not a PMC OA service response (root " + (root == null ? "none" : name(root)) + ")");
    }
    Element error = child(root, "error");
    if (error != null) {
      return new OaListing(List.of(), null, error.getAttribute("code"), error.getTextContent().strip());
    }
    List<Record> out = new ArrayList<>();
    for (Element rec : children(child(root, "records"), "record")) {
      String href = null;
      for (Element link : children(rec, "link")) {
        if ("tgz".equals(link.getAttribute("format")) && !link.getAttribute("href").isBlank()) {
          href = link.getAttribute("href").strip();
          break;
        }
      }
      out.add(new Record(rec.getAttribute("id").strip(), blankToNull(rec.getAttribute("citation")),
          blankToNull(rec.getAttribute("license")), "yes".equalsIgnoreCase(rec.getAttribute("retracted")), href));
    }
    URI next = null;
    Element link = child(child(root, "resumption"), "link");
    if (link != null && !link.getAttribute("href").isBlank()) {
      next = base.resolve(link.getAttribute("href").strip());
    }
    return new OaListing(out, next, null, null);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String name(Node n) {
    return n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
  }

  private static Element child(Element parent, String name) {
    List<Element> c = children(parent, name);
    return c.isEmpty() ? null : c.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    if (parent == null) {
      return out;
    }
    for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c.getNodeType() == Node.ELEMENT_NODE && name(c).equals(name)) {
        out.add((Element) c);
      }
    }
    return out;
  }
}
