package org.radmd.radfm.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.radfm.GenerationOptions;

class InferenceTest {
  static RadfmModel model;

  @BeforeAll
  static void init() {
    model = RadfmModel.initialize(RadfmConfig.tiny(), Device.cpu(), DataType.FLOAT32, 11);
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void saveLoadRoundTripGivesIdenticalLogits(@TempDir Path dir) throws Exception {
    try (NDScope scope = new NDScope()) {
      NDManager m = model.manager();
      long[][] ids = {RadfmModelTest.idsWithImages(1, 6)};
      List<NDArray> im = List.of(RadfmModelTest.images(m, 1, 32, 4, 9));
      float[] before = model.logits(m.create(ids), model.visualTokensPerSample(im, false)).toFloatArray();
      ModelFiles.save(model, dir);
      try (RadfmModel loaded = ModelFiles.load(dir, Device.cpu(), DataType.FLOAT32)) {
        assertEquals(model.config(), loaded.config());
        float[] after = loaded.logits(m.create(ids), loaded.visualTokensPerSample(im, false)).toFloatArray();
        assertArrayEquals(before, after);
      }
      scope.suppressNotUsedWarning();
    }
  }

  @Test
  void loadSkipsDeadKeysAndRejectsBadOnes(@TempDir Path dir) throws Exception {
    try (NDScope scope = new NDScope()) {
      NDManager m = model.manager();
      Map<String, NDArray> t = new LinkedHashMap<>(model.parameters());
      t.put("embedding_layer.bert_model.embeddings.word_embeddings.weight", m.zeros(new Shape(4, 2)));
      t.put("embedding_layer.cls_head.weight", m.zeros(new Shape(1, 96)));
      t.put("lang_model.model.layers.0.self_attn.rotary_emb.inv_freq", m.zeros(new Shape(16)));
      // RadFM's tied duplicate instead of embed_tokens
      t.put("embedding_layer.weight", t.remove("lang_model.model.embed_tokens.weight"));
      Path f = dir.resolve("radfm.safetensors");
      SafeTensors.write(f, t, Map.of());
      try (RadfmModel loaded = RadfmWeights.load(f, RadfmConfig.tiny(), Device.cpu(), DataType.FLOAT32)) {
        assertArrayEquals(model.parameters().get("lang_model.model.embed_tokens.weight").toFloatArray(),
            loaded.parameters().get("lang_model.model.embed_tokens.weight").toFloatArray());
      }
      Map<String, NDArray> missing = new LinkedHashMap<>(model.parameters());
      missing.remove("lang_model.model.norm.weight");
      SafeTensors.write(dir.resolve("missing.safetensors"), missing, Map.of());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RadfmWeights.load(
          dir.resolve("missing.safetensors"), RadfmConfig.tiny(), Device.cpu(), DataType.FLOAT32));
      assertTrue(e.getMessage().contains("lang_model.model.norm.weight"), e.getMessage());
      Map<String, NDArray> shaped = new LinkedHashMap<>(model.parameters());
      shaped.put("embedding_layer.fc.bias", m.zeros(new Shape(7)));
      SafeTensors.write(dir.resolve("shape.safetensors"), shaped, Map.of());
      e = assertThrows(IllegalArgumentException.class, () -> RadfmWeights.load(
          dir.resolve("shape.safetensors"), RadfmConfig.tiny(), Device.cpu(), DataType.FLOAT32));
      assertTrue(e.getMessage().contains("embedding_layer.fc.bias") && e.getMessage().contains("[7]"),
          e.getMessage());
      scope.suppressNotUsedWarning();
    }
  }

  @Test
  void bf16SafetensorsLoadAsFloat32(@TempDir Path dir) throws Exception {
    // hand-written file: 2x2 BF16 tensor {1.5, -2.25, 3, 0.125}: bf16 = top 16 bits of the float32
    float[] values = {1.5f, -2.25f, 3f, 0.125f};
    byte[] header = "{\"x\":{\"dtype\":\"BF16\",\"shape\":[2,2],\"data_offsets\":[0,8]}}"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + header.length + 8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.putLong(header.length).put(header);
    for (float v : values) {
      b.putShort((short) (Float.floatToIntBits(v) >>> 16));
    }
    Files.write(dir.resolve("x.safetensors"), b.array());
    try (NDScope scope = new NDScope();
        SafeTensors.Reader r = SafeTensors.open(dir.resolve("x.safetensors"))) {
      assertEquals("BF16", r.entries().get("x").dtype());
      NDArray f32 = r.read(model.manager(), "x", DataType.FLOAT32);
      assertEquals(new Shape(2, 2), f32.getShape());
      assertArrayEquals(values, f32.toFloatArray());
      NDArray f16 = r.read(model.manager(), "x", DataType.FLOAT16);
      assertEquals(DataType.FLOAT16, f16.getDataType());
      assertArrayEquals(values, f16.toType(DataType.FLOAT32, false).toFloatArray());
      scope.suppressNotUsedWarning();
    }
  }

