package org.radmd.filters;

import java.io.Serializable;
import java.util.List;
import org.radmd.core.Modality;

/**
 * What a text says about the imaging modality, as found by {@link ModalityClassifier}.
 *
 * <p>Decision rule ({@link #isRadiology()}): the text describes a radiology image when it names at least one
 * modality and either has no non-radiology cue, or has more modality mentions than non-radiology mentions.
 * Mentions are counted, not distinct terms, so "Axial CT ... coronal CT ... (H&amp;E inset)" is radiology
 * (2 &gt; 1) and "Photomicrograph, H&amp;E; compare CT" is not (1 &lt; 2); a tie is not radiology, because a
 * figure that is as much histology as imaging should not enter a radiology set on its caption alone.
 *
 * @param modalities modalities named, distinct, in order of first mention
 * @param matchedTerms every modality mention as written in the text, in text order (repeats kept)
 * @param nonRadiologyTerms every non-radiology cue as written in the text, in text order (repeats kept)
 */
public record ModalityEvidence(List<Modality> modalities, List<String> matchedTerms,
    List<String> nonRadiologyTerms) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Evidence of nothing: no modality, no cue. */
  public static final ModalityEvidence NONE = new ModalityEvidence(List.of(), List.of(), List.of());

  public ModalityEvidence {
    modalities = List.copyOf(modalities.stream().distinct().toList());
    matchedTerms = List.copyOf(matchedTerms);
    nonRadiologyTerms = List.copyOf(nonRadiologyTerms);
  }

  /**
   * True when at least one modality is named and there are no non-radiology cues or more modality mentions
   * ({@code matchedTerms.size()}) than non-radiology mentions ({@code nonRadiologyTerms.size()}).
   */
  public boolean isRadiology() {
    return !modalities.isEmpty()
        && (nonRadiologyTerms.isEmpty() || matchedTerms.size() > nonRadiologyTerms.size());
  }

  /** True when the text has non-radiology cues and does not qualify as radiology. */
  public boolean isNonRadiology() {
    return !nonRadiologyTerms.isEmpty() && !isRadiology();
  }
}
