package org.radmd.filters.score;

import java.util.List;
import java.util.Map;
import org.radmd.core.Sample;

/**
 * A model that scores samples, e.g. RadFM (radfm-model, through DJL): image-text consistency as the mean token
 * log-likelihood of the text given the images ({@value #IMAGE_TEXT_LOGLIK}, nats per token, at most 0) and the
 * model's answer to the modality question ({@value #MODALITY_ANSWER_RADIOLOGY}: 1 when it names a radiology
 * modality, else 0). Scores are stored on every sample ({@link Sample#scores()}) and compared with the
 * thresholds of the {@code model-scores} rule ({@link ScoreThresholds}).
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #score} takes a batch (at most the configured batch size; any size from 1 works) and returns
 *       one map per sample, in batch order, of score name to value. A sample the model cannot score (no
 *       readable image, text too long) gets an empty map, never an exception; an exception means the scorer
 *       itself failed (e.g. the model could not be loaded) and stops the step.
 *   <li>Thread safety: one instance may be called from several threads at once unless {@link #threadSafe()}
 *       is false, in which case callers serialise calls (a model holding one GPU context usually is not).
 *   <li>{@link #close()} frees the model (native memory, GPU); calls after it throw {@link IllegalStateException}.
 * </ul>
 *
 * <p>Implementations are created by name through {@link ScorerFactory}, so that they need not be
 * {@link java.io.Serializable}: a Beam worker creates its own in {@code @Setup}.
 */
public interface SampleScorer extends AutoCloseable {
  /** Score name: mean token log-likelihood of the sample's text given its images, nats per token. */
  String IMAGE_TEXT_LOGLIK = "image_text_loglik";
  /** Score name: 1 when the model's answer to the modality question names a radiology modality, else 0. */
  String MODALITY_ANSWER_RADIOLOGY = "modality_answer_radiology";

  /** Short stable name, e.g. {@code "radfm"}; stored as attribute {@code radmd_scorer}. */
  String name();

  /**
   * Scores a batch.
   *
   * @param batch samples (images resolvable by the scorer)
   * @return one map per sample, same order and size as {@code batch}, never null
   */
  List<Map<String, Double>> score(List<Sample> batch);

  /**
   * Applies the {@code model-scores} rule's scalar parameters (as text, e.g. {@code model}), once, right after
   * construction by {@link ScorerFactory}; the default ignores them.
   *
   * @throws IllegalArgumentException if a required parameter is missing or invalid
   */
  default void configure(Map<String, String> params) {
  }

  /** Whether {@link #score} may be called concurrently; default true. */
  default boolean threadSafe() {
    return true;
  }

  /** Frees the model. */
  @Override
  void close();
}
