package org.radmd.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Json;
import org.radmd.core.Modality;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.core.SourceDataset;

/**
 * The index schema, declared once: every field name, how each field is indexed, the analyzer, the query-time
 * boost of each text field, the facet dimensions, and the queries on keyword fields. One Lucene document is one
 * {@link Sample}.
 *
 * <ul>
 *   <li>Keyword fields ({@link KeywordField}: exact term plus sorted-set doc values): {@link #ID},
 *       {@link #CASE_ID}, {@link #SOURCE} (the dataset's display name, e.g. "MPx"), {@link #MODALITY} (DICOM
 *       codes, one value per modality), {@link #ANATOMY}, {@link #PLANE}, {@link #KIND} ("2D"/"3D"),
 *       {@link #LICENCE} (licence id), {@link #YEAR} (attribute "year") and {@link #DIAGNOSIS_ID} (the DOID of
 *       each diagnosis that the vocabulary maps), {@link #DIAGNOSIS_LABEL} (each diagnosis as stated).
 *   <li>A vector field, {@link #EMBEDDING}: the image embedding for similar-case search, on documents with a
 *       readable stored image.
 *   <li>Text fields, analyzed by the {@linkplain #newAnalyzer() clinical text analyzer}; see
 *       {@link #fieldBoosts()} for the boosts. The snippet fields {@link #CAPTION} and {@link #FINDINGS} also
 *       index offsets, which the highlighter reads instead of re-analyzing the stored text.
 *   <li>Stored-only: {@link #SAMPLE_JSON} (the whole sample, {@link Json} form), {@link #IMAGE_PATH} and
 *       {@link #SNIPPET_FALLBACK}.
 *   <li>Facet dimensions (sorted-set doc values): {@link #DIM_MODALITY}, {@link #DIM_SOURCE},
 *       {@link #DIM_DIAGNOSIS} (DOIDs).
 * </ul>
 *
 * <p>Stateless; every method is thread-safe. Changing a field here changes the on-disk format: rebuild the
 * index.
 */
public final class IndexSchema {
  /** Sample id; the upsert key. Stored. */
  public static final String ID = "id";
  /** {@link Sample#caseId()}; search results are grouped by it. Stored. */
  public static final String CASE_ID = "case_id";
  /** {@link SourceDataset#displayName()}. Stored. */
  public static final String SOURCE = "source";
  /** {@link Modality} names (DICOM codes), multi-valued. Stored. */
  public static final String MODALITY = "modality";
  /** {@link Sample#anatomy()} as the source writes it. Stored. */
  public static final String ANATOMY = "anatomy";
  /** Acquisition planes of the images, multi-valued. */
  public static final String PLANE = "plane";
  /** "2D" and/or "3D" by the images' {@link ImageKind}, multi-valued. */
  public static final String KIND = "kind";
  /** {@link org.radmd.core.Licence#id()}. Stored. */
  public static final String LICENCE = "licence";
  /** The sample's "year" attribute, when it has one. */
  public static final String YEAR = "year";
  /** DOIDs of the diagnoses ({@link DiseaseVocabulary#termIdFor}), multi-valued. */
  public static final String DIAGNOSIS_ID = "diagnosis_id";
  /**
   * Each diagnosis as the source states it (stripped, at most {@value #MAX_LABEL_CHARS} characters), multi-valued;
   * the indexed diagnoses that query suggestions offer.
   */
  public static final String DIAGNOSIS_LABEL = "diagnosis_label";

  /**
   * The image embedding ({@link ThumbnailEmbedding}, {@value ThumbnailEmbedding#DIMENSIONS} floats, cosine
   * similarity) of documents that have a readable stored image; "similar cases" are its nearest neighbours.
   */
  public static final String EMBEDDING = "image_embedding";
  /** The similarity of {@link #EMBEDDING}. */
  public static final VectorSimilarityFunction EMBEDDING_SIMILARITY = VectorSimilarityFunction.COSINE;
  /** Longest {@link #DIAGNOSIS_LABEL} value, in characters. */
  public static final int MAX_LABEL_CHARS = 200;

