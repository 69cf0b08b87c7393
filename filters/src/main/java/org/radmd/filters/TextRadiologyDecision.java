package org.radmd.filters;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.radmd.core.Modality;
import org.radmd.core.SampleText;

/**
 * Decides from text alone whether a sample's images are radiology, caption first.
 *
 * <p>A figure's caption describes that figure; inline sentences, findings and titles also talk about other
 * images and the clinical story. So, in order, the first step that reaches a verdict decides:
 * <ol>
 *   <li><b>caption, strong</b>: modality terms ({@link ModalityLexicon}, M mentions) against non-radiology
 *       cues ({@link ModalityLexicon} cues plus {@link ContextLexicon#captionCues caption-only cues} such as
 *       "colonoscopy", N mentions). M &gt; N: radiology; N &ge; M &gt; 0 or N &gt; 0 = M: not radiology
 *       A caption that names both and two or more panels ({@link CaptionPanels}) is a mixed figure: not
 *       radiology (basis {@code caption-mixed-panels}; MedICaT labels such figures non-radiology). On a tie in
 *       a single-panel caption the first mention decides, since captions open with what the image is.
 *   <li><b>caption, weak</b>: radiology context words (R) against laboratory / chart / camera words (S) of
 *       {@link ContextLexicon}: R &ge; {@code minContextWords} and R &gt; {@code contextRatio} &times; S: radiology;
 *       S &gt; 0 otherwise: not radiology.
 *   <li><b>other text, strong</b>: the {@link ModalityEvidence} of inline sentences, findings, title and
 *       impression joined ({@link ModalityEvidence#isRadiology()} / {@link ModalityEvidence#isNonRadiology()}).
 *   <li>otherwise undetermined (the caller may consult image statistics).
 * </ol>
 *
 * <p>Immutable, thread-safe and {@link Serializable}.
 */
