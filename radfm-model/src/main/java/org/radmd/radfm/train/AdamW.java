package org.radmd.radfm.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.radmd.radfm.model.SafeTensors;

/**
 * AdamW (Loshchilov &amp; Hutter 2019, decoupled weight decay) with PyTorch {@code torch.optim.AdamW}'s update
 * order: p -= lr * wd * p; m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2; p -= lr * (m / (1 - b1^t)) /
 * (sqrt(v / (1 - b2^t)) + eps). A parameter without a gradient in a step is left untouched (as PyTorch skips
 * params whose grad is None). Moments are FLOAT32 whatever the parameter type. Not thread-safe.
 */
public final class AdamW {
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final NDManager manager;
  private final Map<String, NDArray> m = new LinkedHashMap<>();
  private final Map<String, NDArray> v = new LinkedHashMap<>();
  private final Map<String, Long> steps = new LinkedHashMap<>();

  /**
   * @param manager owns the moment arrays (same device as the parameters)
   */
  public AdamW(NDManager manager, double beta1, double beta2, double eps, double weightDecay) {
    this.manager = manager;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
  }

  /**
   * One update of every parameter that has a gradient; the gradients are left as they are (zero them with
   * {@link #zeroGradients}).
   */
  public void step(Map<String, NDArray> params, double lr) {
    for (Map.Entry<String, NDArray> e : params.entrySet()) {
      NDArray p = e.getValue();
      try (NDScope scope = new NDScope()) {
        NDArray g = gradient(p);
        if (g == null) {
          continue;
        }
        String k = e.getKey();
        NDArray gf = g.toType(DataType.FLOAT32, false);
        NDArray mk = m.computeIfAbsent(k, x -> keep(manager.zeros(p.getShape(), DataType.FLOAT32)));
        NDArray vk = v.computeIfAbsent(k, x -> keep(manager.zeros(p.getShape(), DataType.FLOAT32)));
        long t = steps.merge(k, 1L, Long::sum);
        if (weightDecay != 0) {
          p.subi(p.mul(lr * weightDecay));
        }
        mk.muli(beta1).addi(gf.mul(1 - beta1));
        vk.muli(beta2).addi(gf.square().mul(1 - beta2));
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        NDArray update = mk.div(c1).div(vk.div(c2).sqrt().add(eps)).mul(lr);
        p.subi(update.toType(p.getDataType(), false));
        scope.suppressNotUsedWarning();
      }
    }
  }

  private static NDArray keep(NDArray a) {
    NDScope.unregister(a);
    return a;
  }

  /** The gradient of {@code p}, or null when it has none (not used in the forward pass). */
  static NDArray gradient(NDArray p) {
    try {
      if (!p.hasGradient()) {
        return null;
      }
      NDArray g = p.getGradient();
      return g == null || g.isEmpty() ? null : g;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Sets every existing gradient to zero. */
  public static void zeroGradients(Map<String, NDArray> params) {
    for (NDArray p : params.values()) {
      try (NDScope scope = new NDScope()) {
        NDArray g = gradient(p);
        if (g != null) {
          g.muli(0);
          g.set(g.isNaN(), 0); // NaN * 0 stays NaN: clear it so one bad batch cannot poison later steps
        }
        scope.suppressNotUsedWarning();
      }
    }
  }

  /** Global L2 norm of all gradients. */
  public static double gradientNorm(Map<String, NDArray> params) {
    double sq = 0;
    for (NDArray p : params.values()) {
      try (NDScope scope = new NDScope()) {
        NDArray g = gradient(p);
        if (g != null) {
          sq += g.toType(DataType.FLOAT32, false).square().sum().getFloat();
        }
        scope.suppressNotUsedWarning();
      }
    }
    return Math.sqrt(sq);
  }

  /** Multiplies every gradient by {@code factor}. */
  public static void scaleGradients(Map<String, NDArray> params, double factor) {
    for (NDArray p : params.values()) {
      try (NDScope scope = new NDScope()) {
        NDArray g = gradient(p);
        if (g != null) {
          g.muli(factor);
        }
        scope.suppressNotUsedWarning();
      }
    }
  }

  /** Writes the moments and per-parameter step counts as safetensors ({@code m.KEY}, {@code v.KEY}). */
  public void save(Path file) throws IOException {
    Map<String, NDArray> all = new LinkedHashMap<>();
    Map<String, String> meta = new LinkedHashMap<>();
    for (String k : m.keySet()) {
      all.put("m." + k, m.get(k));
      all.put("v." + k, v.get(k));
      meta.put("t." + k, Long.toString(steps.get(k)));
    }
    meta.put("beta1", Double.toString(beta1));
    meta.put("beta2", Double.toString(beta2));
    meta.put("eps", Double.toString(eps));
    meta.put("weight_decay", Double.toString(weightDecay));
    SafeTensors.write(file, all, meta);
  }

  /** Replaces the state with that of a file written by {@link #save}. */
  public void load(Path file) throws IOException {
    close();
    try (SafeTensors.Reader r = SafeTensors.open(file)) {
      for (String name : r.entries().keySet()) {
        String k = name.substring(2);
        NDArray a = r.read(manager, name, DataType.FLOAT32);
        (name.startsWith("m.") ? m : v).put(k, a);
      }
      for (Map.Entry<String, String> e : r.metadata().entrySet()) {
        if (e.getKey().startsWith("t.")) {
          steps.put(e.getKey().substring(2), Long.parseLong(e.getValue()));
        }
      }
    }
  }

  /** Frees the moments. */
  public void close() {
    m.values().forEach(NDArray::close);
    v.values().forEach(NDArray::close);
    m.clear();
    v.clear();
    steps.clear();
  }
}