  /** Diagnoses as the source states them, one value each. Stored. */
  public static final String DIAGNOSIS = "diagnosis";
  /** Case or article title. Stored. */
  public static final String TITLE = "title";
  /** The sample caption and each image's own caption. Stored (snippet source). */
  public static final String CAPTION = "caption";
  /** Imaging findings. Stored (snippet source). */
  public static final String FINDINGS = "findings";
  /** Impression. */
  public static final String IMPRESSION = "impression";
  /** Body sentences citing the figure, one value each. */
  public static final String INLINE = "inline";
  /** Clinical history. */
  public static final String HISTORY = "history";
  /** Discussion. */
  public static final String DISCUSSION = "discussion";
  /** VQA question. */
  public static final String QUESTION = "question";
  /** VQA answer. */
  public static final String ANSWER = "answer";

  /** The whole sample as canonical JSON; {@link CaseSearcher#get} reads it back. */
  public static final String SAMPLE_JSON = "sample_json";
  /** {@link ImageRef#path()} of each image, in order. */
  public static final String IMAGE_PATH = "image_path";
  /** At most {@value #FALLBACK_CHARS} characters of text shown when the highlighter finds no passage. */
  public static final String SNIPPET_FALLBACK = "snippet_fallback";

  /** Facet dimension of {@link #MODALITY}. */
  public static final String DIM_MODALITY = "modality";
  /** Facet dimension of {@link #SOURCE}. */
  public static final String DIM_SOURCE = "source";
  /** Facet dimension of {@link #DIAGNOSIS_ID} (values are DOIDs). */
  public static final String DIM_DIAGNOSIS = "diagnosis";
  /** The facet dimensions, in the order results list them. */
  public static final List<String> FACET_DIMS = List.of(DIM_MODALITY, DIM_SOURCE, DIM_DIAGNOSIS);

  /** Length of {@link #SNIPPET_FALLBACK}, in characters. */
  public static final int FALLBACK_CHARS = 200;

  private static final List<String> KEYWORD_FIELDS =
      List.of(ID, CASE_ID, SOURCE, MODALITY, ANATOMY, PLANE, KIND, LICENCE, YEAR, DIAGNOSIS_ID, DIAGNOSIS_LABEL);
  private static final Map<String, Float> BOOSTS = boosts();
  private static final FacetsConfig FACETS = newFacetsConfig();
  /** Stored, analyzed, with positions and offsets: the snippet fields {@link #CAPTION} and {@link #FINDINGS}. */
  private static final FieldType SNIPPET_TEXT = snippetTextType();

  private IndexSchema() {}

  /**
   * A new analyzer for the whole schema, the caller closes it: keyword fields keep a query term as written (so
   * {@code modality:MR} works in query syntax), every other field uses the clinical text analyzer (EnglishAnalyzer's
   * chain plus ASCII folding).
   */
  public static Analyzer newAnalyzer() {
    Map<String, Analyzer> perField = new LinkedHashMap<>();
    for (String f : KEYWORD_FIELDS) {
      perField.put(f, new KeywordAnalyzer());
    }
    return new PerFieldAnalyzerWrapper(new ClinicalTextAnalyzer(), perField);
  }

  /**
   * Query-time boosts of the text fields, in the order free-text queries search them: diagnosis 4, title 3,
   * caption 2, impression 2, findings 1.5, inline 1, question 1, answer 1, history 0.5, discussion 0.5.
   */
  public static Map<String, Float> fieldBoosts() {
    return BOOSTS;
  }

  /** The text fields free-text queries search, in {@link #fieldBoosts()} order. */
  public static List<String> textFields() {
    return List.copyOf(BOOSTS.keySet());
  }

  /** A new facets configuration matching the indexed facet fields (a {@link FacetsConfig} is mutable). */
  public static FacetsConfig facetsConfig() {
    return newFacetsConfig();
  }

  /** The upsert key of a sample id. */
  public static Term idTerm(String sampleId) {
    return new Term(ID, sampleId);
  }

  /** Documents with this sample id (at most one in an index written by {@link SampleIndexer}). */
  public static Query idQuery(String sampleId) {
    return new TermQuery(idTerm(sampleId));
  }

  /** Documents of this case; constant score, meant as a filter. */
  public static Query caseQuery(String caseId) {
    return KeywordField.newExactQuery(CASE_ID, caseId);
  }