public final class TextRadiologyDecision implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The three outcomes. */
  public enum Verdict { RADIOLOGY, NON_RADIOLOGY, UNDETERMINED }

  /**
   * A text verdict.
   *
   * @param verdict the outcome
   * @param basis which step decided: {@code caption-modality}, {@code caption-context}, {@code text-modality},
   *     {@code caption-mixed-panels}, or {@code none}
   * @param modalities the modalities the deciding text names (caption first, then the other text), distinct
   * @param modalityMentions M of the deciding step (0 for context steps)
   * @param nonRadiologyMentions N of the deciding step
   * @param radiologyContext R, radiology context words in the caption
   * @param nonRadiologyContext S, non-radiology context words in the caption
   * @param terms the deciding words as written (at most 8), for the reject message
   */
  public record Result(Verdict verdict, String basis, List<Modality> modalities, int modalityMentions,
      int nonRadiologyMentions, int radiologyContext, int nonRadiologyContext, List<String> terms)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    public Result {
      Objects.requireNonNull(verdict, "verdict");
      Objects.requireNonNull(basis, "basis");
      modalities = List.copyOf(modalities);
      terms = List.copyOf(terms.subList(0, Math.min(8, terms.size())));
    }
  }

  private final ModalityClassifier classifier;
  private final ContextLexicon context;
  private final int minContextWords;
  private final double contextRatio;

  /**
   * @param classifier strong modality lexicon
   * @param context weak context lexicon
   * @param minContextWords R needed in step 2, at least 1
   * @param contextRatio R must exceed this multiple of S in step 2, at least 0
   * @throws IllegalArgumentException for out-of-range parameters
   */
  public TextRadiologyDecision(ModalityClassifier classifier, ContextLexicon context, int minContextWords,
      double contextRatio) {
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.context = Objects.requireNonNull(context, "context");
    if (minContextWords < 1 || !(contextRatio >= 0)) {
      throw new IllegalArgumentException("minContextWords must be >= 1 and contextRatio >= 0: "
          + minContextWords + ", " + contextRatio);
    }
    this.minContextWords = minContextWords;
    this.contextRatio = contextRatio;
  }

  /** Default lexicons, {@code minContextWords} 1, {@code contextRatio} 2. */
  public static TextRadiologyDecision defaults() {
    return new TextRadiologyDecision(ModalityClassifier.defaults(), ContextLexicon.defaults(), 1, 2.0);
  }

  /** The modality classifier this decision uses. */
  public ModalityClassifier classifier() {
    return classifier;
  }

  /** The verdict on {@code text} (caption from {@link SampleText#caption()}). */
  public Result decide(SampleText text) {
    return decide(text.caption(), RadiologyFilter.otherText(text));
  }

  /**
   * The verdict on a caption and the sample's other text.
   *
   * @param caption the figure caption, or null
   * @param otherText inline sentences, findings, title and impression, or null
   */
  public Result decide(String caption, String otherText) {
    ModalityEvidence other = classifier.classify(otherText);
    if (caption != null && !caption.isBlank()) {
      ModalityEvidence cap = classifier.classify(caption);
      List<String> capCues = context.captionCues(caption);
      int m = cap.matchedTerms().size();
      int n = cap.nonRadiologyTerms().size() + capCues.size();
      List<String> rWords = context.radiologyWords(caption);
      List<String> sWords = context.nonRadiologyWords(caption);
      int r = rWords.size();
      int s = sWords.size();
      if (m > 0 || n > 0) {
        List<String> terms = new ArrayList<>(cap.matchedTerms());
        terms.addAll(cap.nonRadiologyTerms());
        terms.addAll(capCues);
        if (m > 0 && n > 0 && CaptionPanels.count(caption) >= 2) {
          return new Result(Verdict.NON_RADIOLOGY, "caption-mixed-panels", union(cap, other), m, n, r, s, terms);
        }
        Verdict v = m > n || (m == n && firstIsModality(cap, capCues, caption)) ? Verdict.RADIOLOGY
            : Verdict.NON_RADIOLOGY;
        return new Result(v, "caption-modality", union(cap, other), m, n, r, s, terms);
      }
      if (r >= minContextWords && r > contextRatio * s) {
        return new Result(Verdict.RADIOLOGY, "caption-context", other.modalities(), 0, 0, r, s, rWords);
      }
      if (s > 0) {
        return new Result(Verdict.NON_RADIOLOGY, "caption-context", other.modalities(), 0, 0, r, s, sWords);
      }
    }
    int m = other.matchedTerms().size();
    int n = other.nonRadiologyTerms().size();
    List<String> terms = new ArrayList<>(other.matchedTerms());
    terms.addAll(other.nonRadiologyTerms());
    if (other.isRadiology()) {
      return new Result(Verdict.RADIOLOGY, "text-modality", other.modalities(), m, n, 0, 0, terms);
    }
    if (other.isNonRadiology()) {
      return new Result(Verdict.NON_RADIOLOGY, "text-modality", other.modalities(), m, n, 0, 0, terms);
    }
    return new Result(Verdict.UNDETERMINED, "none", other.modalities(), m, n, 0, 0, terms);
  }

  /**
   * Whether the first strong term of the caption is a modality term: captions open with what the image is
   * ("MRI revealing a lesion ... Histopathological examination showed ..."), so on a tie the first mention wins.
   */
  private static boolean firstIsModality(ModalityEvidence cap, List<String> capCues, String caption) {
    int firstModality = firstIndex(caption, cap.matchedTerms());
    List<String> cues = new ArrayList<>(cap.nonRadiologyTerms());
    cues.addAll(capCues);
    int firstCue = firstIndex(caption, cues);
    return firstModality < firstCue;
  }

  private static int firstIndex(String text, List<String> terms) {
    int best = Integer.MAX_VALUE;
    for (String t : terms) {
      int i = text.indexOf(t);
      if (i >= 0 && i < best) {
        best = i;
      }
    }
    return best;
  }

  private static List<Modality> union(ModalityEvidence first, ModalityEvidence then) {
    List<Modality> out = new ArrayList<>(first.modalities());
    for (Modality mo : then.modalities()) {
      if (!out.contains(mo)) {
        out.add(mo);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "TextRadiologyDecision[minContextWords=" + minContextWords + ", contextRatio=" + contextRatio + "]";
  }
}
