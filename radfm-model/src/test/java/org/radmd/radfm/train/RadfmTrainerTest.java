package org.radmd.radfm.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.radfm.GenerationOptions;
import org.radmd.radfm.ImageTokenLayout;
import org.radmd.radfm.model.ImageVolume;
import org.radmd.radfm.model.ModelBatch;
import org.radmd.radfm.model.ModelFiles;
import org.radmd.radfm.model.RadfmConfig;
import org.radmd.radfm.model.RadfmGenerator;
import org.radmd.radfm.model.RadfmModel;

class RadfmTrainerTest {

  /** BOS, image blocks, question tokens | answer tokens, EOS; labels = answer + EOS (radfm-spec §1.7). */
  static RadfmTrainer.Example example(long[] question, long[] answer, List<ImageVolume> images) {
    List<Long> ids = new ArrayList<>();
    ids.add(1L);
    for (int i = 0; i < images.size(); i++) {
      ids.add(32000L);
      for (int k = 0; k < 32; k++) {
        ids.add((long) ImageTokenLayout.latentId(i, k));
      }
      ids.add(32001L);
    }
    for (long q : question) {
      ids.add(q);
    }
    int promptLength = ids.size();
    for (long a : answer) {
      ids.add(a);
    }
    ids.add(2L);
    long[] x = ids.stream().mapToLong(Long::longValue).toArray();
    long[] labels = new long[x.length];
    Arrays.fill(labels, ModelBatch.IGNORE);
    System.arraycopy(x, promptLength, labels, promptLength, x.length - promptLength);
    return new RadfmTrainer.Example(x, labels, images);
  }