  /** Documents with images of this modality; constant score, meant as a filter. */
  public static Query modalityQuery(Modality modality) {
    return KeywordField.newExactQuery(MODALITY, modality.name());
  }

  /** Documents of this dataset; constant score, meant as a filter. */
  public static Query sourceQuery(SourceDataset source) {
    return KeywordField.newExactQuery(SOURCE, source.displayName());
  }

  /** Documents with a diagnosis mapped to this DOID; constant score. */
  public static Query diagnosisIdQuery(String doid) {
    return KeywordField.newExactQuery(DIAGNOSIS_ID, doid);
  }

  /** The documents nearest to {@code embedding} in {@link #EMBEDDING}, among those {@code filter} matches. */
  public static Query nearestQuery(float[] embedding, int k, Query filter) {
    return new KnnFloatVectorQuery(EMBEDDING, embedding, k, filter);
  }

  /**
   * The document of a sample without diagnosis ids or embedding: the same as {@code toDocument(s,
   * DiseaseVocabulary.empty(), null)}. {@link SampleIndexer} uses its vocabulary and embedder instead.
   */
  public static Document toDocument(Sample s) {
    return toDocument(s, DiseaseVocabulary.empty(), null);
  }

  /** The document of a sample without embedding: {@code toDocument(s, vocab, null)}. */
  public static Document toDocument(Sample s, DiseaseVocabulary vocab) {
    return toDocument(s, vocab, null);
  }

  /**
   * The document of a sample, facet fields already translated (ready for {@code IndexWriter}).
   *
   * @param vocab maps each diagnosis to a DOID for {@link #DIAGNOSIS_ID} and the diagnosis facet
   * @param embedding the sample's image embedding ({@link ImageEmbedder}), or null for none
   * @throws IllegalArgumentException if the embedding does not have {@value ThumbnailEmbedding#DIMENSIONS}
   *     dimensions or is all zeros
   */
  public static Document toDocument(Sample s, DiseaseVocabulary vocab, float @Nullable [] embedding) {
    Document doc = new Document();
    keyword(doc, ID, s.id(), Store.YES);
    keyword(doc, CASE_ID, s.caseId(), Store.YES);
    keyword(doc, SOURCE, s.source().displayName(), Store.YES);
    doc.add(new SortedSetDocValuesFacetField(DIM_SOURCE, s.source().displayName()));
    for (Modality m : s.modalities()) {
      keyword(doc, MODALITY, m.name(), Store.YES);
      doc.add(new SortedSetDocValuesFacetField(DIM_MODALITY, m.name()));
    }
    keyword(doc, ANATOMY, s.anatomy(), Store.YES);
    distinct(s.images().stream().map(ImageRef::plane).toList()).forEach(p -> keyword(doc, PLANE, p, Store.NO));
    distinct(s.images().stream().map(i -> kindLabel(i.kind())).toList())
        .forEach(k -> keyword(doc, KIND, k, Store.NO));
    keyword(doc, LICENCE, s.licence().id(), Store.YES);
    keyword(doc, YEAR, s.attributes().get("year"), Store.NO);
    List<String> doids = distinct(s.diagnoses().stream().map(d -> vocab.termIdFor(d).orElse(null)).toList());
    for (String doid : doids) {
      keyword(doc, DIAGNOSIS_ID, doid, Store.NO);
      doc.add(new SortedSetDocValuesFacetField(DIM_DIAGNOSIS, doid));
    }
    distinct(s.diagnoses()).forEach(d -> keyword(doc, DIAGNOSIS_LABEL, clip(d), Store.NO));
    if (embedding != null) {
      if (embedding.length != ThumbnailEmbedding.DIMENSIONS) {
        throw new IllegalArgumentException("embedding of " + s.id() + " has " + embedding.length
            + " dimensions, not " + ThumbnailEmbedding.DIMENSIONS);
      }
      doc.add(new KnnFloatVectorField(EMBEDDING, embedding, EMBEDDING_SIMILARITY));
    }

    SampleText t = s.text();
    s.diagnoses().forEach(d -> text(doc, DIAGNOSIS, d, Store.YES));
    text(doc, TITLE, t.title(), Store.YES);
    List<String> captions = new ArrayList<>();
    captions.add(t.caption());
    s.images().forEach(i -> captions.add(i.caption()));
    distinct(captions).forEach(c -> snippetText(doc, CAPTION, c));
    snippetText(doc, FINDINGS, t.findings());
    text(doc, IMPRESSION, t.impression(), Store.NO);
    t.inline().forEach(sentence -> text(doc, INLINE, sentence, Store.NO));
    text(doc, HISTORY, t.history(), Store.NO);
    text(doc, DISCUSSION, t.discussion(), Store.NO);
    text(doc, QUESTION, t.question(), Store.NO);
    text(doc, ANSWER, t.answer(), Store.NO);

    s.images().forEach(i -> doc.add(new StoredField(IMAGE_PATH, i.path())));
    String fallback = fallbackSnippet(distinct(captions), t);
    if (!fallback.isEmpty()) {
      doc.add(new StoredField(SNIPPET_FALLBACK, fallback));
    }
    doc.add(new StoredField(SAMPLE_JSON, Json.write(s)));
    try {
      return FACETS.build(doc);
    } catch (IOException e) {
      // Only taxonomy facets do I/O in build(); this schema has none.
      throw new UncheckedIOException("facet translation failed for " + s.id(), e);
    }
  }