  @Test
  void lossMaskHandChecked() {
    try (NDScope scope = new NDScope()) {
      NDManager m = model.manager();
      // logits over 4 positions; vocabulary of 3 for hand arithmetic
      float[] l = {
          0, 0, 0, // t0 predicts label at t1 (ignored)
          Float.NaN, 0, 0, // t1 predicts t2 = 1: log softmax(ln1, ln2, ln1)... replaced below
          0, 0, 0,
          9, 9, 9}; // t3: last position, never used
      l[3] = (float) Math.log(1);
      l[4] = (float) Math.log(2);
      l[5] = (float) Math.log(1);
      l[6] = (float) Math.log(3);
      l[7] = (float) Math.log(1);
      l[8] = 0f;
      NDArray logits = m.create(l, new Shape(1, 4, 3));
      long[][] labels = {{-100, -100, 1, 0}};
      // positions: t1 -> label 1 with p = 2/4; t2 -> label 0 with p = 3/5
      double expected = -(Math.log(0.5) + Math.log(0.6)) / 2;
      assertEquals(expected, LanguageModelLoss.loss(logits, labels).getFloat(), 1e-6);
      assertEquals(-expected, LanguageModelLoss.meanLogLikelihood(logits, labels)[0], 1e-6);
      assertEquals(2, LanguageModelLoss.labelledTokens(labels));
      assertThrows(IllegalArgumentException.class,
          () -> LanguageModelLoss.loss(logits, new long[][] {{5, -100, -100, -100}}));
      scope.suppressNotUsedWarning();
    }
  }

  @Test
  void kvCacheGenerationEqualsNoCacheGreedyAndBatchEqualsSingle() {
    try (NDScope scope = new NDScope()) {
      NDManager m = model.manager();
      RadfmGenerator gen = new RadfmGenerator(model);
      long[] a = RadfmModelTest.idsWithImages(1, 3);
      long[] b = Arrays.copyOf(RadfmModelTest.idsWithImages(0, 9), 7);
      List<NDArray> im = new ArrayList<>();
      im.add(RadfmModelTest.images(m, 1, 32, 4, 21));
      im.add(null);
      ModelBatch batch = new ModelBatch(List.of(a, b), null, im);
      GenerationOptions greedy = GenerationOptions.greedy(8);
      List<long[]> cached = gen.generate(batch, greedy);
      List<long[]> plain = gen.generateWithoutCache(batch, greedy);
      assertEquals(2, cached.size());
      for (int i = 0; i < 2; i++) {
        assertTrue(cached.get(i).length <= 8);
        assertArrayEquals(plain.get(i), cached.get(i), "prompt " + i);
      }
      // the comparison is not vacuous: this seed's random model emits several tokens before any EOS
      assertTrue(cached.get(0).length + cached.get(1).length >= 4, "generated " + cached.get(0).length + " + "
          + cached.get(1).length + " tokens");
      // the left-padded batch equals each prompt alone
      List<NDArray> single = new ArrayList<>();
      single.add(null);
      assertArrayEquals(cached.get(1), gen.generate(new ModelBatch(List.of(b), null, single), greedy).get(0));
      // sampling is reproducible for a seed and stays in the text vocabulary
      GenerationOptions s = GenerationOptions.sampling(6, 0.8, 5, 42);
      List<long[]> s1 = gen.generate(batch, s);
      assertArrayEquals(s1.get(0), gen.generate(batch, s).get(0));
      for (long t : s1.get(0)) {
        assertTrue(t >= 0 && t < 32000);
      }
      scope.suppressNotUsedWarning();
    }
  }

  @Test
  void scoreEqualsLossOfEachSample() {
    try (NDScope scope = new NDScope()) {
      NDManager m = model.manager();
      long[] a = RadfmModelTest.idsWithImages(1, 5);
      long[] la = new long[a.length];
      Arrays.fill(la, -100);
      la[a.length - 2] = a[a.length - 2];
      la[a.length - 1] = a[a.length - 1];
      long[] b = {1, 50, 60, 70};
      long[] lb = {-100, -100, 60, 70};
      List<NDArray> im = new ArrayList<>();
      im.add(RadfmModelTest.images(m, 1, 32, 4, 3));
      im.add(null);
      double[] batch = new RadfmGenerator(model).score(new ModelBatch(List.of(a, b), List.of(la, lb), im));
      for (int i = 0; i < 2; i++) {
        long[] ids = i == 0 ? a : b;
        long[] lab = i == 0 ? la : lb;
        List<NDArray> one = new ArrayList<>();
        one.add(im.get(i));
        NDArray logits = model.logits(m.create(new long[][] {ids}), model.visualTokensPerSample(one, false));
        double loss = LanguageModelLoss.loss(logits, new long[][] {lab}).getFloat();
        assertEquals(-loss, batch[i], 1e-4);
        assertTrue(batch[i] < 0);
      }
      scope.suppressNotUsedWarning();
    }
  }
}
