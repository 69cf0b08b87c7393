package org.radmd.scrapers.jats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.testing.SharedCorpus;
import org.w3c.dom.Document;
import org.xml.sax.SAXParseException;

class SecureXmlTest {
  @TempDir
  Path dir;

  @Test
  void externalFileEntityIsNotExpanded() throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-XXE-CONTENT");
    Path xml = dir.resolve("xxe.xml");
    Files.writeString(xml, "<?xml version=\"1.0\"?>\n<!DOCTYPE article [\n<!ENTITY xxe SYSTEM \""
        + secret.toUri() + "\">\n]>\n<article><front/><body><p>leak: &xxe;</p></body></article>",
        StandardCharsets.UTF_8);
    Document doc = SecureXml.parse(xml);
    String text = doc.getDocumentElement().getTextContent();
    assertFalse(text.contains("TOP-SECRET"), text);
    assertTrue(text.contains("leak:"));
  }

  @Test
  void externalParameterEntityAndDtdAreNotFetched() throws Exception {
    Path evil = dir.resolve("evil.dtd");
    Files.writeString(evil, "<!ENTITY leaked \"FROM-EXTERNAL-DTD\">");
    Path xml = dir.resolve("pe.xml");
    Files.writeString(xml, "<!DOCTYPE article SYSTEM \"" + evil.toUri() + "\" [\n<!ENTITY % pe SYSTEM \""
        + evil.toUri() + "\">\n%pe;\n]>\n<article><p>x&leaked;</p></article>");
    // &leaked; is declared only inside the external files; neither is read, so it stays empty
    Document doc = SecureXml.parse(xml);
    assertEquals("x", doc.getDocumentElement().getTextContent());
  }

  @Test
  void realPmcDoctypeIsNotFetched() throws Exception {
    // the DOCTYPE names "JATS-archivearticle1.dtd", which does not exist beside the file
    Path nxml = SharedCorpus.corpus("pmc/PMC3003633/1475-2859-9-89.nxml");
    Document doc = SecureXml.parse(nxml);
    assertEquals("article", doc.getDocumentElement().getLocalName());
  }

  @Test
  void truncatedXmlReportsLineAndColumn() throws Exception {
    Path xml = dir.resolve("t.xml");
    Files.writeString(xml, "<article>\n<body><p>unfinished");
    SAXParseException e = assertThrows(SAXParseException.class, () -> SecureXml.parse(xml));
    assertEquals(2, e.getLineNumber());
    assertTrue(e.getColumnNumber() > 0);
  }

  @Test
  void sniffsTheRootElementPastPrologue() {
    assertEquals(Optional.of("article"), SecureXml.rootElement(
        "\uFEFF<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE article PUBLIC \"a\" \"b\" [ <!ENTITY x \">\"> ]>"
            + "<?pi x?>\n<article xmlns:x=\"u\">"));
    assertEquals(Optional.of("pmc-articleset"), SecureXml.rootElement("<pmc-articleset><article>"));
    assertEquals(Optional.of("collection"), SecureXml.rootElement("<?xml version='1.0'?><collection>"));
    assertEquals(Optional.of("article"), SecureXml.rootElement("<j:article xmlns:j='x'>"));
    assertEquals(Optional.empty(), SecureXml.rootElement("{\"json\": true}"));
    assertEquals(Optional.empty(), SecureXml.rootElement("<!-- never closed"));
  }

  @Test
  void sniffOfTheBiocFileIsCollection() {
    Path bioc = SharedCorpus.corpus("other/covid19_ct_cxr_pmc_figures/convid_figure_text.xml");
    assertEquals(Optional.of("collection"), SecureXml.sniffRootElement(bioc));
    assertEquals(Optional.empty(), SecureXml.sniffRootElement(dir.resolve("does-not-exist.xml")));
  }
}