  private static String clip(String label) {
    String one = label.strip().replaceAll("\\s+", " ");
    return one.length() <= MAX_LABEL_CHARS ? one : one.substring(0, MAX_LABEL_CHARS);
  }

  /** "2D" or "3D". */
  static String kindLabel(ImageKind kind) {
    return kind == ImageKind.VOLUME_3D ? "3D" : "2D";
  }

  /** Captions and findings, else all the text; cut to {@link #FALLBACK_CHARS} at a word boundary. */
  private static String fallbackSnippet(List<String> captions, SampleText t) {
    List<String> parts = new ArrayList<>(captions);
    if (t.findings() != null && !t.findings().isBlank()) {
      parts.add(t.findings().strip());
    }
    String text = parts.isEmpty() ? t.joined() : String.join(" ", parts);
    text = text.strip().replaceAll("\\s+", " ");
    if (text.length() <= FALLBACK_CHARS) {
      return text;
    }
    int cut = text.lastIndexOf(' ', FALLBACK_CHARS - 1);
    return text.substring(0, cut > FALLBACK_CHARS / 2 ? cut : FALLBACK_CHARS - 1) + "…";
  }

  private static void keyword(Document doc, String field, @Nullable String value, Store store) {
    if (value != null && !value.isBlank()) {
      doc.add(new KeywordField(field, value.strip(), store));
    }
  }

  /** A stored text field whose postings carry offsets, so the highlighter need not re-analyze it per hit. */
  private static void snippetText(Document doc, String field, @Nullable String value) {
    if (value != null && !value.isBlank()) {
      doc.add(new Field(field, value.strip(), SNIPPET_TEXT));
    }
  }

  private static void text(Document doc, String field, @Nullable String value, Store store) {
    if (value != null && !value.isBlank()) {
      doc.add(new TextField(field, value.strip(), store));
    }
  }

  /** Non-blank values, stripped, first occurrence kept. */
  private static List<String> distinct(List<@Nullable String> values) {
    Set<String> out = new LinkedHashSet<>();
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        out.add(v.strip());
      }
    }
    return List.copyOf(out);
  }

  private static Map<String, Float> boosts() {
    Map<String, Float> b = new LinkedHashMap<>();
    b.put(DIAGNOSIS, 4f);
    b.put(TITLE, 3f);
    b.put(CAPTION, 2f);
    b.put(IMPRESSION, 2f);
    b.put(FINDINGS, 1.5f);
    b.put(INLINE, 1f);
    b.put(QUESTION, 1f);
    b.put(ANSWER, 1f);
    b.put(HISTORY, 0.5f);
    b.put(DISCUSSION, 0.5f);
    return java.util.Collections.unmodifiableMap(b);
  }

  private static FieldType snippetTextType() {
    FieldType type = new FieldType(TextField.TYPE_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  private static FacetsConfig newFacetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(DIM_MODALITY, true);
    config.setMultiValued(DIM_DIAGNOSIS, true);
    return config;
  }
}
