package org.radmd.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.lucene.index.IndexNotFoundException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.Modality;
import org.radmd.core.Sample;
import org.radmd.testing.SharedCorpus;

/**
 * {@link CaseSearcher} over an index of the corpus fixtures ({@link CorpusSamples}): seven MedPix cases and the
 * CT and MRI studies of Radiopaedia case rID 70432, with the real 2016 Disease Ontology as vocabulary.
 */
class CaseSearcherTest {
  @TempDir static Path indexDir;
  private static DiseaseVocabulary vocab;
  private static List<Sample> samples;
  private static CaseSearcher searcher;

  @BeforeAll
  static void buildIndex() throws IOException {
    vocab = DiseaseVocabulary.loadDefault(SharedCorpus.root());
    samples = CorpusSamples.all();
    try (SampleIndexer indexer = SampleIndexer.open(indexDir, vocab)) {
      for (Sample s : samples) {
        indexer.upsert(s);
      }
      indexer.commit();
    }
    searcher = CaseSearcher.open(indexDir, vocab);
  }

  @AfterAll
  static void closeSearcher() throws IOException {
    searcher.close();
  }

  @Test
  void medulloblastomaReturnsTheTwoMedulloblastomaCasesFirst() throws IOException {
    SearchResult r = searcher.search(SearchRequest.of("medulloblastoma", 10));
    assertEquals(Set.of("MPX2497", CorpusSamples.RP_CASE), caseIds(r.hits().subList(0, 2)));
    // Three samples match (MPX2497 and both Radiopaedia studies) but they make two cases.
    assertEquals(2, r.totalCases());
    assertEquals(2, r.hits().size());
    assertEquals(Map.of("MPx", 1, "RP3D", 2), r.facets().get("source"));
    assertTrue(r.expandedTerms().containsAll(List.of("CNS PNET", "brain medulloblastoma")), r.expandedTerms()::toString);
  }

  @Test
  void pulmonaryEmbolismFindsThePulmonaryEmbolusCase() throws IOException {
    SearchResult r = searcher.search(SearchRequest.of("pulmonary embolism", 10));
    List<String> top3 = r.hits().stream().limit(3).map(SearchHit::caseId).toList();
    assertTrue(top3.contains("MPX1322"), top3::toString);
    assertTrue(r.expandedTerms().contains("pulmonary embolus"), r.expandedTerms()::toString);

    SearchHit hit = r.hits().stream().filter(h -> h.caseId().equals("MPX1322")).findFirst().orElseThrow();
    assertEquals("mpx-MPX1322", hit.sampleId());
    assertEquals("MPx", hit.source());
    assertEquals("Pulmonary Embolus", hit.title());
    assertEquals(List.of("Pulmonary Embolus"), hit.diagnoses());
    assertEquals(List.of("CT"), hit.modalities());
    assertEquals("Thorax", hit.anatomy());
    assertEquals("unknown", hit.licence());
    assertEquals(List.of("MPX1322_synpic45731.png", "MPX1322_synpic45732.png", "MPX1322_synpic45734.png"),
        hit.imagePaths().stream().map(p -> Path.of(p).getFileName().toString()).toList());
  }

  @Test
  void withoutTheVocabularyPulmonaryEmbolismFindsNothing() throws IOException {
    // The case says "Embolus" and its text never says "embolism": only the synonym connects them.
    try (CaseSearcher plain = CaseSearcher.open(indexDir, DiseaseVocabulary.empty())) {
      SearchResult r = plain.search(SearchRequest.of("pulmonary embolism", 10));
      assertEquals(0, r.totalCases());
      assertEquals(List.of(), r.expandedTerms());
    }
  }

  @Test
  void aSynonymFindsCasesThatNeverUseIt() throws IOException {
    assertEquals(Set.of("MPX2497", CorpusSamples.RP_CASE),
        caseIds(searcher.search(SearchRequest.of("CNS PNET", 10)).hits()));
    assertEquals(Set.of("MPX1322"),
        caseIds(searcher.search(SearchRequest.of("\"pulmonary artery embolism\"", 10)).hits()));
  }

