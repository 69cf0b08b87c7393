package org.radmd.scrapers.jats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.ImageRef;
import org.radmd.core.Modality;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.SourceDataset;
import org.radmd.core.Stage;
import org.radmd.core.TextField;
import org.radmd.scrapers.Expected;
import org.radmd.scrapers.ReadResult;
import org.radmd.testing.SharedCorpus;

/**
 * PMC-CaseReport samples from the two real case reports of the shared corpus (ACG Case Rep J, PMC6358577 and
 * PMC6358581). They ship no images, so a temporary copy with empty stand-in image files is read (the reader
 * only checks that a file exists).
 */
class CaseReportCorpusTest {
  private final JatsArticleReader reader = new JatsArticleReader();

  private ReadResult withStandIns(Path tmp, String pmcid) throws Exception {
    JsonNode x = Expected.of("pmc_radiology/" + pmcid).get("extracted_from_file");
    Path dir = Files.createDirectories(tmp.resolve(pmcid));
    Files.copy(SharedCorpus.corpus("pmc_radiology/" + pmcid + "/" + pmcid + ".xml"), dir.resolve(pmcid + ".xml"));
    for (JsonNode f : x.get("figures")) {
      Files.createFile(dir.resolve(f.get("graphic_hrefs").get(0).asText() + ".jpg"));
    }
    return reader.read(dir.resolve(pmcid + ".xml"), tmp);
  }

  private static List<Sample> cases(ReadResult r) {
    return r.samples().stream().filter(s -> s.source() == SourceDataset.PMC_CASE_REPORT).toList();
  }

  @Test
  void pmc6358577GivesThreeItemsPerRadiologyFigurePlusTheDiagnosis(@TempDir Path tmp) throws Exception {
    JsonNode x = Expected.of("pmc_radiology/PMC6358577").get("extracted_from_file");
    ReadResult r = withStandIns(tmp, "PMC6358577");
    assertEquals(List.of(), r.rejects());
    assertEquals(5, r.samples().stream().filter(s -> s.source() == SourceDataset.PMC_INLINE).count(),
        "the PMC-Inline figure samples are still there");
    List<Sample> items = cases(r);
    assertEquals(5 * 3 + 1, items.size());
    List<String> ids = items.stream().map(Sample::id).toList();
    assertEquals(List.of("pmcc-PMC6358577-F1-caption", "pmcc-PMC6358577-F1-modality", "pmcc-PMC6358577-F1-inline"),
        ids.subList(0, 3));
    assertEquals("pmcc-PMC6358577-diagnosis", ids.get(ids.size() - 1));
    for (int i = 0; i < 5; i++) {
      JsonNode f = x.get("figures").get(i);
      Sample caption = items.get(3 * i);
      assertEquals("What does the " + (i == 2 ? "MR image" : "CT image") + " in " + f.get("label").asText()
          + " show?", caption.text().question());
      assertEquals(f.get("caption").asText(), caption.text().answer());
      assertEquals(f.get("caption").asText(), caption.text().caption());
      assertEquals("['" + f.get("id").asText() + "']", caption.attributes().get("img-ref"));
      assertEquals("caption", caption.attributes().get("qa-template"));
      assertEquals(i == 2 ? "Magnetic resonance (MR)" : "Computed tomography (CT)",
          items.get(3 * i + 1).text().answer());
      assertEquals(f.get("n_inline_xref_citations").asInt(), items.get(3 * i + 2).text().inline().size());
      assertEquals(String.join(" ", items.get(3 * i + 2).text().inline()), items.get(3 * i + 2).text().answer());
    }
    Sample dx = items.get(items.size() - 1);
    assertEquals(x.get("article_title").asText(), dx.text().answer());
    assertEquals("Based on the case presentation and the images, what is the diagnosis?", dx.text().question());
    assertEquals(5, dx.images().size());
    assertEquals(List.of(Modality.CT, Modality.MR), dx.modalities());
    assertEquals("['F1', 'F2', 'F3', 'F4', 'F5']", dx.attributes().get("img-ref"));
    assertNull(dx.text().caption());
    for (Sample s : items) {
      assertEquals("PMC6358577", s.caseId());
      assertEquals("CC-BY-NC-ND-4.0", s.licence().id());
      assertEquals("case-report", s.attributes().get("article-type"));
      assertEquals("PMC6358577/PMC6358577.xml", s.provenance().origin());
      assertEquals(x.get("article_title").asText(), s.text().title());
      for (ImageRef img : s.images()) {
        assertEquals(TextField.QUESTION, img.textField());
        assertEquals(s.text().question().length(), img.position());
        assertTrue(img.sourceFiles().get(0).startsWith("PMC6358577/CG-CGCR180085F00"), img.sourceFiles().toString());
      }
    }
  }

