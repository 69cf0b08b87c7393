package org.radmd.scrapers.jats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.SourceDataset;
import org.radmd.core.Stage;
import org.radmd.core.TextField;
import org.radmd.scrapers.Expected;
import org.radmd.scrapers.ReadResult;
import org.radmd.testing.SharedCorpus;

/** {@link JatsArticleReader} on the real articles of the shared corpus (read in place). */
class JatsArticleReaderCorpusTest {
  private final JatsArticleReader reader = new JatsArticleReader();
  private final Path root = Expected.root();

  private ReadResult read(String relative) {
    return reader.read(SharedCorpus.corpus(relative), root);
  }

  @Test
  void pmc3003633GivesOneSamplePerFigureWithFullSizeJpeg() {
    JsonNode x = Expected.of("pmc/PMC3003633").get("extracted_from_file");
    ReadResult r = read("pmc/PMC3003633/1475-2859-9-89.nxml");
    assertEquals(List.of(), r.rejects());
    assertEquals(3, r.samples().size());
    for (int i = 0; i < 3; i++) {
      JsonNode ef = x.get("figures").get(i);
      Sample s = r.samples().get(i);
      String figId = ef.get("id").asText();
      assertEquals("pmci-PMC3003633-" + figId, s.id());
      assertEquals(SourceDataset.PMC_INLINE, s.source());
      assertEquals("PMC3003633", s.caseId());
      assertEquals(ef.get("caption").asText(), s.text().caption());
      assertEquals(x.get("article_title").asText(), s.text().title());
      assertEquals(ef.get("label").asText(), s.attributes().get("label"));
      ImageRef img = s.images().get(0);
      assertEquals(1, s.images().size());
      assertEquals(figId, img.id());
      assertEquals(ImageKind.IMAGE_2D, img.kind());
      String jpg = ef.get("graphic_href").asText() + ".jpg";
      assertTrue(Expected.strings(ef.get("image_files_present")).contains(jpg));
      assertEquals(SharedCorpus.corpus("pmc/PMC3003633").resolve(jpg).toAbsolutePath().normalize().toString(),
          img.path());
      assertEquals(List.of("pmc/PMC3003633/" + jpg), img.sourceFiles());
      assertEquals(List.of(), img.shape());
      assertNull(img.pixelHash());
      assertEquals(TextField.INLINE, img.textField());
      assertFalse(s.text().inline().isEmpty());
      assertTrue(s.text().inline().size() <= ef.get("n_inline_xref_citations").asInt());
    }
  }

  @Test
  void pmc3003633MetadataLicenceAndProvenance() {
    Sample s = read("pmc/PMC3003633/1475-2859-9-89.nxml").samples().get(0);
    assertEquals("CC-BY-2.0", s.licence().id());
    assertEquals("http://creativecommons.org/licenses/by/2.0", s.licence().url());
    assertEquals("\u00A9 2010 Willquist et al; licensee BioMed Central Ltd.", s.licence().attribution());
    assertEquals("pmc/PMC3003633/1475-2859-9-89.nxml", s.provenance().origin());
    assertEquals("PMC3003633", s.provenance().originId());
    assertEquals("10.1186/1475-2859-9-89", s.provenance().doi());
    assertEquals("21092203", s.provenance().pmid());
    assertEquals("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3003633/", s.provenance().url());
    assertEquals("JatsArticleReader", s.provenance().parser());
    assertEquals("Microbial Cell Factories", s.attributes().get("journal"));
    assertEquals("Microb Cell Fact", s.attributes().get("journal-nlm-ta"));
    assertEquals("review-article", s.attributes().get("article-type"));
    assertEquals("2010", s.attributes().get("year"));
    assertEquals("Review", s.attributes().get("subjects"));
    assertEquals(List.of(), s.modalities());
    assertEquals(List.of(), s.diagnoses());
  }

