package org.radmd.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.junit.jupiter.api.Test;
import org.radmd.core.Json;
import org.radmd.core.Sample;
import org.radmd.testing.SharedCorpus;

/** The document {@link IndexSchema} builds for real fixture samples, and its analyzer. */
class IndexSchemaTest {

  @Test
  void documentCarriesKeywordTextAndStoredFields() throws IOException {
    Sample mpx2497 = sample("mpx-MPX2497");
    Document doc = IndexSchema.toDocument(mpx2497, DiseaseVocabulary.loadDefault(SharedCorpus.root()));
    assertEquals("mpx-MPX2497", doc.get(IndexSchema.ID));
    assertEquals("MPX2497", doc.get(IndexSchema.CASE_ID));
    assertEquals("MPx", doc.get(IndexSchema.SOURCE));
    assertArrayEquals(new String[] {"MR"}, doc.getValues(IndexSchema.MODALITY));
    assertArrayEquals(new String[] {"Sagittal", "Axial", "Coronal"}, doc.getValues(IndexSchema.PLANE));
    assertArrayEquals(new String[] {"2D"}, doc.getValues(IndexSchema.KIND));
    assertEquals("Head", doc.get(IndexSchema.ANATOMY));
    assertEquals("unknown", doc.get(IndexSchema.LICENCE));
    assertArrayEquals(new String[] {"DOID:0050902"}, doc.getValues(IndexSchema.DIAGNOSIS_ID));
    assertArrayEquals(new String[] {"Medulloblastoma confirmed by pathology."},
        doc.getValues(IndexSchema.DIAGNOSIS));
    assertEquals(5, doc.getValues(IndexSchema.IMAGE_PATH).length);
    assertEquals(mpx2497, Json.read(doc.get(IndexSchema.SAMPLE_JSON), Sample.class));
    // Captions and findings, cut at a word boundary within 200 characters, with an ellipsis.
    String fallback = doc.get(IndexSchema.SNIPPET_FALLBACK);
    String firstCaption = mpx2497.images().get(0).caption();
    assertTrue(fallback.startsWith(firstCaption.substring(0, 40)), fallback);
    assertTrue(fallback.endsWith("…") && fallback.length() <= IndexSchema.FALLBACK_CHARS + 1, fallback);
  }

  @Test
  void withoutVocabularyThereAreNoDiagnosisIds() throws IOException {
    Document doc = IndexSchema.toDocument(sample("mpx-MPX1322"));
    assertNull(doc.get(IndexSchema.DIAGNOSIS_ID));
    assertArrayEquals(new String[] {"Pulmonary Embolus"}, doc.getValues(IndexSchema.DIAGNOSIS));
  }

  @Test
  void volumesAreIndexedAs3d() throws IOException {
    Document doc = IndexSchema.toDocument(sample(CorpusSamples.RP_MR));
    assertArrayEquals(new String[] {"3D"}, doc.getValues(IndexSchema.KIND));
    assertArrayEquals(new String[] {"Axial", "Sagittal"}, doc.getValues(IndexSchema.PLANE));
    assertEquals(7, doc.getValues(IndexSchema.IMAGE_PATH).length);
    assertEquals("Radiopaedia-CC-BY-NC-SA-3.0-modified", doc.get(IndexSchema.LICENCE));
  }

  @Test
  void analyzerFoldsStemsAndDropsPossessivesAndStopWords() throws IOException {
    try (Analyzer a = IndexSchema.newAnalyzer()) {
      assertEquals(List.of("sjogren", "syndrom"), tokens(a, IndexSchema.DIAGNOSIS, "Sjögren's Syndromes"));
      assertEquals(List.of("pulmonari", "embolu"), tokens(a, IndexSchema.TITLE, "the Pulmonary Embolus"));
      assertEquals(List.of("MR"), tokens(a, IndexSchema.MODALITY, "MR"));
    }
  }

  @Test
  void boostsFollowTheSchema() {
    assertEquals(Map.of("diagnosis", 4f, "title", 3f, "caption", 2f, "impression", 2f, "findings", 1.5f,
        "inline", 1f, "question", 1f, "answer", 1f, "history", 0.5f, "discussion", 0.5f),
        IndexSchema.fieldBoosts());
    assertEquals("diagnosis", IndexSchema.textFields().get(0));
  }

  private static Sample sample(String id) throws IOException {
    return CorpusSamples.all().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  private static List<String> tokens(Analyzer a, String field, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }
}
