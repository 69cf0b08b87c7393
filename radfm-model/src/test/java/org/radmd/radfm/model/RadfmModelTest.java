package org.radmd.radfm.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radmd.radfm.ImageTokenLayout;

class RadfmModelTest {
  static RadfmModel model;

  @BeforeAll
  static void init() {
    model = RadfmModel.initialize(RadfmConfig.tiny(), Device.cpu(), DataType.FLOAT32, 7);
  }

  @AfterAll
  static void close() {
    model.close();
  }

  /** BOS, text, one image block for image {@code image}, text. */
  static long[] idsWithImages(int images, int text) {
    List<Long> ids = new ArrayList<>();
    ids.add(1L);
    for (int i = 0; i < images; i++) {
      ids.add((long) ImageTokenLayout.IMAGE_START_ID);
      for (int k = 0; k < 32; k++) {
        ids.add((long) ImageTokenLayout.latentId(i, k));
      }
      ids.add((long) ImageTokenLayout.IMAGE_END_ID);
    }
    for (int i = 0; i < text; i++) {
      ids.add(100L + i);
    }
    return ids.stream().mapToLong(Long::longValue).toArray();
  }

  static NDArray images(NDManager m, int s, int h, int d, long seed) {
    ai.djl.engine.Engine.getInstance().setRandomSeed((int) seed);
    return m.randomUniform(0f, 1f, new Shape(s, 3, h, h, d));
  }

  @Test
  void forwardShapes2dOnly3dOnlyAndTextOnly() {
    try (NDScope scope = new NDScope()) {
      NDManager m = model.manager();
      // 2D batch of 2: each 2 images 64x64 (D=1 repeated to 4)
      long[][] ids = {idsWithImages(2, 5), idsWithImages(2, 5)};
      List<NDArray> im = List.of(images(m, 2, 64, 4, 1), images(m, 2, 64, 4, 2));
      NDArray logits = model.logits(m.create(ids), model.visualTokensPerSample(im, false));
      assertEquals(new Shape(2, ids[0].length, 32000), logits.getShape());
      // 3D batch of 1: 64x64x16 volume
      long[][] ids3 = {idsWithImages(1, 4)};
      NDArray l3 = model.logits(m.create(ids3), model.visualTokensPerSample(List.of(images(m, 1, 64, 16, 3)), false));
      assertEquals(new Shape(1, ids3[0].length, 32000), l3.getShape());
      assertTrue(Float.isFinite(l3.sum().getFloat()));
      // mixed: one sample with an image, one text-only, in one batch (vision side grouped by shape)
      long[] a = idsWithImages(1, 3);
      long[] b = Arrays.copyOf(idsWithImages(0, 30), a.length);
      List<NDArray> mixed = new ArrayList<>();
      mixed.add(images(m, 1, 32, 8, 4));
      mixed.add(null);
      NDArray lm = model.logits(m.create(new long[][] {a, b}), model.visualTokensPerSample(mixed, false));
      assertEquals(new Shape(2, a.length, 32000), lm.getShape());
      scope.suppressNotUsedWarning();
    }
  }

  @Test
  void imageTokenTakesItsVisualToken() {
    try (NDScope scope = new NDScope()) {
      NDManager m = model.manager();
      NDArray im = images(m, 2, 32, 4, 5);
      List<NDArray> visual = model.visualTokensPerSample(List.of(im), false);
      assertEquals(new Shape(64, 64), visual.get(0).getShape());
      long[] ids = {1, 32000, ImageTokenLayout.latentId(0, 0), ImageTokenLayout.latentId(1, 31),
          ImageTokenLayout.latentId(1, 3), 32001, 5};
      NDArray e = model.embed(m.create(new long[][] {ids}), visual).get(0);
      NDArray table = model.parameters().get("lang_model.model.embed_tokens.weight");
      NDArray fig = model.parameters().get("embedding_layer.figure_token_weight");
      assertArrayEquals(table.get(1).toFloatArray(), e.get(0).toFloatArray());
      assertArrayEquals(fig.get(0).toFloatArray(), e.get(1).toFloatArray());
      assertArrayEquals(visual.get(0).get(0).toFloatArray(), e.get(2).toFloatArray());
      assertArrayEquals(visual.get(0).get(63).toFloatArray(), e.get(3).toFloatArray());
      assertArrayEquals(visual.get(0).get(35).toFloatArray(), e.get(4).toFloatArray());
      assertArrayEquals(fig.get(1).toFloatArray(), e.get(5).toFloatArray());
      assertArrayEquals(table.get(5).toFloatArray(), e.get(6).toFloatArray());
      // visual token K of image 1 = latent K of the second image, computed alone
      NDArray second = model.visualTokens(im.get(new NDIndex("1:2")), false).get(0);
      float[] got = visual.get(0).get(32 + 3).toFloatArray();
      float[] alone = second.get(3).toFloatArray();
      for (int i = 0; i < got.length; i++) {
        assertEquals(alone[i], got[i], 1e-4);
      }
      // an id beyond the sample's images is an error
      long[] bad = {1, ImageTokenLayout.latentId(2, 0)};
      assertThrows(IllegalArgumentException.class, () -> model.embed(m.create(new long[][] {bad}), visual));
      scope.suppressNotUsedWarning();
    }
  }

  @Test
  void positionIndexRule() {
    // table 128 (depth), D = 4 -> one cell -> row 127; D = 16 -> 4 cells -> (k+1)*32-1
    assertArrayEquals(new long[] {127}, RadfmModel.positionRows(1, 128));
    assertArrayEquals(new long[] {31, 63, 95, 127}, RadfmModel.positionRows(4, 128));
    // 512 px / 32 = 16 cells in a 16-row table: identity
    assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
        RadfmModel.positionRows(16, 16));
    // 96 px -> 3 cells of a 16-row table: 16 // 3 = 5 -> 4, 9, 14
    assertArrayEquals(new long[] {4, 9, 14}, RadfmModel.positionRows(3, 16));
    assertThrows(IllegalArgumentException.class, () -> RadfmModel.positionRows(17, 16));
    // the embedding for a 2x1x1 grid is [row 7 | col 15 | depth 127] then [row 15 | col 15 | depth 127]
    try (NDScope scope = new NDScope()) {
      NDArray pos = model.positionEmbedding(2, 1, 1);
      String v = "embedding_layer.vision_encoder.pos_embedding.";
      NDArray row = model.parameters().get(v + "row_embed.weight");
      NDArray col = model.parameters().get(v + "col_embed.weight");
      NDArray dep = model.parameters().get(v + "dep_embed.weight");
      assertArrayEquals(row.get(7).toFloatArray(), pos.get(new NDIndex("0, 0:16")).toFloatArray());
      assertArrayEquals(col.get(15).toFloatArray(), pos.get(new NDIndex("0, 16:32")).toFloatArray());
      assertArrayEquals(dep.get(127).toFloatArray(), pos.get(new NDIndex("1, 32:48")).toFloatArray());
      assertArrayEquals(row.get(15).toFloatArray(), pos.get(new NDIndex("1, 0:16")).toFloatArray());
      scope.suppressNotUsedWarning();
    }
  }
}