  @Test
  void inlinePositionPointsAtTheCitingXrefText() {
    ReadResult r = read("pmc/PMC3003633/1475-2859-9-89.nxml");
    // F1 is cited as "(Figure <xref>1A</xref>)", F3 as "(Figure <xref>3</xref>)"
    Sample f1 = r.samples().get(0);
    String joined1 = String.join(" ", f1.text().inline());
    assertTrue(joined1.startsWith("1A)", f1.images().get(0).position()), joined1);
    assertEquals(List.of("In addition, it creates a stronger link between anabolism and catabolism, i.e., the net "
        + "ATP generated in catabolic pathways is used as an energy input in biosynthetic pathways, which generates "
        + "PPi that can participate in driving catabolism and generating ATP (Figure 3)."),
        r.samples().get(2).text().inline());
    assertEquals(f1.text().get(TextField.INLINE), joined1);
    Sample f3 = r.samples().get(2);
    assertEquals(f3.text().inline().get(0).indexOf("3)."), f3.images().get(0).position());
  }

  @Test
  void pmc2270912LicenceComesFromTheCopyrightStatement() {
    JsonNode x = Expected.of("pmc/PMC2270912").get("extracted_from_file");
    ReadResult r = read("pmc/PMC2270912/pone.0001908.nxml");
    assertEquals(List.of(), r.rejects());
    assertEquals(5, r.samples().size());
    for (int i = 0; i < 5; i++) {
      Sample s = r.samples().get(i);
      JsonNode ef = x.get("figures").get(i);
      assertEquals(ef.get("caption").asText(), s.text().caption());
      assertEquals(List.of("pmc/PMC2270912/" + ef.get("graphic_href").asText() + ".jpg"),
          s.images().get(0).sourceFiles());
      assertEquals("CC-BY", s.licence().id());
      assertEquals(x.get("copyright").asText(), s.licence().statement());
    }
    // "Fig 1a" and "Figure 1b" cite the first figure in two sentences
    List<String> inline = r.samples().get(0).text().inline();
    assertEquals(2, inline.size());
    assertTrue(inline.get(0).contains("(Fig 1a)"), inline.get(0));
    assertTrue(inline.get(1).contains("(Figure 1b)"), inline.get(1));
  }

  @Test
  void pmc3460867HasNoImagesSoEveryFigureIsRejected() {
    JsonNode x = Expected.of("pmc/PMC3460867").get("extracted_from_file");
    ReadResult r = read("pmc/PMC3460867/pone.0046493.nxml");
    assertEquals(List.of(), r.samples());
    assertEquals(x.get("n_figures").asInt(), r.rejects().size());
    for (int i = 0; i < r.rejects().size(); i++) {
      Reject j = r.rejects().get(i);
      JsonNode ef = x.get("figures").get(i);
      assertEquals("PMC-Inline", j.source());
      assertEquals(Stage.PARSE, j.stage());
      assertEquals("image-missing", j.reason());
      assertEquals("pmc/PMC3460867/pone.0046493.nxml", j.origin());
      assertEquals("pmci-PMC3460867-" + ef.get("id").asText(), j.itemId());
      assertTrue(j.message().contains(ef.get("graphic_href").asText()), j.message());
      assertTrue(j.message().contains("PMC3460867"), j.message());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"PMC2900587", "PMC6358577", "PMC6358581"})
  void radiologyArticlesWithoutImagesAreRejectedPerFigure(String pmcid) {
    JsonNode x = Expected.of("pmc_radiology/" + pmcid).get("extracted_from_file");
    ReadResult r = read("pmc_radiology/" + pmcid + "/" + pmcid + ".xml");
    assertEquals(List.of(), r.samples());
    List<Reject> inline = r.rejects().stream().filter(j -> j.source().equals("PMC-Inline")).toList();
    assertEquals(x.get("n_figures").asInt(), inline.size());
    assertTrue(inline.stream().allMatch(j -> j.reason().equals("image-missing")));
  }

