package org.radmd.index.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.radmd.core.Json;
import org.radmd.index.DiseaseVocabulary;
import org.radmd.index.StoredCorpus;
import org.radmd.testing.SharedCorpus;

/**
 * Issue 8, "Must show": every disease labelled in the corpus ({@code corpus/medpix/expected.json}, seven MedPix
 * cases, and the Radiopaedia case rID 70432 "Medulloblastoma"), searched through {@code /api/search} by its name,
 * by a synonym and by an abbreviation from the vocabulary, returns its case in the top 3.
 *
 * <p>Vocabulary: the 2016-09-01 Disease Ontology release ({@code vocab/doid.obo}, complete) merged with the
 * 2026-07-31 NCI Thesaurus subset ({@code vocab/doid_2026-07-31_subsets/NCIthesaurus.obo}) by
 * {@link DiseaseVocabulary#load(List)}; the newer file adds synonyms such as "Medulloblastoma, histologically
 * defined". What the two files hold for each corpus disease (checked by {@link #theVocabularyHoldsWhatTheTableSays}):
 *
 * <table>
 *   <caption>Corpus diseases and their vocabulary entries</caption>
 *   <tr><th>case(s)</th><th>diagnosis as stated</th><th>DO term</th><th>synonym queried</th><th>abbreviation queried</th></tr>
 *   <tr><td>MPX2497, rID-70432</td><td>Medulloblastoma (confirmed by pathology.)</td><td>DOID:0050902</td>
 *       <td>infratentorial primitive neuroectodermal tumor; brain medulloblastoma</td><td>CNS PNET; CPNET</td></tr>
 *   <tr><td>MPX1322</td><td>Pulmonary Embolus</td><td>DOID:9477 pulmonary embolism</td>
 *       <td>pulmonary artery embolism</td><td>none in either file ("PE" is not a DO synonym)</td></tr>
 *   <tr><td>MPX1009</td><td>Bladder Diverticulum</td><td>DOID:11353</td><td>Diverticulum of bladder</td>
 *       <td>none in either file</td></tr>
 *   <tr><td>MPX2483</td><td>Ventriculoperitoneal Shunt Failure secondary to tubing disconnection.</td>
 *       <td>none (a device complication, not a DO disease)</td><td>none</td><td>none</td></tr>
 *   <tr><td>MPX2066</td><td>Calcaneal Stress Fracture</td><td>none (DO has no fractures)</td><td>none</td>
 *       <td>none</td></tr>
 *   <tr><td>MPX2040</td><td>Celiac Artery Aneurysm</td><td>none (no visceral-artery aneurysm term)</td>
 *       <td>none</td><td>none</td></tr>
 *   <tr><td>MPX1884</td><td>Breast implant, rupture, extracapsular silicone</td><td>none (a device
 *       complication)</td><td>none</td><td>none</td></tr>
 * </table>
 *
 * <p>Where the vocabulary has no synonym or abbreviation, nothing is queried in its place: the missing entries are
 * asserted to be missing, so that a vocabulary that gains one makes this test fail until the row is updated. The
 * abbreviation "PE" does find MPX1322, but through the case's own text ("PE/DVT"), not through the vocabulary; that
 * is checked separately and not counted as a vocabulary abbreviation.
 */
class DiseaseRetrievalTest {
  static final String RP = "rID-70432";
  @TempDir static Path indexDir;
  static DiseaseVocabulary vocab;
  static ServerHarness http;

  /** One corpus disease: its cases and the queries the vocabulary supports (empty lists where it has none). */
  record Disease(List<String> cases, String doid, String name, List<String> synonyms, List<String> abbreviations) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Disease> diseases() {
    return List.of(
        new Disease(List.of("MPX2497", RP), "DOID:0050902", "medulloblastoma",
            List.of("infratentorial primitive neuroectodermal tumor", "brain medulloblastoma"),
            List.of("CNS PNET", "CPNET")),
        new Disease(List.of("MPX1322"), "DOID:9477", "pulmonary embolism", List.of("pulmonary artery embolism"),
            List.of()),
        new Disease(List.of("MPX1009"), "DOID:11353", "bladder diverticulum", List.of("Diverticulum of bladder"),
            List.of()),
        new Disease(List.of("MPX2483"), "", "ventriculoperitoneal shunt failure", List.of(), List.of()),
        new Disease(List.of("MPX2066"), "", "calcaneal stress fracture", List.of(), List.of()),
        new Disease(List.of("MPX2040"), "", "celiac artery aneurysm", List.of(), List.of()),
        new Disease(List.of("MPX1884"), "", "breast implant rupture", List.of(), List.of()));
  }