  @Test
  void modalityFilterMrExcludesCtOnlyCases() throws IOException {
    SearchResult r = searcher.search(new SearchRequest("", Modality.MR, null, 20));
    // CT-only in expected.json: MPX1009, MPX2040, MPX1322.
    assertEquals(Set.of("MPX2483", "MPX2066", "MPX2497", "MPX1884", CorpusSamples.RP_CASE), caseIds(r.hits()));
    assertTrue(r.hits().stream().allMatch(h -> h.modalities().contains("MR")));
    assertEquals(0, searcher.search(new SearchRequest("pulmonary embolism", Modality.MR, null, 20)).totalCases());
  }

  @Test
  void modalityFilterPicksTheMatchingStudyOfACase() throws IOException {
    SearchResult r = searcher.search(new SearchRequest("medulloblastoma", Modality.CT, null, 10));
    assertEquals(1, r.totalCases());
    assertEquals(CorpusSamples.RP_CT, r.hits().get(0).sampleId());
    assertEquals(List.of("CT"), r.hits().get(0).modalities());
  }

  @Test
  void sourceFilterTakesDisplayOrConstantNames() throws IOException {
    assertEquals(Set.of(CorpusSamples.RP_CASE),
        caseIds(searcher.search(new SearchRequest("medulloblastoma", null, "RP3D", 10)).hits()));
    assertEquals(Set.of("MPX2497"),
        caseIds(searcher.search(new SearchRequest("medulloblastoma", null, "MPX", 10)).hits()));
    assertThrows(IllegalArgumentException.class,
        () -> searcher.search(new SearchRequest("medulloblastoma", null, "PACS", 10)));
  }

  @Test
  void facetsCountMatchingSamples() throws IOException {
    SearchResult r = searcher.search(SearchRequest.of("", 20));
    assertEquals(8, r.totalCases());
    // Samples with a CT image: MPX2483, MPX2066, MPX1009, MPX2040, MPX1322 and the Radiopaedia CT study;
    // with an MR image: MPX2483, MPX2066, MPX2497, MPX1884 and the Radiopaedia MRI study.
    assertEquals(Map.of("CT", 6, "MR", 5), r.facets().get("modality"));
    assertEquals(Map.of("MPx", 7, "RP3D", 2), r.facets().get("source"));
    // Diagnoses the vocabulary maps: medulloblastoma x3, bladder diverticulum, pulmonary embolism.
    assertEquals(Map.of("DOID:0050902", 3, "DOID:11353", 1, "DOID:9477", 1), r.facets().get("diagnosis"));
    assertEquals(List.of("modality", "source", "diagnosis"), List.copyOf(r.facets().keySet()));
    assertEquals("DOID:0050902", r.facets().get("diagnosis").keySet().iterator().next());
  }

  @Test
  void diagnosisFilterKeepsSamplesMappedToThatDoid() throws IOException {
    SearchResult r = searcher.search(new SearchRequest("", null, null, "DOID:0050902", 20));
    assertEquals(Set.of("MPX2497", CorpusSamples.RP_CASE), caseIds(r.hits()));
    assertEquals(Map.of("DOID:0050902", 3), r.facets().get("diagnosis"));
    assertEquals(0, searcher.search(new SearchRequest("medulloblastoma", null, null, "DOID:9477", 20)).totalCases());
  }

  @Test
  void similarNeedsAnEmbedding() throws IOException {
    // These fixtures point at source files, not stored images: no sample has an embedding.
    SimilarCases none = searcher.similar("mpx-MPX1322", 5).orElseThrow();
    assertEquals(new SimilarCases("mpx-MPX1322", false, List.of()), none);
    assertEquals(Optional.empty(), searcher.similar("mpx-MPX0000", 5));
    assertThrows(IllegalArgumentException.class, () -> searcher.similar("mpx-MPX1322", 0));
  }

  @Test
  void suggestsIndexedDiagnosesByPrefixAndWordStart() throws IOException {
    assertEquals(List.of("Pulmonary Embolus"), searcher.suggestDiagnoses("pulm", 5));
    assertEquals(List.of("Pulmonary Embolus"), searcher.suggestDiagnoses("Embol", 5));
    assertEquals(List.of("Medulloblastoma", "Medulloblastoma confirmed by pathology."),
        searcher.suggestDiagnoses("medullo", 5));
    assertEquals(List.of("Medulloblastoma"), searcher.suggestDiagnoses("medullo", 1));
    assertEquals(List.of(), searcher.suggestDiagnoses("", 5));
    assertEquals(List.of(), searcher.suggestDiagnoses("xyzzy", 5));
  }

