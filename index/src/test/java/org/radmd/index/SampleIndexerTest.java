package org.radmd.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;

/** {@link SampleIndexer} writing the corpus fixtures into a fresh folder per test. */
class SampleIndexerTest {
  @TempDir Path dir;

  @Test
  void upsertOfTheSameIdTwiceLeavesOneDocument() throws IOException {
    Sample first = CorpusSamples.medpix().get(0);
    Sample second = new Sample(first.id(), first.source(), first.caseId(),
        SampleText.builder().title("Shunt disconnection, revised").findings(first.text().findings()).build(),
        first.images(), first.modalities(), first.anatomy(), first.diagnoses(), first.licence(),
        first.provenance(), first.attributes(), first.scores());
    try (SampleIndexer indexer = SampleIndexer.open(dir, DiseaseVocabulary.empty())) {
      indexer.upsert(first);
      indexer.upsert(second);
      indexer.commit();
      assertEquals(1, indexer.numDocs());
    }
    try (Directory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
      assertEquals(1, new IndexSearcher(reader).count(IndexSchema.idQuery(first.id())));
      assertEquals(1, reader.numDocs());
    }
    try (CaseSearcher searcher = CaseSearcher.open(dir, DiseaseVocabulary.empty())) {
      assertEquals(Optional.of(second), searcher.get(first.id()));
      assertEquals(1, searcher.search(SearchRequest.of("revised", 5)).totalCases());
      assertEquals(0, searcher.search(SearchRequest.of("title:ventriculoperitoneal", 5)).totalCases());
    }
  }

  @Test
  void reopeningAppendsAndKeepsUpserting() throws IOException {
    List<Sample> all = CorpusSamples.all();
    try (SampleIndexer indexer = SampleIndexer.open(dir, DiseaseVocabulary.empty())) {
      for (Sample s : all) {
        indexer.upsert(s);
      }
    } // close commits
    try (SampleIndexer indexer = SampleIndexer.open(dir, DiseaseVocabulary.empty())) {
      assertEquals(all.size(), indexer.numDocs());
      indexer.upsert(all.get(3));
      indexer.commit();
      assertEquals(all.size(), indexer.numDocs());
    }
  }

  @Test
  void forceMergeLeavesOneSegmentWithTheSameDocumentsAndAnswers() throws IOException {
    List<Sample> all = CorpusSamples.all();
    try (SampleIndexer indexer = SampleIndexer.open(dir, DiseaseVocabulary.empty())) {
      for (Sample s : all) {
        indexer.upsert(s);
        indexer.commit(); // one segment per sample until merged
      }
      indexer.upsert(all.get(0)); // a replaced document: its deletion must be merged away, not counted
      indexer.commit();
      assertTrue(indexer.committedSegments() > 1, "segments before merge: " + indexer.committedSegments());
    }
    SearchResult before;
    try (CaseSearcher searcher = CaseSearcher.open(dir, DiseaseVocabulary.empty())) {
      before = searcher.search(SearchRequest.of("shunt", 10));
    }
    try (SampleIndexer indexer = SampleIndexer.open(dir, DiseaseVocabulary.empty())) {
      indexer.forceMerge(1);
      assertEquals(1, indexer.committedSegments());
      assertEquals(all.size(), indexer.numDocs());
      assertThrows(IllegalArgumentException.class, () -> indexer.forceMerge(0));
    }
    try (Directory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
      assertEquals(1, reader.leaves().size());
      assertEquals(all.size(), reader.maxDoc(), "no deleted documents left");
    }
    try (CaseSearcher searcher = CaseSearcher.open(dir, DiseaseVocabulary.empty())) {
      SearchResult after = searcher.search(SearchRequest.of("shunt", 10));
      assertTrue(before.totalCases() > 0);
      assertEquals(before.totalCases(), after.totalCases());
      // Same hits; their order may differ, as BM25 statistics no longer count the replaced document.
      assertEquals(before.hits().stream().map(SearchHit::sampleId).sorted().toList(),
          after.hits().stream().map(SearchHit::sampleId).sorted().toList());
      assertEquals(before.facets(), after.facets());
    }
  }

  @Test
  void aSecondWriterOnTheSameFolderIsRefused() throws IOException {
    try (SampleIndexer indexer = SampleIndexer.open(dir, DiseaseVocabulary.empty())) {
      assertThrows(LockObtainFailedException.class, () -> SampleIndexer.open(dir, DiseaseVocabulary.empty()));
      assertEquals(0, indexer.numDocs());
    }
  }

  @Test
  void embeddingsComeFromTheStoredImagesBesideTheIndex() throws IOException {
    // OUT/medmd/images of the stored-corpus fixture, linked under this test's own OUT; the index is OUT/index.
    StoredCorpus corpus = StoredCorpus.shared();
    Path out = dir.resolve("out");
    Files.createDirectories(out.resolve("medmd"));
    Files.createSymbolicLink(out.resolve("medmd/images"), corpus.root().resolve("medmd/images"));
    List<Sample> medpix = corpus.samples().subList(0, 3);
    try (SampleIndexer indexer = SampleIndexer.open(out.resolve("index"), DiseaseVocabulary.empty())) {
      medpix.forEach(s -> upsert(indexer, s));
    }
    try (SampleIndexer indexer = SampleIndexer.open(dir.resolve("plain"), DiseaseVocabulary.empty(),
        ImageEmbedder.none())) {
      medpix.forEach(s -> upsert(indexer, s));
    }
    try (CaseSearcher withImages = CaseSearcher.open(out.resolve("index"), DiseaseVocabulary.empty());
        CaseSearcher without = CaseSearcher.open(dir.resolve("plain"), DiseaseVocabulary.empty())) {
      SimilarCases similar = withImages.similar(medpix.get(0).id(), 5).orElseThrow();
      assertTrue(similar.hasEmbedding());
      assertEquals(2, similar.hits().size());
      assertFalse(without.similar(medpix.get(0).id(), 5).orElseThrow().hasEmbedding());
    }
  }

  @Test
  void anEmbeddingOfTheWrongLengthIsRefused() throws IOException {
    Sample s = CorpusSamples.radiopaedia().get(0);
    assertThrows(IllegalArgumentException.class,
        () -> IndexSchema.toDocument(s, DiseaseVocabulary.empty(), new float[3]));
  }

  private static void upsert(SampleIndexer indexer, Sample s) {
    try {
      indexer.upsert(s);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aNewIndexIsSearchableWhileEmpty() throws IOException {
    Path nested = dir.resolve("a/b/index");
    try (SampleIndexer indexer = SampleIndexer.open(nested, DiseaseVocabulary.empty());
        CaseSearcher searcher = CaseSearcher.open(nested, DiseaseVocabulary.empty())) {
      SearchResult empty = searcher.search(SearchRequest.of("medulloblastoma", 10));
      assertEquals(0, empty.totalCases());
      assertEquals(List.of(), empty.hits());
      assertEquals(Map.of("modality", Map.of(), "source", Map.of(), "diagnosis", Map.of()), empty.facets());

      // A searcher opened earlier sees a later commit.
      Sample s = CorpusSamples.radiopaedia().get(1);
      indexer.upsert(s);
      indexer.commit();
      SearchResult found = searcher.search(SearchRequest.of("medulloblastoma", 10));
      assertEquals(List.of(s.id()), found.hits().stream().map(SearchHit::sampleId).toList());
    }
  }
}