  /**
   * The radiology articles ship no images; with empty stand-in files beside a temporary copy of the XML (the
   * reader only checks that a file exists) their figures become samples, which exercises real case-report
   * text: "Figs. 2, 3", no-break-space labels, the pmcid id type and the licence in {@code <ack>}.
   */
  @Test
  void radiologyArticlesWithStandInImages(@TempDir Path tmp) throws Exception {
    for (String pmcid : List.of("PMC2900587", "PMC6358577", "PMC6358581")) {
      JsonNode x = Expected.of("pmc_radiology/" + pmcid).get("extracted_from_file");
      Path dir = Files.createDirectories(tmp.resolve(pmcid));
      Files.copy(SharedCorpus.corpus("pmc_radiology/" + pmcid + "/" + pmcid + ".xml"), dir.resolve(pmcid + ".xml"));
      for (JsonNode f : x.get("figures")) {
        Files.createFile(dir.resolve(f.get("graphic_hrefs").get(0).asText() + ".jpg"));
      }
      ReadResult all = reader.read(dir.resolve(pmcid + ".xml"), tmp);
      ReadResult r = new ReadResult(
          all.samples().stream().filter(s -> s.source() == SourceDataset.PMC_INLINE).toList(),
          all.rejects().stream().filter(j -> j.source().equals("PMC-Inline")).toList());
      assertEquals(List.of(), r.rejects());
      assertEquals(x.get("n_figures").asInt(), r.samples().size());
      for (int i = 0; i < r.samples().size(); i++) {
        Sample s = r.samples().get(i);
        JsonNode ef = x.get("figures").get(i);
        assertEquals(pmcid, s.caseId());
        assertEquals(ef.get("caption").asText(), s.text().caption());
        assertEquals(ef.get("label").asText().replace('\u00A0', ' '), s.attributes().get("label"));
        assertEquals(ef.get("n_inline_xref_citations").asInt(), s.text().inline().size());
        assertEquals(x.get("article_type").asText(), s.attributes().get("article-type"));
        assertEquals(List.of(pmcid + "/" + ef.get("graphic_hrefs").get(0).asText() + ".jpg"),
            s.images().get(0).sourceFiles());
      }
    }
    ReadResult abdom = reader.read(tmp.resolve("PMC2900587/PMC2900587.xml"), tmp);
    Sample fig2 = abdom.samples().get(1);
    Sample fig3 = abdom.samples().get(2);
    assertEquals(fig2.text().inline(), fig3.text().inline());
    assertTrue(fig2.text().inline().get(0).endsWith("[17] (Figs. 2, 3)."), fig2.text().inline().get(0));
    assertEquals("CC-BY-NC", fig2.licence().id());
    assertEquals("\u00A9 The Author(s) 2009", fig2.licence().attribution());
    assertEquals("2009", fig2.attributes().get("year"));
    assertEquals("Pancreatic cancer; CTA; Diagnosis; Staging; Resectability; CT", fig2.attributes().get("keywords"));
    assertEquals("19468791", fig2.provenance().pmid());

    Sample crj = reader.read(tmp.resolve("PMC6358577/PMC6358577.xml"), tmp).samples().get(3);
    assertEquals("pmci-PMC6358577-F4", crj.id());
    assertEquals(List.of("A 10-mm \u00D7 4-cm covered metal stent (Figure 4) was placed in the distal common bile "
        + "duct, with successful resolution of the stricture documented at the time of stent removal 4 months later."),
        crj.text().inline());
    assertEquals("A 10-mm \u00D7 4-cm covered metal stent (".length(), crj.images().get(0).position());
    assertEquals("CC-BY-NC-ND-4.0", crj.licence().id());
    assertEquals("http://creativecommons.org/licenses/by-nc-nd/4.0/", crj.licence().url());
    assertEquals("PMC6358577/PMC6358577.xml", crj.provenance().origin());
    assertNull(crj.provenance().pmid());
  }

  @Test
  void readingIsDeterministic() {
    Stream.of("pmc/PMC3003633/1475-2859-9-89.nxml", "pmc/PMC3460867/pone.0046493.nxml")
        .forEach(f -> assertEquals(read(f), read(f)));
  }
}
