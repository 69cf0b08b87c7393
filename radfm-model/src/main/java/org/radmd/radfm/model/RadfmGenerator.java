package org.radmd.radfm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.radmd.radfm.GenerationOptions;

/**
 * Autoregressive decoding and teacher-forced scoring over a {@link RadfmModel}.
 *
 * <p>Batches of prompts are decoded together with <b>left padding</b> (HF's convention for decoder-only batch
 * generation): prompts are right-aligned, padding keys are masked, RoPE positions count real tokens only, so
 * every prompt's result equals decoding it alone (up to floating-point summation order). A per-layer
 * key/value cache makes each new token cost one position ({@link RadfmModel#prefill}, {@link RadfmModel#decode}).
 * Stops: EOS (id 2, not returned), {@link GenerationOptions#maxNewTokens()}, or the model's maximum sequence
 * length. Greedy = arg-max (RadFM Quick_demo); sampling = softmax(logits / temperature) restricted to the top-k,
 * drawn with a {@link Random} seeded from the options (reproducible). Image tokens cannot be generated
 * (lm_head has 32,000 outputs; radfm-spec §4).
 *
 * <p>Thread safety: stateless; concurrent calls on one model are safe (see {@link RadfmModel}).
 */
public final class RadfmGenerator {
  /** LLaMA EOS id as RadFM forces it (radfm-spec §1.7). */
  public static final long EOS_ID = 2;

  private final RadfmModel model;

  public RadfmGenerator(RadfmModel model) {
    this.model = model;
  }

  /**
   * Generates continuations with the KV cache.
   *
   * @param batch prompts (ids end where the answer starts) with their images; labels ignored
   * @return per prompt the generated ids, EOS excluded
   */
  public List<long[]> generate(ModelBatch batch, GenerationOptions options) {
    int b = batch.size();
    List<List<Long>> out = new ArrayList<>();
    for (int i = 0; i < b; i++) {
      out.add(new ArrayList<>());
    }
    boolean[] done = new boolean[b];
    Random random = new Random(options.seed());
    int budget = Math.min(options.maxNewTokens(), model.config().maxSequence() - batch.maxLength());
    if (budget < 1) {
      throw new IllegalArgumentException("prompt of " + batch.maxLength() + " tokens leaves no room under the "
          + model.config().maxSequence() + "-token limit");
    }
    try (RadfmModel.KvCache cache = model.newCache(b)) {
      long[] next;
      try (NDScope scope = new NDScope()) {
        List<NDArray> visual = model.visualTokensPerSample(batch.images(), false);
        NDArray ids = model.manager().create(batch.leftPaddedIds());
        NDArray logits = model.prefill(ids, batch.leftPaddingMask(), visual, cache);
        next = choose(logits, options, random);
        scope.suppressNotUsedWarning();
      }
      for (int step = 0; step < budget; step++) {
        boolean all = true;
        for (int i = 0; i < b; i++) {
          if (!done[i]) {
            if (next[i] == EOS_ID) {
              done[i] = true;
            } else {
              out.get(i).add(next[i]);
            }
          }
          all &= done[i];
        }
        if (all || step == budget - 1) {
          break;
        }
        try (NDScope scope = new NDScope()) {
          NDArray logits = model.decode(next, cache);
          next = choose(logits, options, random);
          scope.suppressNotUsedWarning();
        }
      }
    }
    return toArrays(out);
  }

