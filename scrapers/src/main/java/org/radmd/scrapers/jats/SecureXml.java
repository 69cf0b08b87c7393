package org.radmd.scrapers.jats;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Safe XML parsing for untrusted article files (OWASP XXE prevention settings): secure processing on, no
 * external DTD loading, no external general or parameter entities, no XInclude, entity references not
 * expanded, external DTD and schema access forbidden, and an entity resolver that answers every external
 * lookup with an empty document. A DOCTYPE is allowed (PMC {@code .nxml} files have one) but never fetched.
 * Thread-safe: each thread reuses its own parser (reset before each document).
 */
public final class SecureXml {
  private static final int SNIFF_BYTES = 8192;

  private SecureXml() {}

  /**
   * Parses {@code file} into a namespace-aware DOM.
   *
   * @throws SAXParseException when the XML is not well-formed (its line and column say where)
   * @throws SAXException for other parser failures
   * @throws IOException when the file cannot be read
   */
  public static Document parse(Path file) throws IOException, SAXException {
    DocumentBuilder builder = newBuilder();
    try (InputStream in = Files.newInputStream(file)) {
      InputSource source = new InputSource(in);
      source.setSystemId(file.toUri().toString());
      return builder.parse(source);
    }
  }

  /**
   * Parses XML bytes (e.g. a fetched web-service response) into a namespace-aware DOM, with the same settings.
   *
   * @param systemId the document's address, used only in error messages; may be null
   * @throws SAXParseException when the XML is not well-formed
   * @throws SAXException for other parser failures
   */
  public static Document parse(byte[] xml, String systemId) throws SAXException {
    InputSource source = new InputSource(new java.io.ByteArrayInputStream(xml));
    if (systemId != null) {
      source.setSystemId(systemId);
    }
    try {
      return newBuilder().parse(source);
    } catch (IOException e) {
      throw new SAXException("cannot read in-memory XML " + systemId, e);
    }
  }

  /**
   * Each thread's safely configured document builder, reset before every use. Creating a {@link
   * DocumentBuilderFactory} costs a service lookup, which dominated the parse time of small articles.
   */
  private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(SecureXml::createBuilder);

  /** A safely configured document builder for the calling thread (reused, reset; do not share it). */
  static DocumentBuilder newBuilder() {
    DocumentBuilder b = BUILDERS.get();
    b.reset();
    configure(b);
    return b;
  }

  private static DocumentBuilder createBuilder() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setValidating(false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return f.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
    }
  }

  /** Sets the resolver that answers external lookups with nothing and the error handler (reset clears both). */
  private static void configure(DocumentBuilder b) {
    b.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
    b.setErrorHandler(new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {
        // warnings (e.g. an undeclared entity in a non-validating parse) do not stop parsing
      }

      @Override
      public void error(SAXParseException e) {
        // validity errors are irrelevant: the parser does not validate
      }

      @Override
      public void fatalError(SAXParseException e) throws SAXException {
        throw e;
      }
    });
  }

  /**
   * The local name (prefix removed) of the root element of {@code file}, found by scanning at most its first
   * 8 KB past the XML declaration, comments, processing instructions and a DOCTYPE (with internal subset).
   * Empty when the file cannot be read or no root start tag appears in that prefix. Never throws.
   */
  public static Optional<String> sniffRootElement(Path file) {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SNIFF_BYTES);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return rootElement(decode(head));
  }

  /** The root element's local name in an XML prefix, as {@link #sniffRootElement}. */
  static Optional<String> rootElement(String s) {
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\uFEFF' || Character.isWhitespace(c)) {
        i++;
      } else if (s.startsWith("<?", i)) {
        i = after(s, "?>", i);
      } else if (s.startsWith("<!--", i)) {
        i = after(s, "-->", i);
      } else if (s.startsWith("<!DOCTYPE", i)) {
        i = afterDoctype(s, i);
      } else if (c == '<') {
        int j = i + 1;
        while (j < n && !Character.isWhitespace(s.charAt(j)) && s.charAt(j) != '>' && s.charAt(j) != '/') {
          j++;
        }
        if (j == n || j == i + 1) {
          return Optional.empty();
        }
        String qname = s.substring(i + 1, j);
        return Optional.of(qname.substring(qname.indexOf(':') + 1));
      } else {
        return Optional.empty();
      }
      if (i < 0) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static int after(String s, String end, int from) {
    int k = s.indexOf(end, from + 2);
    return k < 0 ? -1 : k + end.length();
  }

  private static int afterDoctype(String s, int from) {
    int depth = 0;
    char quote = 0;
    for (int j = from + 2; j < s.length(); j++) {
      char c = s.charAt(j);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == '>' && depth <= 0) {
        return j + 1;
      }
    }
    return -1;
  }

  private static String decode(byte[] head) {
    Charset cs = StandardCharsets.UTF_8;
    int skip = 0;
    if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
      cs = StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
      cs = StandardCharsets.UTF_16LE;
      skip = 2;
    }
    try {
      return cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(head, skip, head.length - skip)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return "";
    }
  }
}
