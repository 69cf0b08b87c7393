package org.radmd.radfm.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.radmd.radfm.model.ImageVolume;
import org.radmd.radfm.model.LanguageModelLoss;
import org.radmd.radfm.model.ModelBatch;
import org.radmd.radfm.model.ModelFiles;
import org.radmd.radfm.model.RadfmModel;

/**
 * Trains a {@link RadfmModel} with RadFM's objective (radfm-spec §4 "Loss": shifted cross entropy over the 32,000
 * text logits, labels -100 ignored) and RadFM's batching (radfm-spec §3: 2D and 3D samples never share a batch;
 * defaults 4 per 2D batch and 1 per 3D batch; images nearest-resized to a shared H = W and a depth in {4, ..., 64}
 * nearest to the batch's deepest image; a single-sample 3D batch deeper than 4 uses 256 x 256, RadFM's collator).
 *
 * <p>Optimiser: {@link AdamW} (HF Trainer's adamw_torch defaults: betas 0.9/0.999, eps 1e-8, weight decay 0, global
 * gradient-norm clip 1.0), constant learning rate, gradient accumulation (each micro-batch loss divided by the
 * accumulation count, as HF does).
 *
 * <p>Determinism: the batch order of epoch e is a shuffle seeded by (seed, e), and the engine RNG (dropout) is
 * re-seeded from (seed, micro-batch index) before every micro-batch, so a run resumed from a checkpoint continues
 * exactly as the uninterrupted run would. Checkpoints ({@code OUT/checkpoint-STEP/}): {@code model.safetensors},
 * {@code optimizer.safetensors}, {@code trainer_state.json} (step, seed, options), {@code config.json}.
 *
 * <p>Not thread-safe; it owns the model while training (DJL allows one gradient collector per JVM).
 */
public final class RadfmTrainer {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /** Name of the state file in a checkpoint folder. */
  public static final String STATE_FILE = "trainer_state.json";
  /** Name of the optimiser file in a checkpoint folder. */
  public static final String OPTIMIZER_FILE = "optimizer.safetensors";

  /** One training sample: RadFM token ids, labels (-100 = ignored) and images in token order. */
  public record Example(long[] ids, long[] labels, List<ImageVolume> images) {
    public Example {
      if (ids.length != labels.length) {
        throw new IllegalArgumentException(ids.length + " ids but " + labels.length + " labels");
      }
      images = images == null ? List.of() : List.copyOf(images);
    }

    /** True when an image is 3D (D > 1): RadFM batches those separately. */
    public boolean isVolume() {
      return images.stream().anyMatch(v -> v.depth() > 1);
    }
  }

  /** Random-access training data; {@link #isVolume(int)} must not need the images. */
  public interface Dataset {
    int size();

    /** @throws UncheckedIOException if the sample cannot be loaded */
    Example get(int index);

    boolean isVolume(int index);
  }

  /** An in-memory dataset. */
  public static Dataset of(List<Example> examples) {
    return new Dataset() {
      @Override
      public int size() {
        return examples.size();
      }

      @Override
      public Example get(int index) {
        return examples.get(index);
      }

      @Override
      public boolean isVolume(int index) {
        return examples.get(index).isVolume();
      }
    };
  }

  /**
   * @param steps optimiser steps to reach (total, counting resumed ones)
   * @param batch2d samples per 2D (and text-only) batch (RadFM: 4)
   * @param batch3d samples per 3D batch (RadFM: 1)
   * @param accumulation micro-batches per optimiser step
   * @param learningRate AdamW learning rate
   * @param weightDecay decoupled weight decay (HF default 0)
   * @param maxGradNorm global gradient-norm clip, 0 = off (HF default 1.0)
   * @param checkpointEvery write a checkpoint every N steps, 0 = only at the end
   * @param logEvery progress line every N steps
   * @param seed data order and dropout seed
   * @param imageSize H = W images are resized to (RadFM: 512)
   */
  public record Options(int steps, int batch2d, int batch3d, int accumulation, double learningRate,
      double weightDecay, double maxGradNorm, int checkpointEvery, int logEvery, long seed, int imageSize) {
    public Options {
      if (steps < 0 || batch2d < 1 || batch3d < 1 || accumulation < 1 || !(learningRate > 0) || logEvery < 1
          || checkpointEvery < 0 || imageSize < 32 || imageSize % 32 != 0) {
        throw new IllegalArgumentException("bad training options: " + this);
      }
    }

    /** RadFM-like defaults: batch 4 (2D) / 1 (3D), lr 1e-4, clip 1.0, 512 px images. */
    public static Options defaults(int steps, long seed) {
      return new Options(steps, 4, 1, 1, 1e-4, 0, 1.0, 0, 10, seed, 512);
    }
  }

  /**
   * Result of {@link #train}: final step and the mean loss of each optimiser step run in this call (NaN for a step
   * whose samples could not be loaded; it makes no update).
   */
  public record Result(int step, List<Double> losses) {}