  @Test
  void contextIsTheCaseReportSectionWithoutOtherSections(@TempDir Path tmp) throws Exception {
    Sample s = cases(withStandIns(tmp, "PMC6358577")).get(0);
    String context = s.text().history();
    assertTrue(context.startsWith("A Caucasian woman without a significant past medical history"),
        context.substring(0, 80));
    assertFalse(context.contains("Introduction"));
    assertFalse(context.contains("Disclosures"));
    assertFalse(context.contains("Author contributions"), "the Disclosures section is not context");
    assertFalse(context.contains("Contrast-enhanced axial computed tomography (CT) imaging from 2004"),
        "figure captions are not context");
  }

  @Test
  void pmc6358581LeavesOutTheHistologyFigure(@TempDir Path tmp) throws Exception {
    ReadResult r = withStandIns(tmp, "PMC6358581");
    List<Reject> rejects = r.rejects();
    assertEquals(1, rejects.size());
    Reject he = rejects.get(0);
    assertEquals("PMC-CaseReport", he.source());
    assertEquals(Stage.PARSE, he.stage());
    assertEquals("figure-not-radiology", he.reason());
    assertEquals("pmcc-PMC6358581-F2", he.itemId());
    List<Sample> items = cases(r);
    assertEquals(List.of("F1", "F3"), items.stream().filter(s -> s.attributes().get("qa-template").equals("caption"))
        .map(s -> s.images().get(0).id()).toList());
    assertEquals(2 * 3 + 1, items.size());
    Sample dx = items.get(items.size() - 1);
    assertEquals("Fusobacterium Septicemia with Liver and Lung Abscesses Due to Diverticulitis", dx.text().answer());
    assertEquals(List.of(Modality.CT), dx.modalities());
  }

  @Test
  void csvRowHasRadfmColumns(@TempDir Path tmp) throws Exception {
    Sample s = cases(withStandIns(tmp, "PMC6358581")).get(0);
    CaseReportRow row = CaseReportRow.of(s);
    assertEquals(List.of("PMC_id", "context", "question", "answer", "inline", "img_ref"), CaseReportRow.COLUMNS);
    assertEquals("PMC6358581", row.pmcId());
    assertEquals(s.text().history(), row.context());
    assertEquals("Q: What does the CT image in Figure 1 show?", row.question());
    assertEquals("A: Contrast-enhanced abdominal computed tomography (CT) showing multiple liver abscesses.",
        row.answer());
    assertEquals(String.join(" ", s.text().inline()), row.inline());
    assertEquals("['F1']", row.imgRef());
    assertTrue(row.toCsv().startsWith("\"PMC6358581\",\""), row.toCsv());
    assertEquals(6, row.values().size());
  }

  @Test
  void inPlaceTheCaseReportsHaveOnlyRejects() {
    ReadResult r = reader.read(SharedCorpus.corpus("pmc_radiology/PMC6358577/PMC6358577.xml"), Expected.root());
    List<Reject> cr = r.rejects().stream().filter(j -> j.source().equals("PMC-CaseReport")).toList();
    assertEquals(5, cr.size());
    assertTrue(cr.stream().allMatch(j -> j.reason().equals("image-missing")));
    assertEquals(List.of(), r.samples());
  }

  @Test
  void researchArticlesAndReviewsGiveNoCaseReportItems(@TempDir Path tmp) throws Exception {
    for (String f : List.of("pmc/PMC3003633/1475-2859-9-89.nxml", "pmc/PMC2270912/pone.0001908.nxml")) {
      ReadResult r = reader.read(SharedCorpus.corpus(f), Expected.root());
      assertEquals(List.of(), cases(r), f);
      assertTrue(r.rejects().stream().noneMatch(j -> j.source().equals("PMC-CaseReport")), f);
    }
    Path dir = Files.createDirectories(tmp.resolve("PMC2900587"));
    Files.copy(SharedCorpus.corpus("pmc_radiology/PMC2900587/PMC2900587.xml"), dir.resolve("PMC2900587.xml"));
    for (int i = 1; i <= 6; i++) {
      Files.createFile(dir.resolve("261_2009_9539_Fig" + i + "_HTML.jpg"));
    }
    ReadResult r = reader.read(dir.resolve("PMC2900587.xml"), tmp);
    assertEquals(List.of(), cases(r));
    assertEquals(List.of(), r.rejects().stream().map(Reject::reason).collect(Collectors.toList()));
  }
}
