package org.radmd.scrapers.jats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.Modality;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.SourceDataset;
import org.radmd.scrapers.ReadResult;

/** Hand-made articles for case sections, caption modalities and the case-report rules. */
class CaseReportFixtureTest {
  private static final String NS = "xmlns:xlink=\"http://www.w3.org/1999/xlink\"";
  private final JatsArticleReader reader = new JatsArticleReader();

  private static String article(String type, String body, String abstractText) {
    return "<article " + NS + " article-type=\"" + type + "\"><front><article-meta>"
        + "<article-id pub-id-type=\"pmc\">PMC7</article-id><title-group><article-title>Gallstone ileus"
        + "</article-title></title-group>" + (abstractText == null ? "" : "<abstract><p>" + abstractText
        + "</p></abstract>") + "</article-meta></front><body>" + body + "</body></article>";
  }

  private static String fig(String id, String caption) {
    return "<fig id=\"" + id + "\"><caption><p>" + caption + "</p></caption><graphic xlink:href=\"" + id
        + "\"/></fig>";
  }

  private ReadResult read(Path dir, String xml, String... images) throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("PMC7.nxml"), xml, StandardCharsets.UTF_8);
    for (String i : images) {
      Files.createFile(dir.resolve(i + ".jpg"));
    }
    return reader.read(dir.resolve("PMC7.nxml"), dir);
  }

  @Test
  void captionModalitiesLexicon() {
    assertEquals(List.of(Modality.CT), CaptionModalities.of("Axial CT shows ..."));
    assertEquals(List.of(Modality.MR, Modality.CT), CaptionModalities.of("T2-weighted MRI and CT"));
    assertEquals(List.of(Modality.CT), CaptionModalities.of("CT angiography of the aorta"));
    assertEquals(List.of(Modality.XA), CaptionModalities.of("Digital subtraction angiography"));
    assertEquals(List.of(Modality.XR), CaptionModalities.of("Chest X-ray on admission"));
    assertEquals(List.of(Modality.US), CaptionModalities.of("Abdominal ultrasonography"));
    assertEquals(List.of(), CaptionModalities.of("Hematoxylin and eosin stain (200x) from the US cohort"));
    assertEquals(List.of(), CaptionModalities.of("Blood pressure over time (mmHg), cited by Martin et al."));
    assertEquals("radiograph", CaptionModalities.noun(List.of(Modality.XR)));
    assertEquals("image", CaptionModalities.noun(List.of(Modality.CT, Modality.MR)));
  }

  @Test
  void caseSectionByTitleOrTypeWithoutFigureText(@TempDir Path tmp) throws Exception {
    String body = "<sec><title>Introduction</title><p>Intro.</p></sec>"
        + "<sec><title>Case presentation</title><sec><title>History</title><p>A 70-year-old woman vomited.</p>"
        + "</sec><p>CT was done (<xref ref-type=\"fig\" rid=\"F1\">Figure 1</xref>)." + fig("F1", "Axial CT with "
        + "pneumobilia.") + "</p></sec><sec sec-type=\"discussion\"><p>Discussion.</p></sec>";
    ReadResult r = read(tmp.resolve("a"), article("case-report", body, null), "F1");
    List<Sample> cases = r.samples().stream().filter(s -> s.source() == SourceDataset.PMC_CASE_REPORT).toList();
    assertEquals(List.of("pmcc-PMC7-F1-caption", "pmcc-PMC7-F1-modality", "pmcc-PMC7-F1-inline",
        "pmcc-PMC7-diagnosis"), cases.stream().map(Sample::id).toList());
    assertEquals("A 70-year-old woman vomited. CT was done (Figure 1).", cases.get(0).text().history());
    assertEquals("What does the CT image in Figure 1 show?", cases.get(0).text().question());
    assertEquals("Gallstone ileus", cases.get(3).text().answer());

    String typed = "<sec sec-type=\"cases\"><title>Patient</title><p>A man.</p></sec>" + fig("F1", "MRI.");
    ReadResult t = read(tmp.resolve("b"), article("research-article", typed, null), "F1");
    List<Sample> items = t.samples().stream().filter(s -> s.source() == SourceDataset.PMC_CASE_REPORT).toList();
    assertEquals(List.of("pmcc-PMC7-F1-caption", "pmcc-PMC7-F1-modality"), items.stream().map(Sample::id).toList(),
        "a research article that presents a case: no diagnosis item, no inline item without citations");
    assertEquals("A man.", items.get(0).text().history());
  }

  @Test
  void abstractIsTheFallbackContextAndNoContextIsAReject(@TempDir Path tmp) throws Exception {
    String body = fig("F1", "Plain radiograph.") + fig("F2", "Endoscopy photograph.");
    ReadResult withAbstract = read(tmp.resolve("a"), article("case-report", body, "We report a case."), "F1", "F2");
    Sample first = withAbstract.samples().stream().filter(s -> s.source() == SourceDataset.PMC_CASE_REPORT)
        .findFirst().orElseThrow();
    assertEquals("We report a case.", first.text().history());
    assertEquals(List.of("figure-not-radiology"), withAbstract.rejects().stream().map(Reject::reason).toList());

    ReadResult none = read(tmp.resolve("b"), article("case-report", body, null), "F1", "F2");
    assertEquals(List.of("case-context-missing"), none.rejects().stream().map(Reject::reason).toList());
    assertNull(none.rejects().get(0).itemId());
    assertEquals(2, none.samples().size(), "the PMC-Inline samples remain");
  }
}