  @BeforeAll
  static void start() throws IOException {
    Path vocabDir = SharedCorpus.root().resolve("vocab");
    vocab = DiseaseVocabulary.load(List.of(vocabDir.resolve("doid.obo"),
        vocabDir.resolve("doid_2026-07-31_subsets/NCIthesaurus.obo")));
    StoredCorpus corpus = StoredCorpus.shared();
    http = ServerHarness.start(corpus, corpus.samples(), vocab, indexDir);
  }

  @AfterAll
  static void stop() throws IOException {
    http.close();
  }

  static Stream<Arguments> queries() {
    List<Arguments> out = new ArrayList<>();
    for (Disease d : diseases()) {
      for (String c : d.cases()) {
        out.add(Arguments.of(c, "name", d.name()));
        d.synonyms().forEach(s -> out.add(Arguments.of(c, "synonym", s)));
        d.abbreviations().forEach(a -> out.add(Arguments.of(c, "abbreviation", a)));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} by {1} \"{2}\"")
  @MethodSource("queries")
  void theCaseIsInTheTop3(String caseId, String kind, String query) throws Exception {
    List<String> top3 = top3(query);
    assertTrue(top3.contains(caseId), kind + " \"" + query + "\" -> " + top3);
  }

  @Test
  void theVocabularyHoldsWhatTheTableSays() {
    Set<String> corpusIds = new TreeSet<>();
    for (Disease d : diseases()) {
      if (d.doid().isEmpty()) {
        assertEquals(List.of(), vocab.termIds(d.name()), d.name() + " is not a vocabulary term");
        assertEquals(List.of(d.name()), vocab.expand(d.name()), d.name() + " has no synonyms");
        continue;
      }
      corpusIds.add(d.doid());
      assertEquals(d.doid(), vocab.termIds(d.name()).get(0), d.name());
      List<String> labels = vocab.expand(d.name());
      for (String s : d.synonyms()) {
        assertEquals(d.doid(), vocab.termIds(s).get(0), s);
      }
      for (String a : d.abbreviations()) {
        assertTrue(isAbbreviation(a) && labels.contains(a), a + " in " + labels);
      }
      List<String> abbreviations = labels.stream().filter(DiseaseRetrievalTest::isAbbreviation).toList();
      assertEquals(Set.copyOf(d.abbreviations()), Set.copyOf(abbreviations), "abbreviations of " + d.name());
    }
    assertEquals(Set.of("DOID:0050902", "DOID:9477", "DOID:11353"), corpusIds);
    // The 2026 subset adds to the 2016 release; the merge keeps the 2016 name.
    assertTrue(vocab.expand("medulloblastoma").contains("Medulloblastoma, histologically defined"));
    assertEquals("medulloblastoma", vocab.name("DOID:0050902").orElseThrow());
  }

  @Test
  void peFindsThePulmonaryEmbolusCaseThroughItsTextNotTheVocabulary() throws Exception {
    assertEquals(List.of("PE"), vocab.expand("PE"));
    assertTrue(top3("PE").contains("MPX1322"));
  }

  @Test
  void theFixtureCoversEveryLabelledCase() throws IOException {
    JsonNode expected = Json.mapper().readTree(
        SharedCorpus.corpus("medpix/expected.json").toFile());
    Set<String> labelled = new TreeSet<>();
    expected.get("cases").forEach(c -> labelled.add(c.get("U_id").asText()));
    labelled.add(RP);
    Set<String> covered = new TreeSet<>();
    diseases().forEach(d -> covered.addAll(d.cases()));
    assertEquals(labelled, covered);
    assertFalse(covered.isEmpty());
  }

  private static List<String> top3(String query) throws Exception {
    JsonNode r = http.getJson("/api/search?limit=3&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    List<String> cases = new ArrayList<>();
    r.get("hits").forEach(h -> cases.add(h.get("caseId").asText()));
    return cases;
  }

  /** An acronym-like label: at most 10 characters, a letter, no lower-case letter ("CNS PNET", "CPNET"). */
  private static boolean isAbbreviation(String label) {
    return label.length() <= 10 && label.chars().anyMatch(Character::isLetter)
        && label.chars().noneMatch(Character::isLowerCase);
  }
}
