package org.radmd.scrapers.harvest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * Text of a PDF (Apache Tika's {@link PDFParser}, PDFBox underneath), with limits: PDFs over {@code maxBytes} are
 * not parsed, text beyond {@code maxChars} is cut (the result says so), and a parse that runs longer than {@code
 * timeoutMs} is abandoned (the parsing thread is a daemon that is interrupted; PDFBox may not stop at once).
 * Encrypted PDFs are not read (Bouncy Castle is left out). Used by {@link PmcOaHarvester} to give packages' PDFs
 * (e.g. a package with a PDF but no usable {@code .nxml}, or a supplementary case PDF) a plain-text sidecar.
 *
 * <p>Thread-safe (each call uses its own parser and thread).
 */
public final class PdfText {
  /** Default limits: 64 MiB per PDF, 2,000,000 characters, 60 s. */
  public static final long DEFAULT_MAX_BYTES = 64L << 20;
  /** Default character limit. */
  public static final int DEFAULT_MAX_CHARS = 2_000_000;
  /** Default time limit, ms. */
  public static final long DEFAULT_TIMEOUT_MS = 60_000;

  /**
   * The outcome.
   *
   * @param text the extracted text (whitespace as Tika writes it, stripped), or null when extraction failed
   * @param pages the page count Tika reports ({@code xmpTPg:NPages}), or -1
   * @param truncated true when the text was cut at the character limit
   * @param error why there is no text (too large, timeout, not a PDF, encrypted, ...), or null
   */
  public record Result(String text, int pages, boolean truncated, String error) {
    /** True when text was extracted. */
    public boolean ok() {
      return text != null;
    }
  }

  private PdfText() {}

  /** {@link #extract(byte[], long, int, long)} with the default limits. */
  public static Result extract(byte[] pdf) throws InterruptedException {
    return extract(pdf, DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, DEFAULT_TIMEOUT_MS);
  }

  /**
   * Extracts the text of {@code pdf}.
   *
   * @param pdf the PDF bytes
   * @param maxBytes the largest PDF parsed, bytes
   * @param maxChars the most characters kept
   * @param timeoutMs the time limit, ms
   * @return the text or an error; never throws for bad input
   * @throws InterruptedException when the calling thread is interrupted while waiting
   */
  public static Result extract(byte[] pdf, long maxBytes, int maxChars, long timeoutMs) throws InterruptedException {
    Objects.requireNonNull(pdf, "pdf");
    if (pdf.length > maxBytes) {
      return new Result(null, -1, false, "PDF of " + pdf.length + " bytes is over the limit of " + maxBytes);
    }
    AtomicReference<Result> result = new AtomicReference<>();
    Thread t = new Thread(() -> result.set(parse(pdf, maxChars)), "radmd-pdf-text");
    t.setDaemon(true);
    t.start();
    t.join(timeoutMs);
    if (t.isAlive()) {
      t.interrupt();
      return new Result(null, -1, false, "PDF text extraction took over " + timeoutMs + " ms");
    }
    return result.get();
  }

  private static Result parse(byte[] pdf, int maxChars) {
    BodyContentHandler handler = new BodyContentHandler(maxChars);
    Metadata md = new Metadata();
    boolean truncated = false;
    try {
      new PDFParser().parse(new ByteArrayInputStream(pdf), handler, md, new ParseContext());
    } catch (SAXException e) {
      if (WriteLimitReachedException.isWriteLimitReached(e)) {
        truncated = true;
      } else {
        return new Result(null, -1, false, "unreadable PDF: " + e.getMessage());
      }
    } catch (IOException | TikaException | RuntimeException e) {
      return new Result(null, -1, false, "unreadable PDF: " + e);
    }
    String pages = md.get("xmpTPg:NPages");
    int n;
    try {
      n = pages == null ? -1 : Integer.parseInt(pages.strip());
    } catch (NumberFormatException e) {
      n = -1;
    }
    return new Result(handler.toString().strip(), n, truncated, null);
  }
}
