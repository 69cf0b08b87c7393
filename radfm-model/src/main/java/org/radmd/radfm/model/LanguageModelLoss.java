package org.radmd.radfm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;

/**
 * HF's causal-LM loss as RadFM returns it (radfm-spec §4 "Loss"): logits at position t predict the label at t + 1;
 * cross entropy over the 32,000 text logits; labels -100 (question, padding, image tokens; §1.7) are ignored; the
 * loss is the mean over the remaining positions of the whole batch. Stateless and thread-safe.
 */
public final class LanguageModelLoss {
  private LanguageModelLoss() {}

  /** Shifted log-probabilities of the labels and their mask: {[B, T-1] log p, [B, T-1] 0/1 mask}. */
  static NDArray[] pickedLogProbs(NDArray logits, long[][] labels) {
    NDManager m = logits.getManager();
    int b = labels.length;
    int t = labels[0].length;
    if (logits.getShape().get(0) != b || logits.getShape().get(1) != t) {
      throw new IllegalArgumentException("logits " + logits.getShape() + " vs labels [" + b + ", " + t + "]");
    }
    long vocab = logits.getShape().get(2);
    long[] target = new long[b * (t - 1)];
    float[] mask = new float[b * (t - 1)];
    for (int i = 0; i < b; i++) {
      for (int j = 1; j < t; j++) {
        long l = labels[i][j];
        int k = i * (t - 1) + j - 1;
        if (l != ModelBatch.IGNORE) {
          if (l < 0 || l >= vocab) {
            throw new IllegalArgumentException("label " + l + " outside the " + vocab + " text logits");
          }
          target[k] = l;
          mask[k] = 1f;
        }
      }
    }
    NDArray shifted = logits.get(new NDIndex(":, :{}, :", t - 1));
    NDArray logp = (shifted.getDataType() == DataType.FLOAT32 ? shifted : shifted.toType(DataType.FLOAT32, false))
        .logSoftmax(-1);
    NDArray idx = m.create(target, new ai.djl.ndarray.types.Shape(b, t - 1, 1)).toDevice(logits.getDevice(), false);
    NDArray picked = logp.gather(idx, 2).squeeze(2);
    NDArray maskArr = m.create(mask, new ai.djl.ndarray.types.Shape(b, t - 1)).toDevice(logits.getDevice(), false);
    return new NDArray[] {picked, maskArr};
  }

  /**
   * Mean cross entropy over the labelled positions of the batch (a scalar FLOAT32 array, differentiable).
   *
   * @param logits [B, T, V]
   * @param labels [B][T], -100 = ignored
   * @throws IllegalArgumentException if no position is labelled or shapes disagree
   */
  public static NDArray loss(NDArray logits, long[][] labels) {
    NDArray[] pm = pickedLogProbs(logits, labels);
    float count = pm[1].sum().getFloat();
    if (count == 0) {
      throw new IllegalArgumentException("no labelled token in the batch");
    }
    return pm[0].mul(pm[1]).sum().neg().div(count);
  }

  /** Number of labelled (shifted) positions. */
  public static long labelledTokens(long[][] labels) {
    long n = 0;
    for (long[] r : labels) {
      for (int j = 1; j < r.length; j++) {
        n += r[j] != ModelBatch.IGNORE ? 1 : 0;
      }
    }
    return n;
  }

  /**
   * Per sample, the mean natural-log likelihood of its labelled tokens (NaN for a sample with none).
   *
   * @param logits [B, T, V]
   * @param labels [B][T]
   */
  public static double[] meanLogLikelihood(NDArray logits, long[][] labels) {
    NDArray[] pm = pickedLogProbs(logits, labels);
    float[] sum = pm[0].mul(pm[1]).sum(new int[] {1}).toFloatArray();
    float[] cnt = pm[1].sum(new int[] {1}).toFloatArray();
    double[] out = new double[sum.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = cnt[i] == 0 ? Double.NaN : sum[i] / cnt[i];
    }
    return out;
  }
}
