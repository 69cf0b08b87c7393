package org.radmd.filters;

import java.io.Serializable;
import java.util.Objects;
import org.radmd.core.Modality;

/**
 * One entry of the modality lexicon ({@link ModalityLexicon}).
 *
 * @param modality the modality the term names, or null for a non-radiology cue (histology, charts, camera
 *     images)
 * @param regex the term as a Java regular expression; it is matched only as a whole word (not preceded or
 *     followed by a letter or digit), so {@code "CT"} never matches inside {@code "CTO"} or {@code "dCTP"}
 * @param caseSensitive true when case tells the term from an ordinary word ("MR" vs the title "Mr", "PET" vs
 *     "pet"); otherwise matched case-insensitively
 * @param veto a case-insensitive regular expression searched within {@link #VETO_WINDOW} characters either
 *     side of a match; when found, the match is ignored ("ADC" near "analog-to-digital"); null for none
 * @param reason why the entry is in the lexicon (its source or the false positive it avoids)
 */
public record LexiconTerm(Modality modality, String regex, boolean caseSensitive, String veto, String reason)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Characters of context either side of a match in which {@link #veto} is searched. */
  public static final int VETO_WINDOW = 60;

  public LexiconTerm {
    Objects.requireNonNull(regex, "regex");
    Objects.requireNonNull(reason, "reason");
  }

  /** True for a non-radiology cue (no modality). */
  public boolean isNonRadiologyCue() {
    return modality == null;
  }
}
