package org.radmd.scrapers.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/** {@link PdfText} and the PDF text sidecars of harvested packages, on PDFs written here with PDFBox. */
class PdfTextTest {
  /** A PDF with one page per line of {@code lines}. */
  static byte[] pdf(String... lines) throws IOException {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String line : lines) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
          cs.newLineAtOffset(72, 700);
          cs.showText(line);
          cs.endText();
        }
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  @Test
  void extractsTextAndPageCount() throws Exception {
    PdfText.Result r = PdfText.extract(pdf("Axial CT shows a hyperdense mass.", "Diagnosis: meningioma."));
    assertTrue(r.ok(), r.error());
    assertEquals(2, r.pages());
    assertFalse(r.truncated());
    assertTrue(r.text().contains("Axial CT shows a hyperdense mass."), r.text());
    assertTrue(r.text().indexOf("meningioma") > r.text().indexOf("hyperdense"), r.text());
  }

  @Test
  void limitsAndBadInput() throws Exception {
    byte[] p = pdf("Axial CT shows a hyperdense mass in the left frontal lobe.");
    PdfText.Result cut = PdfText.extract(p, 1 << 20, 10, 30_000);
    assertTrue(cut.ok());
    assertTrue(cut.truncated());
    assertTrue(cut.text().length() <= 10, cut.text());
    PdfText.Result big = PdfText.extract(p, 100, 1000, 30_000);
    assertFalse(big.ok());
    assertTrue(big.error().contains("over the limit"), big.error());
    PdfText.Result junk = PdfText.extract("not a pdf".getBytes(StandardCharsets.US_ASCII));
    assertFalse(junk.ok());
    assertTrue(junk.error().startsWith("unreadable PDF"), junk.error());
  }

  @Test
  void packagePdfsBecomeTextSidecars() throws Exception {
    byte[] casePdf = pdf("Case report: chest radiograph shows a left pneumothorax.");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
      for (Object[] f : new Object[][] {{"PMC1/case.pdf", casePdf}, {"PMC1/broken.pdf", "%PDF-1.4 junk".getBytes()},
          {"PMC1/notes.doc", new byte[] {1, 2, 3}}}) {
        byte[] data = (byte[]) f[1];
        TarArchiveEntry e = new TarArchiveEntry((String) f[0]);
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
      }
    }
    List<OaPackages.Entry> read = OaPackages.read(bytes.toByteArray());
    assertEquals(List.of("case.pdf", "broken.pdf"), read.stream().map(OaPackages.Entry::name).toList(),
        "PDFs are kept, other non-article files are not");
    List<String> problems = new ArrayList<>();
    List<OaPackages.Entry> out = PmcOaHarvester.pdfTextSidecars(read, "PMC1", problems);
    assertEquals(List.of("case.pdf.txt"), out.stream().map(OaPackages.Entry::name).toList());
    assertEquals("text/plain", out.get(0).mediaType());
    assertTrue(new String(out.get(0).bytes(), StandardCharsets.UTF_8).contains("left pneumothorax"));
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).startsWith("PMC1: no text from broken.pdf"), problems.toString());
  }
}
