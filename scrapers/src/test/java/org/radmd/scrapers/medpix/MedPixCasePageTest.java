package org.radmd.scrapers.medpix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.Json;
import org.radmd.core.Modality;
import org.radmd.core.Sample;
import org.radmd.scrapers.ReadResult;
import org.radmd.testing.SharedCorpus;

/**
 * {@link MedPixCasePage}: the fixture {@code case-page-fixture.html} is HAND-MADE (no MedPix HTML is in
 * ../shared; invented case). A real shared MedPix 2.0 record is rendered into the same markup at test time and must
 * parse back to the same Case/Topic fields.
 */
class MedPixCasePageTest {
  private static final URI PAGE = URI.create("https://medpix.example.org/case?id=MPX9901");

  private static String fixture() throws IOException {
    try (InputStream in = MedPixCasePageTest.class.getResourceAsStream("case-page-fixture.html")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void parsesTheHandMadeFixture() throws IOException {
    MedPixCasePage.Result r = MedPixCasePage.parse(fixture(), PAGE);
    assertTrue(r.ok(), r.message());
    MedPixCasePage.Page p = r.page();
    assertEquals("MPX9901", p.uid());
    assertEquals("Invented shunt case", p.caseFields().get("Title"));
    assertEquals("Invented history of headache.", p.caseFields().get("History"));
    assertEquals("Enlarged lateral ventricles.\nDisconnected tubing.", p.caseFields().get("Findings"));
    assertEquals("Obstruction\nInfection", p.caseFields().get("Differential Diagnosis"));
    assertEquals("Invented shunt failure", p.caseFields().get("Case Diagnosis"));
    assertFalse(p.caseFields().containsKey("Exam"), "an empty value is left out");
    assertFalse(p.caseFields().containsKey("Modality"), "image fields stay out of the case");
    assertEquals(Map.of("Title", "Invented topic", "ACR Code", "1.9", "Category", "Unsure"), p.topicFields());
    assertEquals(2, p.images().size());
    assertEquals("MPX9901_synpic1001", p.images().get(0).name());
    assertEquals(URI.create("https://medpix.example.org/images/synpic1001.png"), p.images().get(0).url());
    assertEquals("MPX9901_synpic1002", p.images().get(1).name());
    assertEquals(URI.create("https://medpix.example.org/images/synpic1002.jpg"), p.images().get(1).url());

    ObjectNode data = p.dataRecord();
    assertEquals("[\"MPX9901_synpic1001\"]", data.get("TAC").toString());
    assertEquals("[\"MPX9901_synpic1002\"]", data.get("MRI").toString());
    List<ObjectNode> desc = p.descriptionRecords();
    assertEquals("CT", desc.get(0).get("Type").asText(), "type from the modality label");
    assertEquals("Axial", desc.get(0).get("Description").get("Plane").asText());
    assertEquals("Brain and Neuro", desc.get(0).get("Location Category").asText());
    assertEquals("MR", desc.get(1).get("Type").asText());
  }

  @Test
  void recordsReadIntoAnMpxSample(@TempDir Path root) throws IOException {
    MedPixCasePage.Page p = MedPixCasePage.parse(fixture(), PAGE).page();
    Path dir = Files.createDirectories(root.resolve(p.uid()).resolve("images"));
    for (MedPixCasePage.Image i : p.images()) {
      ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "png",
          dir.resolve(i.name() + ".png").toFile());
    }
    Path data = root.resolve(p.uid()).resolve("data_web.jsonl");
    Files.writeString(data, Json.mapper().writeValueAsString(p.dataRecord()) + "\n");
    StringBuilder d = new StringBuilder();
    for (ObjectNode o : p.descriptionRecords()) {
      d.append(Json.mapper().writeValueAsString(o)).append('\n');
    }
    Files.writeString(root.resolve(p.uid()).resolve("descriptions_web.jsonl"), d);
    MedPixReader reader = new MedPixReader();
    assertTrue(reader.accepts(data));
    ReadResult r = reader.read(data, root);
    assertEquals(List.of(), r.rejects());
    Sample s = r.samples().get(0);
    assertEquals("MPX9901", s.caseId());
    assertEquals("Invented shunt failure", s.text().impression());
    assertEquals(List.of(Modality.CT, Modality.MR), s.modalities());
    assertEquals("CT - noncontrast", s.images().get(0).modalityLabel());
    assertEquals("Enlarged ventricles.", s.images().get(0).caption());
    assertEquals("Brain and Neuro", s.anatomy());
    assertEquals("1.9", s.attributes().get("acr-code"));
  }

  @Test
  void unexpectedPagesAreRejectedAndMissingPartsTolerated() {
    MedPixCasePage.Result notCase = MedPixCasePage.parse("<html><body><p>Search</p></body></html>", PAGE);
    assertEquals(MedPixCasePage.REJECT_NOT_A_CASE, notCase.rejectReason());
    MedPixCasePage.Result noUid = MedPixCasePage.parse("<div id='case'><h1>x</h1></div>",
        URI.create("https://medpix.example.org/case"));
    assertEquals(MedPixCasePage.REJECT_NO_UID, noUid.rejectReason());
    MedPixCasePage.Result bare = MedPixCasePage.parse("<div id='case' data-uid='MPX7'></div>", null);
    assertTrue(bare.ok());
    assertTrue(bare.page().images().isEmpty());
    assertNull(bare.page().caseFields().get("History"));
  }

  /** A real MedPix 2.0 record (shared corpus) rendered as a case page parses back to the same fields. */
  @Test
  void sharedRecordRenderedAsPageRoundTrips() throws IOException {
    Path dataFile = SharedCorpus.corpus("medpix/data_dev.subset.jsonl");
    JsonNode rec = Json.mapper().readTree(Files.readAllLines(dataFile, StandardCharsets.UTF_8).get(0));
    String uid = rec.get("U_id").asText();
    Map<String, JsonNode> descs = new LinkedHashMap<>();
    for (String line : Files.readAllLines(SharedCorpus.corpus("medpix/descriptions_dev.subset.jsonl"))) {
      JsonNode d = Json.mapper().readTree(line);
      if (d.get("U_id").asText().equals(uid)) {
        descs.putIfAbsent(d.get("image").asText(), d);
      }
    }
    StringBuilder b = new StringBuilder("<html><body><div id='case' data-uid='").append(uid).append("'><dl>");
    rec.get("Case").properties().forEach(e -> {
      if (e.getValue().isTextual()) {
        b.append("<dt>").append(esc(e.getKey())).append("</dt><dd>");
        for (String para : e.getValue().asText().split("\n")) {
          b.append("<p>").append(esc(para)).append("</p>");
        }
        b.append("</dd>");
      }
    });
    b.append("</dl></div><div id='topic'><dl>");
    rec.get("Topic").properties().forEach(e -> {
      if (e.getValue().isTextual()) {
        b.append("<dt>").append(esc(e.getKey())).append("</dt><dd>").append(esc(e.getValue().asText()))
            .append("</dd>");
      }
    });
    b.append("</dl></div>");
    List<String> names = new ArrayList<>();
    rec.get("TAC").forEach(n -> names.add(n.asText()));
    rec.get("MRI").forEach(n -> names.add(n.asText()));
    for (String n : names) {
      JsonNode d = descs.get(n);
      b.append("<div class='case-image' data-image-id='").append(n).append("'><img data-full='/i/").append(n)
          .append(".png'><dl><dt>Type</dt><dd>").append(d.get("Type").asText()).append("</dd><dt>Plane</dt><dd>")
          .append(esc(d.get("Description").get("Plane").asText())).append("</dd></dl></div>");
    }
    MedPixCasePage.Result r = MedPixCasePage.parse(b.append("</body></html>").toString(),
        URI.create("https://medpix.example.org/case"));
    assertTrue(r.ok(), r.message());
    ObjectNode back = r.page().dataRecord();
    assertEquals(uid, back.get("U_id").asText());
    assertEquals(rec.get("TAC"), back.get("TAC"));
    assertEquals(rec.get("MRI"), back.get("MRI"));
    rec.get("Case").properties().forEach(e -> {
      if (e.getValue().isTextual() && !e.getValue().asText().isBlank()) {
        assertEquals(norm(e.getValue().asText()), back.get("Case").get(e.getKey()).asText(), e.getKey());
      }
    });
    assertEquals(rec.get("Topic").get("ACR Code").asText(), back.get("Topic").get("ACR Code").asText());
    for (int i = 0; i < names.size(); i++) {
      assertEquals(descs.get(names.get(i)).get("Description").get("Plane").asText(),
          r.page().descriptionRecords().get(i).get("Description").get("Plane").asText());
    }
  }

  /** What HTML rendering does to text: runs of spaces collapse, blank lines drop, lines are trimmed. */
  private static String norm(String s) {
    List<String> lines = new ArrayList<>();
    for (String l : s.split("\n")) {
      String t = l.replaceAll("[\\s\\u00A0]+", " ").strip();
      if (!t.isEmpty()) {
        lines.add(t);
      }
    }
    return String.join("\n", lines);
  }

  private static String esc(String s) {
    return Entities.escape(s);
  }
}
