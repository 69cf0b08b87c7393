package org.radmd.scrapers.radiopaedia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Json;
import org.radmd.core.Modality;
import org.radmd.core.Sample;
import org.radmd.scrapers.ReadResult;
import org.radmd.testing.SharedCorpus;

/**
 * {@link RadiopaediaCasePage}: the fixture {@code case-page-fixture.html} is HAND-MADE (no Radiopaedia HTML is in
 * ../shared; it imitates the public case-page structure with an invented case). The shared medulloblastoma case is
 * checked by rendering its real {@code case.json} facts into that markup at test time (nothing copied into the
 * project) and comparing the parsed {@link CaseRecord} with the one the JSON path builds.
 */
class RadiopaediaCasePageTest {
  private static final URI PAGE = URI.create("https://radiopaedia.org/cases/invented-test-lesion");

  private static String fixture() throws IOException {
    try (InputStream in = RadiopaediaCasePageTest.class.getResourceAsStream("case-page-fixture.html")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void parsesEverySectionOfTheHandMadeFixture() throws IOException {
    RadiopaediaCasePage.Result r = RadiopaediaCasePage.parse(fixture(), PAGE);
    assertTrue(r.ok(), r.message());
    RadiopaediaCasePage.Page p = r.page();
    assertEquals("990001", p.rid());
    assertEquals("Invented test lesion", p.title());
    assertEquals("Headache for two weeks.", p.presentation());
    assertEquals(Map.of("Age", "93 years", "Gender", "Female"), p.patientData());
    assertEquals(List.of("Age", "Gender"), List.copyOf(p.patientData().keySet()));
    assertEquals("https://doi.org/10.53347/rID-990001", p.citation().get("doi"));
    assertEquals("Central Nervous System", p.citation().get("systems"));
    assertEquals(2, p.studies().size());
    RadiopaediaCasePage.Study ct = p.studies().get(0);
    assertEquals(0, ct.number());
    assertEquals("CT", ct.modality());
    assertEquals("A round hyperdense lesion in the left frontal lobe.\nNo midline shift.", ct.findings());
    assertEquals(2, ct.series().size());
    RadiopaediaCasePage.Series axial = ct.series().get(0);
    assertEquals("axial-non-contrast", axial.folder());
    assertEquals("Axial", axial.plane());
    assertEquals("CT", axial.modality());
    assertEquals(List.of(URI.create("https://radiopaedia.org/images/501/a-1.jpg"),
        URI.create("https://radiopaedia.org/images/501/a-2.jpg"),
        URI.create("https://radiopaedia.org/images/501/a-3.jpg")), axial.imageUrls());
    assertEquals(List.of(URI.create("https://radiopaedia.org/images/501/scout.png")), ct.series().get(1).imageUrls());
    RadiopaediaCasePage.Study mr = p.studies().get(1);
    assertEquals("MRI", mr.modality());
    assertNull(mr.findings());
    assertEquals("axial-t1-c+", mr.series().get(0).folder());
    assertEquals(2, mr.series().get(0).imageUrls().size());
    assertTrue(p.discussion().startsWith("An invented lesion used only to test the parser."), p.discussion());
    assertEquals(List.of("invented lesion", "headache"), p.articles());
    assertEquals("rID-990001_invented-test-lesion", p.folderName());
  }

  @Test
  void caseRecordOfThePageMatchesTheJsonPath() throws IOException {
    RadiopaediaCasePage.Page p = RadiopaediaCasePage.parse(fixture(), PAGE).page();
    CaseRecord c = p.caseRecord();
    assertEquals("990001", c.rid());
    assertEquals("Invented test lesion", c.title());
    assertEquals("A. Tester", c.author());
    assertEquals("10.53347/rID-990001", c.doi());
    assertEquals("https://radiopaedia.org/cases/990001", c.permalink());
    assertEquals("Headache for two weeks. Age: 90+ years Gender: Female", c.history());
    assertEquals(List.of("invented lesion", "headache"), c.articles());
    assertEquals(List.of("invented-test-lesion-0", "invented-test-lesion-1"),
        c.studies().stream().map(CaseRecord.Study::key).toList());
    assertEquals(new CaseRecord.SeriesInfo("CT", "Axial"), c.studies().get(0).series().get("axial-non-contrast"));
  }

  @Test
  void harvestedLayoutReadsIntoRp3dSamplesWithVolumes(@TempDir Path root) throws IOException {
    RadiopaediaCasePage.Page p = RadiopaediaCasePage.parse(fixture(), PAGE).page();
    Path dir = Files.createDirectories(root.resolve(p.folderName()));
    Files.writeString(dir.resolve("case.json"), Json.mapper().writeValueAsString(p.toCaseJson()));
    for (RadiopaediaCasePage.Study s : p.studies()) {
      for (RadiopaediaCasePage.Series se : s.series()) {
        Path sd = Files.createDirectories(dir.resolve(String.valueOf(s.number())).resolve(se.folder()));
        for (int i = 1; i <= se.imageUrls().size(); i++) {
          ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "png",
              sd.resolve("image-00" + i + ".png").toFile());
        }
      }
    }
    RadiopaediaCaseReader reader = new RadiopaediaCaseReader();
    assertTrue(reader.accepts(dir.resolve("case.json")));
    ReadResult r = reader.read(dir.resolve("case.json"), root);
    assertEquals(List.of(), r.rejects());
    assertEquals(2, r.samples().size());
    Sample ct = r.samples().get(0);
    assertEquals("rID-990001", ct.caseId());
    assertEquals(List.of("Invented test lesion"), ct.diagnoses());
    assertTrue(ct.text().discussion().startsWith("An invented lesion"));
    assertEquals("invented lesion; headache", ct.attributes().get("articles"));
    ImageRef axial = ct.images().get(0);
    assertEquals("0/axial-non-contrast", axial.id());
    assertEquals(ImageKind.VOLUME_3D, axial.kind());
    assertEquals(3, axial.sourceFiles().size());
    assertEquals(Modality.CT, axial.modality());
    assertEquals("Axial", axial.plane());
    ImageRef scout = ct.images().get(1);
    assertEquals(ImageKind.IMAGE_2D, scout.kind());
    assertEquals(Modality.CT, scout.modality(), "study label CT when the series name says nothing");
    assertEquals(Modality.MR, r.samples().get(1).images().get(0).modality());
  }

  @Test
  void missingSectionsAreNullNotErrors() {
    String html = "<html><body><h1 class='header-title'>Bare case</h1></body></html>";
    RadiopaediaCasePage.Result r = RadiopaediaCasePage.parse(html, URI.create("https://radiopaedia.org/cases/4242"));
    assertTrue(r.ok(), r.message());
    assertEquals("4242", r.page().rid());
    assertNull(r.page().presentation());
    assertNull(r.page().discussion());
    assertTrue(r.page().patientData().isEmpty());
    assertTrue(r.page().studies().isEmpty());
    assertNull(r.page().caseRecord().history());
  }

  @Test
  void unexpectedPagesGetClearRejectReasons() {
    RadiopaediaCasePage.Result login = RadiopaediaCasePage.parse(
        "<html><head><title>Log in</title></head><body><form></form></body></html>",
        URI.create("https://radiopaedia.org/users/sign_in"));
    assertFalse(login.ok());
    assertEquals(RadiopaediaCasePage.REJECT_NOT_A_CASE, login.rejectReason());
    RadiopaediaCasePage.Result noRid = RadiopaediaCasePage.parse(
        "<h1 class='header-title'>X</h1>", URI.create("https://radiopaedia.org/cases/x-slug"));
    assertEquals(RadiopaediaCasePage.REJECT_NO_RID, noRid.rejectReason());
    assertFalse(RadiopaediaCasePage.parse(null, null).ok());
  }

  /** The real shared case: its case.json facts rendered as a case page parse back to the same CaseRecord. */
  @Test
  void sharedCaseRenderedAsPageGivesTheSameCaseRecord() throws IOException {
    Path caseJson = SharedCorpus.corpus("radiopaedia/rID-70432_medulloblastoma/case.json");
    JsonNode root = Json.mapper().readTree(caseJson.toFile());
    CaseRecord fromJson = CaseRecord.of(root, caseJson);
    RadiopaediaCasePage.Result r =
        RadiopaediaCasePage.parse(render(root), URI.create("https://radiopaedia.org/cases/medulloblastoma-x"));
    assertTrue(r.ok(), r.message());
    CaseRecord fromHtml = r.page().caseRecord();
    assertEquals(fromJson.rid(), fromHtml.rid());
    assertEquals(fromJson.title(), fromHtml.title());
    assertEquals(fromJson.author(), fromHtml.author());
    assertEquals(fromJson.doi(), fromHtml.doi());
    assertEquals(fromJson.permalink(), fromHtml.permalink());
    assertEquals(fromJson.systems(), fromHtml.systems());
    assertEquals(fromJson.published(), fromHtml.published());
    assertEquals(fromJson.history(), fromHtml.history());
    assertEquals(fromJson.studies().stream().map(CaseRecord.Study::key).toList(),
        fromHtml.studies().stream().map(CaseRecord.Study::key).toList());
    assertEquals(fromJson.studies().stream().map(CaseRecord.Study::findings).toList(),
        fromHtml.studies().stream().map(CaseRecord.Study::findings).toList());
  }

  /** Writes case.json facts in the case-page markup the parser reads; findings paragraphs split at newlines. */
  private static String render(JsonNode root) {
    StringBuilder b = new StringBuilder("<html><body><div id='citation-info'>");
    root.get("citation").properties().forEach(e -> b.append("<div class='data-item'><span class='data-item-label'>")
        .append(esc(e.getKey().replace(":", "").replace("rid", "rID"))).append(":</span> ")
        .append(esc(e.getValue().asText())).append("</div>"));
    b.append("</div><h1 class='header-title'>Medulloblastoma</h1>");
    JsonNode data = root.get("case_data");
    b.append("<div id='case-patient-presentation'><h2>Presentation</h2><p>")
        .append(esc(data.get("presentation").asText())).append("</p></div><div id='case-patient-data'>");
    data.get("patient_data").properties().forEach(e -> b
        .append("<div class='data-item'><strong class='data-item-label'>")
        .append(esc(e.getKey())).append(":</strong> ").append(esc(e.getValue().asText())).append("</div>"));
    b.append("</div>");
    root.get("containers").properties().forEach(e -> {
      b.append("<div class='well case-section case-study'><div class='sub-section study-findings body'>");
      for (String para : e.getValue().get("findings").asText().split("\n")) {
        b.append("<p>").append(esc(para)).append("</p>");
      }
      b.append("</div></div>");
    });
    return b.append("</body></html>").toString();
  }

  private static String esc(String s) {
    return Entities.escape(s);
  }

  @Test
  void seriesFolderSlugs() {
    assertEquals("axial-t1-c+", RadiopaediaCasePage.slug(" Axial  T1 C+ "));
    assertEquals("400x-h&e", RadiopaediaCasePage.slug("400x H&E"));
    assertEquals("a-b", RadiopaediaCasePage.slug("a/b"));
    assertNotNull(SeriesNames.fromLabel("MRI"));
    assertEquals(Modality.XR, SeriesNames.fromLabel("X-ray"));
    assertNull(SeriesNames.fromLabel("Pathology"));
  }
}