  private final RadfmModel model;
  private final Dataset data;
  private final Options options;
  private final Path out;
  private final AdamW optimizer;
  private final List<int[]> epochBatches;
  private int step;
  private Consumer<String> log = System.out::println;
  private final java.util.Set<Integer> unusable = new java.util.HashSet<>();

  /**
   * @param out folder for checkpoints and the final model, or null for none
   * @throws IllegalArgumentException if the dataset is empty
   */
  public RadfmTrainer(RadfmModel model, Dataset data, Options options, Path out) {
    if (data.size() == 0) {
      throw new IllegalArgumentException("empty training set");
    }
    this.model = model;
    this.data = data;
    this.options = options;
    this.out = out;
    this.optimizer = new AdamW(model.manager(), 0.9, 0.999, 1e-8, options.weightDecay());
    this.epochBatches = groupBatches();
    for (NDArray p : model.parameters().values()) {
      p.setRequiresGradient(true);
    }
  }

  /**
   * Resumes from a checkpoint folder written by this class: loads the model there (on {@code device} in
   * {@code dataType}) and the optimiser state, and continues from its step.
   */
  public static RadfmTrainer resume(Path checkpoint, Dataset data, Options options, Path out,
      ai.djl.Device device, ai.djl.ndarray.types.DataType dataType) throws IOException {
    RadfmModel model = ModelFiles.load(checkpoint, device, dataType);
    RadfmTrainer t = new RadfmTrainer(model, data, options, out);
    t.optimizer.load(checkpoint.resolve(OPTIMIZER_FILE));
    t.step = JSON.readTree(checkpoint.resolve(STATE_FILE).toFile()).get("step").asInt();
    return t;
  }

  /** The newest {@code checkpoint-N} folder under {@code out}, or null. */
  public static Path latestCheckpoint(Path out) throws IOException {
    if (!Files.isDirectory(out)) {
      return null;
    }
    try (Stream<Path> s = Files.list(out)) {
      return s.filter(p -> p.getFileName().toString().matches("checkpoint-\\d+")
              && Files.isRegularFile(p.resolve(STATE_FILE)))
          .max((a, b) -> Integer.compare(stepOf(a), stepOf(b))).orElse(null);
    }
  }

  private static int stepOf(Path p) {
    return Integer.parseInt(p.getFileName().toString().substring("checkpoint-".length()));
  }

  public RadfmModel model() {
    return model;
  }

  public int step() {
    return step;
  }

  /** Where progress lines go (default System.out). */
  public void setLog(Consumer<String> log) {
    this.log = log;
  }

