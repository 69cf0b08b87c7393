package org.radmd.radfm.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shape hyper-parameters of a RadFM-architecture model (radfm-spec §4, from RadFM's {@code vit_3d.py},
 * {@code position_encoding.py}, {@code helpers.py}, {@code my_embedding_layer.py} and the LLaMA-13B
 * {@code config.json}). Immutable and thread-safe.
 *
 * <p>Three named configurations: {@link #tiny()} (CPU unit tests, seconds), {@link #small()} (CPU experiments)
 * and {@link #radfm14b()} (the released RadFM shape). All keep RadFM's token-id layout: the 32,000-token LLaMA
 * vocabulary, {@code <image>} = 32000, {@code </image>} = 32001, {@code <imageK>} = 32002 + K with 32 Perceiver
 * latents per image; and RadFM's patch geometry (32 x 32 x 4 patches, position tables sized for 512 x 512 x 512
 * inputs) so the same image tensors feed every configuration.
 *
 * @param name configuration name
 * @param imageSize largest H = W the position tables cover (RadFM: 512)
 * @param frames largest depth D the position tables cover (RadFM: 512)
 * @param patchSize in-plane patch edge (RadFM: 32)
 * @param framePatchSize patch depth (RadFM: 4)
 * @param channels image channels (RadFM: 3)
 * @param visionDim ViT width, divisible by 3 (the three position tables each take a third; RadFM: 768)
 * @param visionDepth ViT blocks (RadFM: 12)
 * @param visionHeads ViT attention heads (RadFM: 8)
 * @param visionDimHead ViT head width (RadFM: 64; attention inner dim 512)
 * @param visionMlpDim ViT MLP width (RadFM: 2048)
 * @param visionDropout ViT dropout and embedding dropout (RadFM: 0.1), used in training only
 * @param perceiverDepth Perceiver resampler blocks (RadFM: 6)
 * @param perceiverHeads Perceiver heads (RadFM: 8)
 * @param perceiverDimHead Perceiver head width (RadFM: 64)
 * @param perceiverLatents latents per image, fixed at 32 by the token layout
 * @param perceiverFfMult Perceiver feed-forward multiplier (RadFM: 4)
 * @param hidden LLaMA hidden size (RadFM: 5120)
 * @param layers LLaMA decoder layers (RadFM: 40)
 * @param heads LLaMA attention heads (RadFM: 40)
 * @param intermediate LLaMA SwiGLU width (RadFM: 13824)
 * @param vocab LLaMA vocabulary and lm_head width (RadFM: 32000)
 * @param rmsNormEps RMSNorm epsilon (RadFM: 1e-6)
 * @param ropeTheta rotary base (LLaMA: 10000)
 * @param maxSequence longest token sequence (RadFM: 2048)
 */
public record RadfmConfig(
    String name,
    int imageSize, int frames, int patchSize, int framePatchSize, int channels,
    int visionDim, int visionDepth, int visionHeads, int visionDimHead, int visionMlpDim, double visionDropout,
    int perceiverDepth, int perceiverHeads, int perceiverDimHead, int perceiverLatents, int perceiverFfMult,
    int hidden, int layers, int heads, int intermediate, int vocab, double rmsNormEps, double ropeTheta,
    int maxSequence) {

  /** PyTorch's default LayerNorm epsilon, used by every LayerNorm of the vision side. */
  public static final float LAYER_NORM_EPS = 1e-5f;
  /** Names accepted by {@link #named(String)}. */
  public static final List<String> NAMES = List.of("tiny", "small", "radfm-14b");

  /** @throws IllegalArgumentException if a value breaks the architecture's constraints */
  public RadfmConfig {
    if (visionDim % 3 != 0) {
      throw new IllegalArgumentException("visionDim must be divisible by 3 (three position tables): " + visionDim);
    }
    if (imageSize % patchSize != 0 || frames % framePatchSize != 0) {
      throw new IllegalArgumentException("imageSize/frames must be multiples of the patch sizes");
    }
    if (perceiverLatents != 32) {
      throw new IllegalArgumentException("RadFM's token layout needs 32 latents per image: " + perceiverLatents);
    }
    if (hidden % heads != 0 || (hidden / heads) % 2 != 0) {
      throw new IllegalArgumentException("hidden/heads must be an even integer: " + hidden + "/" + heads);
    }
    if (vocab != 32000) {
      throw new IllegalArgumentException("RadFM's id layout needs the 32000-token LLaMA vocabulary: " + vocab);
    }
  }

  /**
   * CPU test shape (seconds per test): ViT 48 x 2 blocks, Perceiver 1 block, LLaMA 64 hidden x 2 layers with the
   * real 32,000-token vocabulary (so the real tokenizer's ids work; the two 32000 x 64 tables are most of its
   * 4.8M parameters).
   */
  public static RadfmConfig tiny() {
    return new RadfmConfig("tiny", 512, 512, 32, 4, 3,
        48, 2, 2, 24, 96, 0.1,
        1, 2, 24, 32, 4,
        64, 2, 4, 128, 32000, 1e-6, 10000, 2048);
  }

  /** CPU experiment shape: ViT 384 x 4, Perceiver 2 blocks, LLaMA 512 hidden x 4 layers (about 70M). */
  public static RadfmConfig small() {
    return new RadfmConfig("small", 512, 512, 32, 4, 3,
        384, 4, 6, 64, 1024, 0.1,
        2, 6, 64, 32, 4,
        512, 4, 8, 1376, 32000, 1e-6, 10000, 2048);
  }

  /** The released RadFM shape (radfm-spec §4): about 14.1 billion parameters. */
  public static RadfmConfig radfm14b() {
    return new RadfmConfig("radfm-14b", 512, 512, 32, 4, 3,
        768, 12, 8, 64, 2048, 0.1,
        6, 8, 64, 32, 4,
        5120, 40, 40, 13824, 32000, 1e-6, 10000, 2048);
  }

  /**
   * @param name one of {@link #NAMES}
   * @throws IllegalArgumentException for another name
   */
  public static RadfmConfig named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "tiny" -> tiny();
      case "small" -> small();
      case "radfm-14b", "radfm14b", "14b" -> radfm14b();
      default -> throw new IllegalArgumentException("unknown model config '" + name + "', expected one of " + NAMES);
    };
  }

  /** Rows of the row (height) position table: imageSize / patchSize (RadFM: 16). */
  public int rowTable() {
    return imageSize / patchSize;
  }

  /** Rows of the depth position table: frames / framePatchSize (RadFM: 128). */
  public int depthTable() {
    return frames / framePatchSize;
  }

  /** Width of one patch vector: channels * patch^2 * framePatch (RadFM: 12288). */
  public int patchDim() {
    return channels * patchSize * patchSize * framePatchSize;
  }

  /** LLaMA head width (RadFM: 128). */
  public int headDim() {
    return hidden / heads;
  }

  /**
   * Every parameter of the model with its shape, in RadFM state-dict order and with RadFM's state-dict names
   * ({@code MultiLLaMAForCausalLM.state_dict()} minus the dead keyword-matching modules and minus the duplicate
   * {@code embedding_layer.weight}, which RadFM ties to {@code lang_model.model.embed_tokens.weight}). Computed
   * from the configuration only; nothing is allocated.
   */
  public Map<String, long[]> parameterShapes() {
    Map<String, long[]> m = new LinkedHashMap<>();
    String l = "lang_model.model.";
    m.put(l + "embed_tokens.weight", s(vocab, hidden));
    for (int i = 0; i < layers; i++) {
      String p = l + "layers." + i + ".";
      m.put(p + "self_attn.q_proj.weight", s(hidden, hidden));
      m.put(p + "self_attn.k_proj.weight", s(hidden, hidden));
      m.put(p + "self_attn.v_proj.weight", s(hidden, hidden));
      m.put(p + "self_attn.o_proj.weight", s(hidden, hidden));
      m.put(p + "mlp.gate_proj.weight", s(intermediate, hidden));
      m.put(p + "mlp.down_proj.weight", s(hidden, intermediate));
      m.put(p + "mlp.up_proj.weight", s(intermediate, hidden));
      m.put(p + "input_layernorm.weight", s(hidden));
      m.put(p + "post_attention_layernorm.weight", s(hidden));
    }
    m.put(l + "norm.weight", s(hidden));
    m.put("lang_model.lm_head.weight", s(vocab, hidden));
    m.put("embedding_layer.figure_token_weight", s(2, hidden));
    String v = "embedding_layer.vision_encoder.";
    m.put(v + "to_patch_embedding.1.weight", s(patchDim()));
    m.put(v + "to_patch_embedding.1.bias", s(patchDim()));
    m.put(v + "to_patch_embedding.2.weight", s(visionDim, patchDim()));
    m.put(v + "to_patch_embedding.2.bias", s(visionDim));
    m.put(v + "to_patch_embedding.3.weight", s(visionDim));
    m.put(v + "to_patch_embedding.3.bias", s(visionDim));
    int third = visionDim / 3;
    m.put(v + "pos_embedding.row_embed.weight", s(rowTable(), third));
    m.put(v + "pos_embedding.col_embed.weight", s(rowTable(), third));
    m.put(v + "pos_embedding.dep_embed.weight", s(depthTable(), third));
    int vInner = visionHeads * visionDimHead;
    for (int i = 0; i < visionDepth; i++) {
      String p = v + "transformer.layers." + i + ".";
      m.put(p + "0.norm.weight", s(visionDim));
      m.put(p + "0.norm.bias", s(visionDim));
      m.put(p + "0.fn.to_qkv.weight", s(3L * vInner, visionDim));
      m.put(p + "0.fn.to_out.0.weight", s(visionDim, vInner));
      m.put(p + "0.fn.to_out.0.bias", s(visionDim));
      m.put(p + "1.norm.weight", s(visionDim));
      m.put(p + "1.norm.bias", s(visionDim));
      m.put(p + "1.fn.net.0.weight", s(visionMlpDim, visionDim));
      m.put(p + "1.fn.net.0.bias", s(visionMlpDim));
      m.put(p + "1.fn.net.3.weight", s(visionDim, visionMlpDim));
      m.put(p + "1.fn.net.3.bias", s(visionDim));
    }
    String q = "embedding_layer.perceiver.";
    m.put(q + "latents", s(perceiverLatents, visionDim));
    int pInner = perceiverHeads * perceiverDimHead;
    int ff = visionDim * perceiverFfMult;
    for (int i = 0; i < perceiverDepth; i++) {
      String p = q + "layers." + i + ".";
      m.put(p + "0.norm_media.weight", s(visionDim));
      m.put(p + "0.norm_media.bias", s(visionDim));
      m.put(p + "0.norm_latents.weight", s(visionDim));
      m.put(p + "0.norm_latents.bias", s(visionDim));
      m.put(p + "0.to_q.weight", s(pInner, visionDim));
      m.put(p + "0.to_kv.weight", s(2L * pInner, visionDim));
      m.put(p + "0.to_out.weight", s(visionDim, pInner));
      m.put(p + "1.0.weight", s(visionDim));
      m.put(p + "1.0.bias", s(visionDim));
      m.put(p + "1.1.weight", s(ff, visionDim));
      m.put(p + "1.3.weight", s(visionDim, ff));
    }
    m.put(q + "norm.weight", s(visionDim));
    m.put(q + "norm.bias", s(visionDim));
    m.put("embedding_layer.fc.weight", s(hidden, visionDim));
    m.put("embedding_layer.fc.bias", s(hidden));
    return m;
  }

  /** Component of a parameter name: language_model, vision_encoder, perceiver, projection or image_tokens. */
  public static String component(String key) {
    if (key.startsWith("lang_model.")) {
      return "language_model";
    } else if (key.startsWith("embedding_layer.vision_encoder.")) {
      return "vision_encoder";
    } else if (key.startsWith("embedding_layer.perceiver.")) {
      return "perceiver";
    } else if (key.startsWith("embedding_layer.fc.")) {
      return "projection";
    } else if (key.equals("embedding_layer.figure_token_weight")) {
      return "image_tokens";
    }
    return "other";
  }

  /** Parameter count per {@link #component(String)}, in first-seen order, computed from shapes only. */
  public Map<String, Long> parameterCountsByComponent() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Map.Entry<String, long[]> e : parameterShapes().entrySet()) {
      out.merge(component(e.getKey()), numel(e.getValue()), Long::sum);
    }
    return out;
  }

  /** Total number of parameters (the tied input embedding counted once), computed from shapes only. */
  public long parameterCount() {
    long n = 0;
    for (long[] shape : parameterShapes().values()) {
      n += numel(shape);
    }
    return n;
  }

  static long numel(long[] shape) {
    long n = 1;
    for (long d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  private static long[] s(long... dims) {
    return dims;
  }
}