  @Test
  void limitCapsTheCasesReturnedNotTheCount() throws IOException {
    SearchResult r = searcher.search(SearchRequest.of("", 3));
    assertEquals(3, r.hits().size());
    assertEquals(3, caseIds(r.hits()).size());
    assertEquals(8, r.totalCases());
    assertThrows(IllegalArgumentException.class, () -> SearchRequest.of("x", 0));
  }

  @Test
  void getRoundTripsEverySample() throws IOException {
    for (Sample s : samples) {
      assertEquals(Optional.of(s), searcher.get(s.id()));
    }
    assertEquals(Optional.empty(), searcher.get("mpx-MPX0000"));
  }

  @Test
  void supportsPhrasesBooleanOperatorsAndFields() throws IOException {
    SearchResult phrase = searcher.search(SearchRequest.of("\"pulmonary embolism\" AND contrast", 10));
    assertEquals(Set.of("MPX1322"), caseIds(phrase.hits()));
    assertTrue(phrase.expandedTerms().contains("pulmonary embolus"));
    // MPX2497's history reads "increasing ataxia"; the Radiopaedia case never mentions ataxia.
    assertEquals(Set.of(CorpusSamples.RP_CASE),
        caseIds(searcher.search(SearchRequest.of("medulloblastoma NOT ataxia", 10)).hits()));
    assertEquals(Set.of("MPX2497", CorpusSamples.RP_CASE),
        caseIds(searcher.search(SearchRequest.of("modality:MR AND medulloblastoma", 10)).hits()));
    assertEquals(Set.of("MPX2066"),
        caseIds(searcher.search(SearchRequest.of("title:calcaneal", 10)).hits()));
  }

  @Test
  void invalidSyntaxIsSearchedAsWords() throws IOException {
    assertEquals(Set.of("MPX2497", CorpusSamples.RP_CASE),
        caseIds(searcher.search(SearchRequest.of("medulloblastoma AND (", 10)).hits()));
    assertEquals(Set.of("MPX2497", CorpusSamples.RP_CASE),
        caseIds(searcher.search(SearchRequest.of("the medulloblastoma ]", 10)).hits()));
  }

  @Test
  void snippetsHighlightMatchesOrFallBackToEscapedText() throws IOException {
    SearchHit mass = searcher.search(SearchRequest.of("posterior fossa mass", 10)).hits().get(0);
    assertEquals("MPX2497", mass.caseId());
    assertTrue(mass.snippet().contains("<b>posterior</b> <b>fossa</b>"), mass.snippet());

    SearchHit pe = searcher.search(SearchRequest.of("PE", 10)).hits().get(0);
    assertTrue(pe.snippet().contains("<b>PE</b>&#x2F;DVT"), pe.snippet());

    // A match-all query highlights nothing: the first 200 characters of captions and findings, escaped.
    SearchHit celiac = searcher.search(new SearchRequest("", null, null, 20)).hits().stream()
        .filter(h -> h.caseId().equals("MPX2040")).findFirst().orElseThrow();
    assertFalse(celiac.snippet().contains("<b>"), celiac.snippet());
    assertTrue(celiac.snippet().startsWith("Celiac artery aneurysm on CT w&#x2F;contrast"), celiac.snippet());
    assertTrue(celiac.snippet().endsWith("…"), celiac.snippet());
  }

  @Test
  void concurrentSearchesAgree() throws Exception {
    List<String> queries = List.of("medulloblastoma", "pulmonary embolism", "", "posterior fossa mass", "PE");
    Map<String, SearchResult> expected = new HashMap<>();
    for (String q : queries) {
      expected.put(q, searcher.search(SearchRequest.of(q, 10)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> checks = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String q = queries.get(i % queries.size());
        checks.add(pool.submit(() -> searcher.search(SearchRequest.of(q, 10)).equals(expected.get(q))));
      }
      for (Future<Boolean> check : checks) {
        assertTrue(check.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void openingAFolderWithoutAnIndexFails(@TempDir Path empty) {
    assertThrows(IndexNotFoundException.class, () -> CaseSearcher.open(empty, vocab));
    assertThrows(IndexNotFoundException.class, () -> CaseSearcher.open(empty.resolve("missing"), vocab));
  }

  private static Set<String> caseIds(List<SearchHit> hits) {
    return hits.stream().map(SearchHit::caseId).collect(Collectors.toSet());
  }
}