  /** Batches of one epoch in index order before shuffling: 2D/text-only groups, then 3D groups. */
  private List<int[]> groupBatches() {
    List<Integer> flat = new ArrayList<>();
    List<Integer> vol = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      (data.isVolume(i) ? vol : flat).add(i);
    }
    List<int[]> b = new ArrayList<>();
    chunk(flat, options.batch2d(), b);
    chunk(vol, options.batch3d(), b);
    return b;
  }

  private static void chunk(List<Integer> idx, int size, List<int[]> out) {
    for (int i = 0; i < idx.size(); i += size) {
      out.add(idx.subList(i, Math.min(idx.size(), i + size)).stream().mapToInt(Integer::intValue).toArray());
    }
  }

  /**
   * Sample indexes of global micro-batch {@code n}: epoch n / batchesPerEpoch; within an epoch, the samples of
   * each kind are shuffled, regrouped, and the batch order shuffled, all seeded by (seed, epoch).
   */
  int[] microBatch(long n) {
    int per = epochBatches.size();
    long epoch = n / per;
    Random r = new Random(options.seed() * 1_000_003L + epoch);
    List<Integer> flat = new ArrayList<>();
    List<Integer> vol = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      (data.isVolume(i) ? vol : flat).add(i);
    }
    Collections.shuffle(flat, r);
    Collections.shuffle(vol, r);
    List<int[]> b = new ArrayList<>();
    chunk(flat, options.batch2d(), b);
    chunk(vol, options.batch3d(), b);
    Collections.shuffle(b, r);
    return b.get((int) (n % per));
  }

  /** Loads and collates samples: images resized per radfm-spec §3. */
  ModelBatch collate(int[] indexes) {
    List<Example> ex = new ArrayList<>();
    int maxDepth = 1;
    boolean volume = false;
    for (int i : indexes) {
      Example e;
      try {
        e = data.get(i);
      } catch (UncheckedIOException | IllegalArgumentException err) {
        if (unusable.add(i)) {
          log.accept("skipping sample " + i + " (reported once): " + err.getMessage());
        }
        continue;
      }
      ex.add(e);
      for (ImageVolume v : e.images()) {
        maxDepth = Math.max(maxDepth, v.depth());
        volume |= v.depth() > 1;
      }
    }
    int depth = ImageVolume.targetDepth(maxDepth);
    int hw = options.imageSize();
    if (volume && indexes.length == 1 && depth > 4) {
      hw = Math.min(hw, 256);
    }
    if (ex.isEmpty()) {
      return null;
    }
    List<long[]> ids = new ArrayList<>();
    List<long[]> labels = new ArrayList<>();
    List<NDArray> images = new ArrayList<>();
    for (Example e : ex) {
      ids.add(e.ids());
      labels.add(e.labels());
      images.add(e.images().isEmpty() ? null : ImageVolume.stack(model.manager(), e.images(), hw, depth));
    }
    return new ModelBatch(ids, labels, images);
  }

  /**
   * Runs optimiser steps until {@link Options#steps()} (or {@code untilStep} if smaller), writing checkpoints as
   * configured and, at the end, the final model into {@code out}.
   */
  public Result train(int untilStep) throws IOException {
    int target = Math.min(untilStep, options.steps());
    List<Double> losses = new ArrayList<>();
    long windowTokens = 0;
    long windowStart = System.nanoTime();
    double windowLoss = 0;
    int windowSteps = 0;
    while (step < target) {
      double stepLoss = 0;
      int used = 0;
      for (int micro = 0; micro < options.accumulation(); micro++) {
        long n = (long) step * options.accumulation() + micro;
        ModelBatch batch;
        int[] indexes;
        try (NDScope scope = new NDScope()) {
          indexes = microBatch(n);
          batch = collate(indexes);
          if (batch == null) {
            continue;
          }
          Engine.getInstance().setRandomSeed((int) ((options.seed() * 7919L + n) & 0x7fffffff));
          long[][] labels = batch.rightPaddedLabels();
          if (LanguageModelLoss.labelledTokens(labels) == 0) {
            continue;
          }
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            List<NDArray> visual = model.visualTokensPerSample(batch.images(), true);
            NDArray logits = model.logits(model.manager().create(batch.rightPaddedIds()), visual);
            NDArray loss = LanguageModelLoss.loss(logits, labels);
            float value = loss.getFloat();
            if (!Float.isFinite(value)) {
              log.accept("step " + (step + 1) + ": non-finite loss on samples " + Arrays.toString(indexes)
                  + ", micro-batch skipped");
              continue;
            }
            stepLoss += value;
            used++;
            gc.backward(loss.div(options.accumulation()));
          }
          scope.suppressNotUsedWarning();
        }
        windowTokens += batch.tokens();
      }
      Map<String, NDArray> params = model.parameters();
      if (used == 0) {
        log.accept("step " + (step + 1) + ": no usable sample in its batch(es), no update");
        AdamW.zeroGradients(params);
        step++;
        losses.add(Double.NaN);
        if (out != null && options.checkpointEvery() > 0 && step % options.checkpointEvery() == 0) {
          checkpoint(out.resolve("checkpoint-" + step));
        }
        continue;
      }
      stepLoss /= used;
      double norm = AdamW.gradientNorm(params);
      if (!Double.isFinite(norm)) {
        log.accept("step " + (step + 1) + ": non-finite gradient norm, update skipped");
      } else {
        if (options.maxGradNorm() > 0 && norm > options.maxGradNorm()) {
          AdamW.scaleGradients(params, options.maxGradNorm() / (norm + 1e-6));
        }
        optimizer.step(params, options.learningRate());
      }
      AdamW.zeroGradients(params);
      step++;
      losses.add(stepLoss);
      windowLoss += stepLoss;
      windowSteps++;
      if ((step % options.logEvery() == 0 || step == target) && windowSteps > 0) {
        double secs = (System.nanoTime() - windowStart) / 1e9;
        log.accept(String.format(Locale.ROOT, "step %d/%d loss %.4f lr %.2e tokens/s %.0f", step, options.steps(),
            windowLoss / windowSteps, options.learningRate(), windowTokens / Math.max(secs, 1e-9)));
        windowTokens = 0;
        windowLoss = 0;
        windowSteps = 0;
        windowStart = System.nanoTime();
      }
      if (out != null && options.checkpointEvery() > 0 && step % options.checkpointEvery() == 0) {
        checkpoint(out.resolve("checkpoint-" + step));
      }
    }
    if (out != null && step == options.steps()) {
      ModelFiles.save(model, out);
    }
    return new Result(step, losses);
  }

  /** Writes model, optimiser and trainer state into {@code dir}. */
  public void checkpoint(Path dir) throws IOException {
    ModelFiles.save(model, dir);
    optimizer.save(dir.resolve(OPTIMIZER_FILE));
    ObjectNode state = JSON.createObjectNode();
    state.put("step", step);
    state.put("seed", options.seed());
    state.put("config", model.config().name());
    state.set("options", JSON.valueToTree(options));
    JSON.writeValue(dir.resolve(STATE_FILE).toFile(), state);
    log.accept("checkpoint " + dir);
  }

  /** Frees the optimiser state (the model stays with its owner). */
  public void closeOptimizer() {
    optimizer.close();
  }
}