  /**
   * Reference decoding without a cache: recomputes the full forward for every new token, one prompt at a time.
   * Quadratic; for tests that check {@link #generate} and for debugging.
   */
  public List<long[]> generateWithoutCache(ModelBatch batch, GenerationOptions options) {
    List<List<Long>> out = new ArrayList<>();
    Random random = new Random(options.seed());
    for (int i = 0; i < batch.size(); i++) {
      List<Long> gen = new ArrayList<>();
      long[] seq = batch.ids().get(i);
      int budget = Math.min(options.maxNewTokens(), model.config().maxSequence() - seq.length);
      List<NDArray> visual;
      try (NDScope scope = new NDScope()) {
        visual = model.visualTokensPerSample(java.util.Collections.singletonList(batch.images().get(i)), false);
        visual.forEach(v -> {
          if (v != null) {
            NDScope.unregister(v);
          }
        });
        scope.suppressNotUsedWarning();
      }
      for (int step = 0; step < budget; step++) {
        long tok;
        try (NDScope scope = new NDScope()) {
          NDArray logits = model.logits(model.manager().create(new long[][] {seq}), visual);
          NDArray last = logits.get(new ai.djl.ndarray.index.NDIndex(":, -1, :"));
          tok = choose(last, options, random)[0];
          scope.suppressNotUsedWarning();
        }
        if (tok == EOS_ID) {
          break;
        }
        gen.add(tok);
        seq = Arrays.copyOf(seq, seq.length + 1);
        seq[seq.length - 1] = tok;
      }
      visual.forEach(v -> {
        if (v != null) {
          v.close();
        }
      });
      out.add(gen);
    }
    return toArrays(out);
  }

  /**
   * Teacher-forced scoring: per sample the mean log-likelihood of its labelled tokens (labels != -100), batched
   * with right padding.
   *
   * @param batch ids with labels
   * @return per sample mean natural-log likelihood (NaN if a sample has no labelled token)
   */
  public double[] score(ModelBatch batch) {
    if (batch.labels() == null) {
      throw new IllegalArgumentException("scoring needs labels");
    }
    try (NDScope scope = new NDScope()) {
      List<NDArray> visual = model.visualTokensPerSample(batch.images(), false);
      NDArray logits = model.logits(model.manager().create(batch.rightPaddedIds()), visual);
      scope.suppressNotUsedWarning();
      return LanguageModelLoss.meanLogLikelihood(logits, batch.rightPaddedLabels());
    }
  }

  /** Picks the next token per row of FLOAT32 logits [B, V]. */
  static long[] choose(NDArray logits, GenerationOptions options, Random random) {
    int b = (int) logits.getShape().get(0);
    int v = (int) logits.getShape().get(1);
    float[] all = logits.toFloatArray();
    long[] next = new long[b];
    for (int i = 0; i < b; i++) {
      float[] row = Arrays.copyOfRange(all, i * v, (i + 1) * v);
      next[i] = options.sample() ? sample(row, options.temperature(), options.topK(), random) : argMax(row);
    }
    return next;
  }

  static int argMax(float[] row) {
    int best = 0;
    for (int j = 1; j < row.length; j++) {
      if (row[j] > row[best]) {
        best = j;
      }
    }
    return best;
  }

  /** Samples from softmax(row / temperature) over the topK largest entries (all when topK = 0). */
  static int sample(float[] row, double temperature, int topK, Random random) {
    Integer[] order = new Integer[row.length];
    for (int j = 0; j < row.length; j++) {
      order[j] = j;
    }
    int k = topK <= 0 || topK > row.length ? row.length : topK;
    Arrays.sort(order, (a, c) -> Float.compare(row[c], row[a]));
    double max = row[order[0]] / temperature;
    double[] w = new double[k];
    double total = 0;
    for (int j = 0; j < k; j++) {
      w[j] = Math.exp(row[order[j]] / temperature - max);
      total += w[j];
    }
    double r = random.nextDouble() * total;
    for (int j = 0; j < k; j++) {
      r -= w[j];
      if (r <= 0) {
        return order[j];
      }
    }
    return order[k - 1];
  }

  private static List<long[]> toArrays(List<List<Long>> out) {
    List<long[]> r = new ArrayList<>();
    for (List<Long> l : out) {
      r.add(l.stream().mapToLong(Long::longValue).toArray());
    }
    return r;
  }
}
