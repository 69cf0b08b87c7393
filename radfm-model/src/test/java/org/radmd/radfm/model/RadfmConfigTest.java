package org.radmd.radfm.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** radfm-14b shapes and counts against RadFM's module definitions (radfm-spec §4), from shapes only. */
class RadfmConfigTest {
  final RadfmConfig c = RadfmConfig.radfm14b();
  final Map<String, long[]> shapes = c.parameterShapes();

  @Test
  void releasedShapesMatchRadfmModules() {
    String v = "embedding_layer.vision_encoder.";
    String p = "embedding_layer.perceiver.";
    String l = "lang_model.model.";
    Object[][] expected = {
        // ViT(image_size 512, frames 512, patch 32, frame_patch 4, dim 768, depth 12, heads 8, dim_head 64, mlp 2048)
        {v + "to_patch_embedding.1.weight", new long[] {12288}},
        {v + "to_patch_embedding.2.weight", new long[] {768, 12288}},
        {v + "to_patch_embedding.3.bias", new long[] {768}},
        {v + "pos_embedding.row_embed.weight", new long[] {16, 256}},
        {v + "pos_embedding.col_embed.weight", new long[] {16, 256}},
        {v + "pos_embedding.dep_embed.weight", new long[] {128, 256}},
        {v + "transformer.layers.11.0.fn.to_qkv.weight", new long[] {1536, 768}},
        {v + "transformer.layers.11.0.fn.to_out.0.weight", new long[] {768, 512}},
        {v + "transformer.layers.0.1.fn.net.0.weight", new long[] {2048, 768}},
        {v + "transformer.layers.0.1.fn.net.3.weight", new long[] {768, 2048}},
        // PerceiverResampler(dim 768, depth 6, dim_head 64, heads 8, num_latents 32, ff_mult 4)
        {p + "latents", new long[] {32, 768}},
        {p + "layers.5.0.to_q.weight", new long[] {512, 768}},
        {p + "layers.5.0.to_kv.weight", new long[] {1024, 768}},
        {p + "layers.5.0.to_out.weight", new long[] {768, 512}},
        {p + "layers.5.1.1.weight", new long[] {3072, 768}},
        {p + "layers.5.1.3.weight", new long[] {768, 3072}},
        {p + "norm.weight", new long[] {768}},
        {"embedding_layer.fc.weight", new long[] {5120, 768}},
        {"embedding_layer.figure_token_weight", new long[] {2, 5120}},
        // LLaMA-13B config.json
        {l + "embed_tokens.weight", new long[] {32000, 5120}},
        {l + "layers.39.self_attn.q_proj.weight", new long[] {5120, 5120}},
        {l + "layers.39.mlp.gate_proj.weight", new long[] {13824, 5120}},
        {l + "layers.39.mlp.down_proj.weight", new long[] {5120, 13824}},
        {l + "layers.39.post_attention_layernorm.weight", new long[] {5120}},
        {"lang_model.lm_head.weight", new long[] {32000, 5120}},
    };
    for (Object[] e : expected) {
      assertArrayEquals((long[]) e[1], shapes.get((String) e[0]), (String) e[0]);
    }
    // keys: LLaMA 1 + 40 * 9 + 2, ViT 6 + 3 + 12 * 11, Perceiver 1 + 6 * 11 + 2, fc 2, figure tokens 1
    assertEquals(363 + 141 + 69 + 2 + 1, shapes.size());
    assertEquals(false, shapes.containsKey(l + "layers.40.self_attn.q_proj.weight"));
  }

  @Test
  void parameterCountsFromShapes() {
    long vit = 2L * 12288 + 12288L * 768 + 768 + 2 * 768 + (16 + 16 + 128) * 256
        + 12L * (2 * 768 + 768L * 1536 + 512L * 768 + 768 + 2 * 768 + 768L * 2048 + 2048 + 2048L * 768 + 768);
    long perceiver = 32L * 768 + 6L * (4 * 768 + 768L * 512 + 768L * 1024 + 512L * 768 + 2 * 768
        + 2L * 768 * 3072) + 2 * 768;
    long llama = 2L * 32000 * 5120 + 40L * (4L * 5120 * 5120 + 3L * 5120 * 13824 + 2 * 5120) + 5120;
    Map<String, Long> by = c.parameterCountsByComponent();
    assertEquals(13_015_864_320L, llama); // LLaMA-13B with an untied lm_head
    assertEquals(llama, by.get("language_model"));
    assertEquals(vit, by.get("vision_encoder"));
    assertEquals(perceiver, by.get("perceiver"));
    assertEquals(768L * 5120 + 5120, by.get("projection"));
    assertEquals(2L * 5120, by.get("image_tokens"));
    assertEquals(vit + perceiver + llama + 768L * 5120 + 5120 + 2 * 5120, c.parameterCount());
    assertEquals(13_123_822_336L, c.parameterCount());
  }

  @Test
  void namedConfigsKeepTheTokenLayout() {
    for (String n : RadfmConfig.NAMES) {
      RadfmConfig x = RadfmConfig.named(n);
      assertEquals(32000, x.vocab());
      assertEquals(32, x.perceiverLatents());
      assertEquals(x.vocab(), x.parameterShapes().get("lang_model.lm_head.weight")[0]);
    }
    assertThrows(IllegalArgumentException.class, () -> RadfmConfig.named("huge"));
    assertThrows(IllegalArgumentException.class, () -> new RadfmConfig("bad", 512, 512, 32, 4, 3, 64, 1, 1, 8, 8,
        0, 1, 1, 8, 32, 4, 64, 1, 4, 8, 32000, 1e-6, 1e4, 16));
  }
}
