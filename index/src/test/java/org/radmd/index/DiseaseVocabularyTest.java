package org.radmd.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.testing.SharedCorpus;

/**
 * {@link DiseaseVocabulary} on the real Disease Ontology files in {@code shared/vocab}. Every id, name and
 * synonym asserted here was checked by grepping the file (2016-09-01 release unless said otherwise).
 */
class DiseaseVocabularyTest {
  private static DiseaseVocabulary doid;

  @BeforeAll
  static void loadRelease() throws IOException {
    doid = DiseaseVocabulary.loadDefault(SharedCorpus.root());
  }

  @Test
  void keepsOnlyLiveTerms() {
    // vocab/README.md: 9,344 [Term] stanzas, 2,373 of them is_obsolete: true, 6,971 live.
    assertEquals(6971, doid.size());
    // DOID:0050001 "Actinomadura madurae infectious disease" is obsolete (and the name occurs nowhere else).
    assertEquals(Optional.empty(), doid.name("DOID:0050001"));
    assertEquals(List.of(), doid.termIds("Actinomadura madurae infectious disease"));
    // ... so the best live match is its longest known n-gram: "infectious disease", an EXACT synonym of
    // DOID:0050117 "disease by infectious agent".
    assertEquals(Optional.of("DOID:0050117"), doid.termIdFor("Actinomadura madurae infectious disease"));
    assertEquals(List.of("Actinomadura madurae infectious disease"),
        doid.expand("Actinomadura madurae infectious disease"));
    // alt_id DOID:168 of medulloblastoma is not a term of its own.
    assertEquals(Optional.empty(), doid.name("DOID:168"));
  }

  @Test
  void expandsPulmonaryEmbolismBothWays() {
    // DOID:9477 pulmonary embolism: EXACT "pulmonary artery embolism", EXACT "pulmonary embolus".
    assertEquals(List.of("pulmonary embolism", "pulmonary artery embolism", "pulmonary embolus"),
        doid.expand("pulmonary embolism"));
    assertEquals(List.of("Pulmonary Embolus", "pulmonary embolism", "pulmonary artery embolism"),
        doid.expand("  Pulmonary   Embolus "));
    assertEquals(List.of("DOID:9477"), doid.termIds("PULMONARY EMBOLUS"));
  }

  @Test
  void expandsMedulloblastomaWithTrimmedSynonyms() {
    List<String> names = doid.expand("medulloblastoma");
    assertEquals("medulloblastoma", names.get(0));
    // The 2016 file writes "infratentorial primitive neuroectodermal tumor " with a trailing space.
    assertEquals(List.of("medulloblastoma", "brain medulloblastoma", "CNS PNET", "CPNET",
        "infratentorial primitive neuroectodermal tumor", "localized primitive neuroectodermal tumor"), names);
    assertEquals(List.of("CNS PNET", "medulloblastoma", "brain medulloblastoma", "CPNET",
        "infratentorial primitive neuroectodermal tumor", "localized primitive neuroectodermal tumor"),
        doid.expand("CNS PNET"));
  }

  @Test
  void expandsMyocardialInfarctionAndAbbreviationsTheReleaseLists() {
    // DOID:5844 myocardial infarction: EXACT "heart attack", EXACT "Myocardial infarct".
    assertEquals(List.of("heart attack", "myocardial infarction", "Myocardial infarct"), doid.expand("heart attack"));
    // DOID:3068 glioblastoma multiforme lists EXACT "GBM".
    assertTrue(doid.expand("gbm").contains("glioblastoma multiforme"));
    // RELATED synonyms are kept only when abbreviation-like: DOID:0050025 has RELATED "HGE"; DOID:0050043
    // Israeli tick typhus has RELATED "Israeli spotted fever", which is dropped.
    assertEquals(List.of("HGE", "human granulocytic anaplasmosis"), doid.expand("HGE").subList(0, 2));
    assertEquals(List.of("Israeli spotted fever"), doid.expand("Israeli spotted fever"));
    // The 2016 release has no "PE" or "MI" synonym (vocab/README.md), so these stay as typed.
    assertEquals(List.of("PE"), doid.expand("PE"));
    assertEquals(List.of("MI"), doid.expand("MI"));
  }

  @Test
  void mapsMedPixDiagnosesToDoids() {
    assertEquals(Optional.of("DOID:0050902"), doid.termIdFor("Medulloblastoma confirmed by pathology."));
    assertEquals(Optional.of("DOID:9477"), doid.termIdFor("Pulmonary Embolus"));
    assertEquals(Optional.of("DOID:0050902"), doid.termIdFor("Medulloblastoma"));
    // Longest n-gram wins: "glioblastoma multiforme" over any shorter match inside it.
    assertEquals(Optional.of("DOID:3068"), doid.termIdFor("Recurrent glioblastoma multiforme, left frontal lobe"));
  }

  @Test
  void abbreviationsInsideTextMatchOnlyInCapitals() {
    assertEquals(Optional.of("DOID:3068"), doid.termIdFor("Recurrent GBM"));
    assertEquals(Optional.empty(), doid.termIdFor("recurrent gbm"));
    // A whole text equal to the abbreviation matches in any case, as expand does.
    assertEquals(Optional.of("DOID:3068"), doid.termIdFor("gbm"));
  }

  @Test
  void foldsCaseAccentsAndPunctuation() {
    assertEquals(doid.termIds("pulmonary embolus"), doid.termIds("Pulmonary-Embolus."));
    assertEquals(DiseaseVocabulary.key("Sjogren syndrome"), DiseaseVocabulary.key("Sjögren   Syndrome"));
    assertEquals(List.of(), doid.expand("   "));
  }

