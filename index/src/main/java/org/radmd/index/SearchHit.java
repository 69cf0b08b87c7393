package org.radmd.index;

import java.util.List;
import java.util.Objects;

/**
 * One case in a search result, represented by its best-scoring sample.
 *
 * @param sampleId the sample's id ({@link CaseSearcher#get} returns the whole sample)
 * @param caseId the case it belongs to
 * @param source the dataset's display name, e.g. "MPx"
 * @param score the sample's relevance score (BM25; only comparable within one result)
 * @param title the title, or "" when the sample has none
 * @param diagnoses the diagnoses as the source states them
 * @param modalities DICOM modality codes, e.g. ["CT", "MR"]
 * @param anatomy the body region, or "" when unknown
 * @param snippet an HTML fragment: the best-matching passage of the captions or findings with the matched words
 *     in {@code <b>…</b>}, text HTML-escaped; when nothing there matches, the first
 *     {@value IndexSchema#FALLBACK_CHARS} characters of the text (escaped); "" when the sample has no text
 * @param imagePaths {@link org.radmd.core.ImageRef#path()} of each image, in order
 * @param licence the licence id, e.g. "CC-BY-4.0"
 */
public record SearchHit(
    String sampleId,
    String caseId,
    String source,
    float score,
    String title,
    List<String> diagnoses,
    List<String> modalities,
    String anatomy,
    String snippet,
    List<String> imagePaths,
    String licence) {
  public SearchHit {
    Objects.requireNonNull(sampleId, "sampleId");
    Objects.requireNonNull(caseId, "caseId");
    diagnoses = List.copyOf(diagnoses);
    modalities = List.copyOf(modalities);
    imagePaths = List.copyOf(imagePaths);
  }
}
