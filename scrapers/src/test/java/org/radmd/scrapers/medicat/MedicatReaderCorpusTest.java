package org.radmd.scrapers.medicat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.SourceDataset;
import org.radmd.core.TextField;
import org.radmd.scrapers.Expected;
import org.radmd.scrapers.ReadResult;
import org.radmd.scrapers.Readers;
import org.radmd.testing.SharedCorpus;

/** {@link MedicatReader} on the real MedICaT sample (10 figures with images), against its expected.json. */
class MedicatReaderCorpusTest {
  private static final String FOLDER = "other/medicat_sample";
  private final MedicatReader reader = new MedicatReader();
  private final Path root = Expected.root();

  @Test
  void acceptsTheSampleButNotMedPixOrExpectedJson() {
    assertTrue(reader.accepts(SharedCorpus.corpus(FOLDER + "/sample.jsonl")));
    assertTrue(Readers.readerFor(SharedCorpus.corpus(FOLDER + "/sample.jsonl")).orElseThrow() instanceof MedicatReader);
    assertFalse(reader.accepts(SharedCorpus.corpus("medpix/data_dev.subset.jsonl")));
    assertFalse(reader.accepts(SharedCorpus.corpus("medpix/descriptions_dev.subset.jsonl")));
    assertFalse(reader.accepts(SharedCorpus.corpus(FOLDER + "/expected.json")));
  }

  @Test
  void everyFigureMatchesExpected() {
    JsonNode expected = Expected.of(FOLDER).get("figures");
    ReadResult r = reader.read(SharedCorpus.corpus(FOLDER + "/sample.jsonl"), root);
    assertEquals(List.of(), r.rejects());
    assertEquals(expected.size(), r.samples().size());
    Map<String, Sample> byImage = r.samples().stream()
        .collect(Collectors.toMap(s -> s.images().get(0).sourceFiles().get(0), Function.identity()));
    for (JsonNode f : expected) {
      String file = f.get("file").asText();
      Sample s = byImage.get(FOLDER + "/" + file);
      assertEquals(SourceDataset.MEDICAT, s.source());
      String stem = file.substring("figures/".length());
      String hash = stem.substring(0, stem.indexOf('_'));
      String uri = stem.substring(stem.indexOf('_') + 1);
      assertEquals("medicat-" + hash + "-" + uri, s.id());
      assertEquals(hash, s.caseId());
      assertEquals(f.get("caption").asText(), s.text().caption());
      assertEquals(f.get("n_inline_references").asInt(), s.text().inline().size(), file);
      if (f.get("n_inline_references").asInt() > 0) {
        assertEquals(Expected.strings(f.get("inline_references")), s.text().inline());
      }
      assertEquals(f.get("doi").asText(), s.provenance().doi());
      assertEquals("https://doi.org/" + f.get("doi").asText(), s.provenance().url());
      assertEquals(f.get("radiology").asText(), s.attributes().get("radiology"));
      assertEquals(f.get("scope").asText(), s.attributes().get("scope"));
      assertEquals(f.get("predicted_type").asText(), s.attributes().get("predicted-type"));
      assertEquals(f.get("oa_status").asText(), s.attributes().get("oa-status"));
      String code = Expected.text(f, "oa_license");
      assertEquals(code, s.attributes().get("licence-code"));
      assertEquals(code == null ? "unknown" : code.toUpperCase(java.util.Locale.ROOT), s.licence().id());
      ImageRef img = s.images().get(0);
      assertEquals(uri, img.id());
      assertEquals(ImageKind.IMAGE_2D, img.kind());
      assertTrue(Files.isRegularFile(Path.of(img.path())));
      assertEquals(s.text().inline().isEmpty() ? TextField.CAPTION : TextField.INLINE, img.textField());
    }
    assertEquals(6, r.samples().stream().filter(s -> "true".equals(s.attributes().get("radiology"))).count());
  }

  @Test
  void inlinePositionIsTheFirstFigureMention() {
    ReadResult r = reader.read(SharedCorpus.corpus(FOLDER + "/sample.jsonl"), root);
    Sample s = r.samples().stream()
        .filter(x -> x.id().endsWith("5f2d2f2ffbd20c7ff3ac30d514da54ee5bd825b4-1-Figure1-1.png")).findFirst()
        .orElseThrow();
    String joined = String.join(" ", s.text().inline());
    assertTrue(joined.startsWith("Fig. 1-A", s.images().get(0).position()), joined);
    Sample bronze = r.samples().get(0);
    assertEquals("oa_status: bronze", bronze.licence().statement());
  }

  @Test
  void missingImagesAndBadLinesAreRejects(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("m.jsonl"), String.join("\n",
        "{\"pdf_hash\": \"abc\", \"fig_uri\": \"1-Figure1-1.png\", \"s2_caption\": \"Figure 1. CT.\"}",
        "{not json",
        "{\"pdf_hash\": \"abc\"}",
        "{\"pdf_hash\": \"abc\", \"fig_uri\": \"1-Figure1-1.png\"}",
        "{\"pdf_hash\": \"abc\", \"fig_uri\": \"2-Figure2-1.png\"}"));
    Files.createDirectories(tmp.resolve("figures"));
    Files.createFile(tmp.resolve("figures/abc_1-Figure1-1.png"));
    assertTrue(reader.accepts(tmp.resolve("m.jsonl")));
    ReadResult r = reader.read(tmp.resolve("m.jsonl"), tmp);
    assertEquals(List.of("medicat-abc-1-Figure1-1.png"), r.samples().stream().map(Sample::id).toList());
    assertEquals("Figure 1. CT.", r.samples().get(0).text().caption());
    assertEquals(List.of("json-malformed", "json-missing-field", "item-duplicate", "image-missing"),
        r.rejects().stream().map(Reject::reason).toList());
  }
}
