package org.radmd.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One MedMD sample: ordered images with the text they belong to, as harvested from one source item.
 *
 * <p>Granularity follows RadFM's datasets: a PMC-Inline sample is one figure; an MPx sample is one MedPix
 * case; an RP3D sample is one study of a Radiopaedia case (its series are the volumes).
 *
 * @param id stable id: the same input always gives the same id (see {@link Ids#sampleId})
 * @param source the dataset
 * @param caseId the case or article the sample belongs to; splits and dedup group by it
 * @param text the text fields
 * @param images images in order; each knows its character position in a text field
 * @param modalities modalities present, in first-seen order, without repeats
 * @param anatomy body region (e.g. "Head", "Thorax"), or null
 * @param diagnoses diagnosis terms as the source states them
 * @param licence the sample's licence
 * @param provenance where it came from
 * @param attributes further source metadata (journal, article-type, year, ACR code, ...), sorted by key
 * @param scores filter and model scores by name (e.g. "text_chars"), sorted by key
 */
public record Sample(
    String id,
    SourceDataset source,
    String caseId,
    SampleText text,
    List<ImageRef> images,
    List<Modality> modalities,
    String anatomy,
    List<String> diagnoses,
    Licence licence,
    Provenance provenance,
    Map<String, String> attributes,
    Map<String, Double> scores) {

  public Sample {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(caseId, "caseId");
    text = text == null ? SampleText.EMPTY : text;
    images = images == null ? List.of() : List.copyOf(images);
    modalities = modalities == null ? List.of() : List.copyOf(modalities.stream().distinct().toList());
    diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
    Objects.requireNonNull(licence, "licence");
    Objects.requireNonNull(provenance, "provenance");
    attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
    scores = scores == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(scores));
  }

  /** A copy with other images. */
  public Sample withImages(List<ImageRef> newImages) {
    return new Sample(id, source, caseId, text, newImages, modalities, anatomy, diagnoses, licence,
        provenance, attributes, scores);
  }

  /** A copy with other modalities. */
  public Sample withModalities(List<Modality> newModalities) {
    return new Sample(id, source, caseId, text, images, newModalities, anatomy, diagnoses, licence,
        provenance, attributes, scores);
  }

  /** A copy with one more score (replacing one of the same name). */
  public Sample withScore(String name, double value) {
    Map<String, Double> s = new TreeMap<>(scores);
    s.put(name, value);
    return new Sample(id, source, caseId, text, images, modalities, anatomy, diagnoses, licence,
        provenance, attributes, s);
  }

  /** A copy with one more attribute (replacing one of the same name). */
  public Sample withAttribute(String name, String value) {
    Map<String, String> a = new TreeMap<>(attributes);
    a.put(name, value);
    return new Sample(id, source, caseId, text, images, modalities, anatomy, diagnoses, licence,
        provenance, a, scores);
  }

  /** True when any image is a 3D volume. */
  public boolean hasVolume() {
    return images.stream().anyMatch(i -> i.kind() == ImageKind.VOLUME_3D);
  }
}