  @Test
  void readsTheCurrentSubsetWithSynonymTypes() throws IOException {
    // The 2026 NCIthesaurus subset renamed DOID:3068 to "glioblastoma" and writes
    // synonym: "GBM" EXACT OMO:0003012 [] (a synonym type between scope and xrefs).
    DiseaseVocabulary subset =
        DiseaseVocabulary.load(SharedCorpus.root().resolve("vocab/doid_2026-07-31_subsets/NCIthesaurus.obo"));
    assertEquals(Optional.of("glioblastoma"), subset.name("DOID:3068"));
    assertTrue(subset.expand("GBM").containsAll(List.of("glioblastoma", "glioblastoma multiforme")));
    // vocab/README.md: 4,757 stanzas, 7 obsolete.
    assertEquals(4750, subset.size());
  }

  @Test
  void mergesReleasesKeepingTheFirstNameAndUnitingSynonyms() throws IOException {
    Path vocab = SharedCorpus.root().resolve("vocab");
    DiseaseVocabulary merged = DiseaseVocabulary.load(
        List.of(vocab.resolve("doid.obo"), vocab.resolve("doid_2026-07-31_subsets/NCIthesaurus.obo")));
    // DOID:3068 is "glioblastoma multiforme" in 2016 and "glioblastoma" in 2026: the 2016 name stays.
    assertEquals(Optional.of("glioblastoma multiforme"), merged.name("DOID:3068"));
    assertTrue(merged.synonyms("DOID:3068").contains("glioblastoma"), merged.synonyms("DOID:3068")::toString);
    assertEquals(List.of("DOID:3068"), merged.termIds("glioblastoma"));
    // The 2026 synonym of medulloblastoma joins the 2016 ones, each once.
    List<String> medullo = merged.expand("medulloblastoma");
    assertTrue(medullo.contains("Medulloblastoma, histologically defined"), medullo::toString);
    assertEquals(medullo.size(), medullo.stream().map(DiseaseVocabulary::normalize).distinct().count());
    // Terms only in the 2016 release (pneumothorax has no NCI mapping) stay.
    assertTrue(merged.termIdFor("pneumothorax").isPresent());
    assertTrue(merged.size() >= doid.size());
    assertEquals(0, DiseaseVocabulary.load(List.of()).size());
  }

  @Test
  void suggestsNamesByPrefixThenByWordStart() {
    List<String> pulm = doid.suggest("pulmonary emb", 5);
    // Shortest first: the synonym "pulmonary embolus" before the name "pulmonary embolism".
    assertEquals(List.of("pulmonary embolus", "pulmonary embolism"), pulm.subList(0, 2));
    assertEquals(List.of("pulmonary embolus", "pulmonary embolism", "pulmonary embolism and infarction",
        "puerperal pulmonary embolism"), pulm, "names starting with the prefix, then those with a later word");
    List<String> embol = doid.suggest("embol", 50);
    assertTrue(embol.contains("pulmonary embolism"), "a later word may match: " + embol);
    assertTrue(embol.indexOf("embolism") < embol.indexOf("pulmonary embolism"), embol::toString);
    assertEquals(List.of(), doid.suggest("  ", 5));
    assertEquals(List.of(), doid.suggest("medulloblastoma", 0));
    assertEquals(3, doid.suggest("medullo", 3).size());
    assertEquals(doid.suggest("Médullo", 10), doid.suggest("medullo", 10));
  }

  @Test
  void parsesEscapesAndSkipsTypedefsAndObsoleteTerms(@TempDir Path dir) throws IOException {
    Path obo = dir.resolve("mini.obo");
    Files.writeString(obo, """
        format-version: 1.2

        [Term]
        id: DOID:1
        name: quoted \\"thing\\" disease
        synonym: "the \\"thing\\"" EXACT []
        synonym: "QTD" RELATED []
        synonym: "narrow thing" NARROW []

        [Term]
        id: DOID:2
        name: old disease
        synonym: "quoted thing disease" EXACT []
        is_obsolete: true

        [Typedef]
        id: has_symptom
        name: has symptom
        """, StandardCharsets.UTF_8);
    DiseaseVocabulary v = DiseaseVocabulary.load(obo);
    assertEquals(1, v.size());
    assertEquals(Optional.of("quoted \"thing\" disease"), v.name("DOID:1"));
    assertEquals(List.of("the \"thing\"", "QTD"), v.synonyms("DOID:1"));
    assertEquals(Optional.empty(), v.termIdFor("old disease"));
    assertEquals(Optional.empty(), v.termIdFor("has symptom"));
  }

  @Test
  void rejectsAnUnterminatedSynonymNamingTheLine(@TempDir Path dir) throws IOException {
    Path obo = dir.resolve("bad.obo");
    Files.writeString(obo, "[Term]\nid: DOID:1\nname: x\nsynonym: \"unterminated EXACT []\n");
    IOException e = assertThrows(IOException.class, () -> DiseaseVocabulary.load(obo));
    assertTrue(e.getMessage().contains("bad.obo:4:"), e.getMessage());
  }

  @Test
  void emptyVocabularyExpandsNothing() {
    DiseaseVocabulary empty = DiseaseVocabulary.empty();
    assertEquals(List.of("pulmonary embolism"), empty.expand("pulmonary embolism"));
    assertEquals(Optional.empty(), empty.termIdFor("Pulmonary Embolus"));
    assertEquals(0, empty.size());
  }

  @Test
  void survivesJavaSerialization() throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(doid);
    }
    DiseaseVocabulary copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (DiseaseVocabulary) in.readObject();
    }
    assertEquals(doid.size(), copy.size());
    assertEquals(doid.expand("medulloblastoma"), copy.expand("medulloblastoma"));
    assertEquals(Optional.of("DOID:9477"), copy.termIdFor("Pulmonary Embolus"));
  }
}
