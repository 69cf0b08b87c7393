package org.radmd.radfm.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.radmd.radfm.GenerationOptions;
import org.radmd.radfm.ImageTokenLayout;
import org.radmd.radfm.model.ModelBatch;
import org.radmd.radfm.model.ModelFiles;
import org.radmd.radfm.model.RadfmConfig;
import org.radmd.radfm.model.RadfmGenerator;
import org.radmd.radfm.model.RadfmModel;

/**
 * Model throughput on this machine: prefill tokens/s (one 512 x 512 x 4 image + text, vision side included),
 * decode tokens/s (KV cache, batch 1 and 4), scoring samples/s (teacher forcing, batch 4), and save/load time.
 * Usage: {@code ModelBench [tiny|small ...]} (default tiny small). Timings are medians of repeated runs after
 * warm-up; not a unit test.
 */
public final class ModelBench {
  private ModelBench() {}

  public static void main(String[] args) throws Exception {
    List<String> configs = args.length == 0 ? List.of("tiny", "small") : Arrays.asList(args);
    System.out.printf(Locale.ROOT, "threads: torch default, cores %d%n", Runtime.getRuntime().availableProcessors());
    for (String name : configs) {
      run(RadfmConfig.named(name));
    }
  }

  static long[] prompt(int images, int text) {
    List<Long> ids = new ArrayList<>();
    ids.add(1L);
    for (int i = 0; i < images; i++) {
      ids.add(32000L);
      for (int k = 0; k < 32; k++) {
        ids.add((long) ImageTokenLayout.latentId(i, k));
      }
      ids.add(32001L);
    }
    for (int i = 0; i < text; i++) {
      ids.add(300L + i);
    }
    return ids.stream().mapToLong(Long::longValue).toArray();
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  static void run(RadfmConfig c) throws Exception {
    long t0 = System.nanoTime();
    try (RadfmModel model = RadfmModel.initialize(c, Device.cpu(), DataType.FLOAT32, 1)) {
      System.out.printf(Locale.ROOT, "%s: %,d parameters, init %.2f s%n", c.name(), c.parameterCount(),
          (System.nanoTime() - t0) / 1e9);
      NDManager m = model.manager();
      RadfmGenerator gen = new RadfmGenerator(model);
      int reps = 5;
      // vision side alone: one 512x512x4 image
      double[] vis = new double[reps];
      NDArray image = m.randomUniform(0f, 1f, new Shape(1, 3, 512, 512, 4));
      for (int r = -1; r < reps; r++) {
        try (NDScope s = new NDScope()) {
          long a = System.nanoTime();
          model.visualTokens(image, false).toFloatArray();
          if (r >= 0) {
            vis[r] = (System.nanoTime() - a) / 1e9;
          }
          s.suppressNotUsedWarning();
        }
      }
      System.out.printf(Locale.ROOT, "  vision (ViT+Perceiver+fc), 512x512x4 image: %.3f s%n", median(vis));
      // prefill: 1 image + 200 text tokens, 1 new token
      long[] ids = prompt(1, 200);
      List<NDArray> ims = new ArrayList<>();
      ims.add(image);
      ModelBatch one = new ModelBatch(List.of(ids), null, ims);
      double[] pre = new double[reps];
      for (int r = -1; r < reps; r++) {
        long a = System.nanoTime();
        gen.generate(one, GenerationOptions.greedy(1));
        if (r >= 0) {
          pre[r] = (System.nanoTime() - a) / 1e9;
        }
      }
      System.out.printf(Locale.ROOT, "  prefill %d tokens (incl. image): %.3f s = %.0f tokens/s%n", ids.length,
          median(pre), ids.length / median(pre));
      // decode: 64 new tokens at batch 1 and 4 (EOS may stop earlier: count generated tokens)
      for (int b : new int[] {1, 4}) {
        List<long[]> p = new ArrayList<>();
        List<NDArray> im = new ArrayList<>();
        for (int i = 0; i < b; i++) {
          p.add(prompt(0, 20));
          im.add(null);
        }
        ModelBatch batch = new ModelBatch(p, null, im);
        gen.generate(batch, GenerationOptions.greedy(4));
        long a = System.nanoTime();
        List<long[]> out = gen.generate(batch, GenerationOptions.greedy(65));
        double t = (System.nanoTime() - a) / 1e9;
        long tokens = out.stream().mapToLong(x -> x.length).sum();
        double prefill = median(pre) * 21 / ids.length;
        System.out.printf(Locale.ROOT, "  decode batch %d: %d tokens in %.3f s = %.1f tokens/s%n", b, tokens, t,
            tokens / Math.max(t - prefill, 1e-9));
      }
      // scoring: batch of 4 samples, one 512x512x4 image each, 60 text tokens, 20 scored
      List<long[]> sids = new ArrayList<>();
      List<long[]> slab = new ArrayList<>();
      List<NDArray> sim = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        long[] x = prompt(1, 60);
        long[] l = new long[x.length];
        Arrays.fill(l, -100);
        for (int j = x.length - 20; j < x.length; j++) {
          l[j] = x[j];
        }
        sids.add(x);
        slab.add(l);
        sim.add(image);
      }
      ModelBatch sb = new ModelBatch(sids, slab, sim);
      double[] sc = new double[reps];
      for (int r = -1; r < reps; r++) {
        long a = System.nanoTime();
        gen.score(sb);
        if (r >= 0) {
          sc[r] = (System.nanoTime() - a) / 1e9;
        }
      }
      System.out.printf(Locale.ROOT, "  score batch 4 (1 image, %d tokens each): %.3f s = %.2f samples/s%n",
          sids.get(0).length, median(sc), 4 / median(sc));
      Path dir = Files.createTempDirectory("radfm-bench");
      long a = System.nanoTime();
      ModelFiles.save(model, dir);
      double save = (System.nanoTime() - a) / 1e9;
      a = System.nanoTime();
      try (RadfmModel loaded = ModelFiles.load(dir, Device.cpu(), DataType.FLOAT32)) {
        double load = (System.nanoTime() - a) / 1e9;
        System.out.printf(Locale.ROOT, "  save %.2f s, load %.2f s (%,d bytes)%n", save, load,
            Files.size(dir.resolve("model.safetensors")));
      }
      image.close();
    }
  }
}