  static ImageVolume image(int h, int d, long seed) {
    Random r = new Random(seed);
    float[] v = new float[3 * h * h * d];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextFloat();
    }
    return new ImageVolume(v, 3, h, h, d);
  }

  /** 2 samples with a 2D image, 1 text-only, 1 with a 3D volume: 2D and 3D are batched apart. */
  static List<RadfmTrainer.Example> data() {
    return List.of(
        example(new long[] {450, 451, 452}, new long[] {1000, 1001, 1002}, List.of(image(32, 1, 1))),
        example(new long[] {460, 461, 462}, new long[] {2000, 2001}, List.of(image(32, 1, 2))),
        example(new long[] {470, 471}, new long[] {3000, 3001, 3002, 3003}, List.of()),
        example(new long[] {480, 481, 482}, new long[] {4000, 4001}, List.of(image(64, 8, 3))));
  }

  static RadfmTrainer.Options options(int steps, int checkpointEvery) {
    return new RadfmTrainer.Options(steps, 2, 1, 1, 3e-3, 0.0, 1.0, checkpointEvery, 10, 5, 32);
  }

  @Test
  void lossFallsByHalfAndGreedyReproducesATrainingAnswer(@TempDir Path out) throws Exception {
    List<RadfmTrainer.Example> data = data();
    try (RadfmModel model = RadfmModel.initialize(RadfmConfig.tiny(), Device.cpu(), DataType.FLOAT32, 3)) {
      RadfmTrainer trainer = new RadfmTrainer(model, RadfmTrainer.of(data), options(48, 0), out);
      List<String> log = new ArrayList<>();
      trainer.setLog(log::add);
      RadfmTrainer.Result r = trainer.train(Integer.MAX_VALUE);
      assertEquals(48, r.step());
      double first = r.losses().subList(0, 3).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      double last = r.losses().subList(44, 48).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      assertTrue(last <= first / 2, "loss " + first + " -> " + last + ": " + r.losses());
      assertTrue(log.get(0).matches("step 10/48 loss \\d+\\.\\d{4} lr 3\\.00e-03 tokens/s \\d+"), log.get(0));
      assertTrue(Files.isRegularFile(out.resolve("model.safetensors")));
      // greedy decoding of the first training prompt gives its answer, then EOS
      RadfmTrainer.Example e = data.get(0);
      long[] prompt = Arrays.copyOf(e.ids(), e.ids().length - 4);
      try (NDScope scope = new NDScope()) {
        List<NDArray> images = new ArrayList<>();
        images.add(ImageVolume.stack(model.manager(), e.images(), 32, 4));
        List<long[]> gen = new RadfmGenerator(model).generate(new ModelBatch(List.of(prompt), null, images),
            GenerationOptions.greedy(6));
        assertArrayEquals(new long[] {1000, 1001, 1002}, gen.get(0));
        scope.suppressNotUsedWarning();
      }
      trainer.closeOptimizer();
    }
  }

  @Test
  void resumeFromCheckpointEqualsUninterruptedTraining(@TempDir Path dir) throws Exception {
    List<RadfmTrainer.Example> data = data();
    float[] straight;
    try (RadfmModel model = RadfmModel.initialize(RadfmConfig.tiny(), Device.cpu(), DataType.FLOAT32, 9)) {
      RadfmTrainer t = new RadfmTrainer(model, RadfmTrainer.of(data), options(4, 0), null);
      t.setLog(s -> { });
      t.train(4);
      straight = concat(model);
      t.closeOptimizer();
    }
    Path out = dir.resolve("run");
    try (RadfmModel model = RadfmModel.initialize(RadfmConfig.tiny(), Device.cpu(), DataType.FLOAT32, 9)) {
      RadfmTrainer t = new RadfmTrainer(model, RadfmTrainer.of(data), options(4, 2), out);
      t.setLog(s -> { });
      assertEquals(2, t.train(2).step());
      t.closeOptimizer();
    }
    Path ckpt = RadfmTrainer.latestCheckpoint(out);
    assertEquals(out.resolve("checkpoint-2"), ckpt);
    RadfmTrainer resumed = RadfmTrainer.resume(ckpt, RadfmTrainer.of(data), options(4, 2), out, Device.cpu(),
        DataType.FLOAT32);
    resumed.setLog(s -> { });
    try (RadfmModel model = resumed.model()) {
      assertEquals(2, resumed.step());
      assertEquals(4, resumed.train(Integer.MAX_VALUE).step());
      assertArrayEquals(straight, concat(model));
      resumed.closeOptimizer();
    }
    assertEquals(RadfmConfig.tiny(), ModelFiles.readConfig(out));
  }

  @Test
  void unreadableSamplesAreSkippedAndReportedOnce() throws Exception {
    RadfmTrainer.Example good = data().get(2);
    RadfmTrainer.Dataset ds = new RadfmTrainer.Dataset() {
      @Override
      public int size() {
        return 2;
      }

      @Override
      public RadfmTrainer.Example get(int index) {
        if (index == 0) {
          throw new java.io.UncheckedIOException(new java.io.IOException("image.png: no such file"));
        }
        return good;
      }

      @Override
      public boolean isVolume(int index) {
        return false;
      }
    };
    try (RadfmModel model = RadfmModel.initialize(RadfmConfig.tiny(), Device.cpu(), DataType.FLOAT32, 1)) {
      RadfmTrainer t = new RadfmTrainer(model, ds,
          new RadfmTrainer.Options(4, 1, 1, 1, 1e-3, 0, 1.0, 0, 1, 2, 32), null);
      List<String> log = new ArrayList<>();
      t.setLog(log::add);
      RadfmTrainer.Result r = t.train(4);
      assertEquals(4, r.step());
      assertEquals(1, log.stream().filter(l -> l.startsWith("skipping sample 0 (reported once): ")
          && l.contains("no such file")).count(), log.toString());
      long skipped = r.losses().stream().filter(d -> d.isNaN()).count();
      assertEquals(2, skipped, r.losses().toString()); // each epoch holds the bad batch once
      assertEquals(skipped, log.stream().filter(l -> l.endsWith("no usable sample in its batch(es), no update"))
          .count());
      t.closeOptimizer();
    }
  }

  /** A few parameters that every step changes (LLaMA, vision, Perceiver, image tokens). */
  static float[] concat(RadfmModel model) {
    String[] keys = {"lang_model.model.layers.1.mlp.down_proj.weight", "lang_model.lm_head.weight",
        "embedding_layer.vision_encoder.transformer.layers.0.0.fn.to_qkv.weight",
        "embedding_layer.perceiver.latents", "embedding_layer.figure_token_weight", "embedding_layer.fc.bias"};
    List<Float> all = new ArrayList<>();
    for (String k : keys) {
      for (float f : model.parameters().get(k).toFloatArray()) {
        all.add(f);
      }
    }
    float[] out = new float[all.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = all.get(i);
    }
    return out;
  }
}
