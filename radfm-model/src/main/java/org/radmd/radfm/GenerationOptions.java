package org.radmd.radfm;

/**
 * Decoding settings for {@link RadfmBackend#generate}. RadFM's Quick_demo decodes greedily with at most 200 new
 * tokens (radfm-spec §4, "Inference"); {@link #radfmDemo()} returns that. Immutable.
 *
 * @param maxNewTokens the most tokens generated after the prompt (EOS ends earlier), at least 1
 * @param sample false for greedy (arg-max) decoding, true for sampling with {@code temperature} and
 *     {@code topK}
 * @param temperature softmax temperature when sampling, &gt; 0 (ignored when greedy)
 * @param topK sample only among the k most likely tokens, 0 = no limit (ignored when greedy)
 * @param seed seed of the sampling random generator, so that sampled outputs are reproducible
 */
public record GenerationOptions(int maxNewTokens, boolean sample, double temperature, int topK, long seed) {
  /** Quick_demo's setting: max_new_tokens 200, greedy. */
  public static final int DEFAULT_MAX_NEW_TOKENS = 200;

  /** @throws IllegalArgumentException if a value is out of range */
  public GenerationOptions {
    if (maxNewTokens < 1) {
      throw new IllegalArgumentException("maxNewTokens must be >= 1: " + maxNewTokens);
    }
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be finite and > 0: " + temperature);
    }
    if (topK < 0) {
      throw new IllegalArgumentException("topK must be >= 0: " + topK);
    }
  }

  /** Greedy decoding with at most {@code maxNewTokens} new tokens. */
  public static GenerationOptions greedy(int maxNewTokens) {
    return new GenerationOptions(maxNewTokens, false, 1.0, 0, 0L);
  }

  /** Sampling with the given temperature, top-k and seed. */
  public static GenerationOptions sampling(int maxNewTokens, double temperature, int topK, long seed) {
    return new GenerationOptions(maxNewTokens, true, temperature, topK, seed);
  }

  /** RadFM Quick_demo's setting: greedy, 200 new tokens. */
  public static GenerationOptions radfmDemo() {
    return greedy(DEFAULT_MAX_NEW_TOKENS);
  }
}
