package org.radmd.radfm;

import java.util.List;

/**
 * A RadFM-architecture model that answers and scores {@link Prompt}s: the seam between the model
 * (org.radmd.radfm.model) and its users (evaluation, the HTTP server, tests with a fake backend).
 *
 * <p>Implementations own their weights and native memory and release them in {@link #close()}. Unless an
 * implementation says otherwise, callers must not call one instance from two threads at once (a DJL Predictor
 * is not thread-safe); the HTTP server serialises calls or keeps one backend per worker.
 */
public interface RadfmBackend extends AutoCloseable {

  /**
   * Generates one answer per prompt.
   *
   * @param prompts questions with their images; {@link Prompt#answer()} is ignored
   * @param options decoding settings
   * @return decoded answers in prompt order, special tokens skipped, without the prompt text
   * @throws java.io.UncheckedIOException if an image cannot be read
   * @throws IllegalArgumentException if a prompt is too long for the model or has too many images
   */
  List<String> generate(List<Prompt> prompts, GenerationOptions options);

  /**
   * Scores reference answers: for each prompt, the mean natural-log likelihood per answer token of
   * {@link Prompt#answer()} given the question and images, by teacher forcing over the RadFM layout of
   * radfm-spec §1.7 (text = question + ' ' + answer; the scored positions are those whose label is not -100:
   * the answer's tokens and the EOS RadFM appends, see {@code org.radmd.radfm.text.TokenSequence}). Higher is
   * better; 0 is certainty.
   *
   * @param prompts prompts whose answer is non-null and yields at least one answer token
   * @return one value per prompt, in order, each &lt;= 0
   * @throws IllegalArgumentException if a prompt has no answer
   * @throws java.io.UncheckedIOException if an image cannot be read
   */
  double[] score(List<Prompt> prompts);

  /** Releases the model; further calls fail. */
  @Override
  void close();
}
