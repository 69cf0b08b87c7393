package org.radmd.radfm.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RadFM's forward pass written functionally over DJL NDArrays (PyTorch engine), with the parameters held in a
 * name -> array map keyed by RadFM's own state-dict names (radfm-spec §4; {@link RadfmConfig#parameterShapes()}),
 * so that safetensors checkpoints map one to one.
 *
 * <p>Pipeline, per sample: images [S, 3, H, W, D] -> 3D ViT (32 x 32 x 4 patches, learned 3D position tables,
 * pre-LN blocks, no CLS token, no final norm) -> Perceiver resampler (32 latents) -> {@code fc} to the LLaMA width
 * -> the per-sample embedding table {@code [embed_tokens; figure_token_weight; visual tokens]} looked up by id, so
 * {@code <imageK>} = 32002 + K takes visual token K (image K / 32, latent K % 32) -> LLaMA (RMSNorm, RoPE,
 * SwiGLU, untied lm_head) -> logits over the 32,000 text tokens.
 *
 * <p>Thread safety: after construction the parameters are only read by the forward methods, so several threads
 * may run {@link #logits}, {@link #prefill} and {@link #decode} concurrently on one instance (each call allocates
 * its own intermediates; PyTorch's grad mode is thread-local). Training ({@link org.radmd.radfm.train.RadfmTrainer})
 * mutates the parameters in place and must own the instance exclusively. {@link #close()} frees the native
 * memory; no call may run concurrently with it.
 */
public final class RadfmModel implements AutoCloseable {
  private final RadfmConfig config;
  private final NDManager manager;
  private final DataType dataType;
  private final Map<String, NDArray> params;

  RadfmModel(RadfmConfig config, NDManager manager, DataType dataType, Map<String, NDArray> params) {
    this.config = config;
    this.manager = manager;
    this.dataType = dataType;
    this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /**
   * A randomly initialised model: Linear and embedding weights N(0, 0.02) (LLaMA's initializer_range), biases 0,
   * norms 1 / 0, the three position tables U(0, 1) and latents / figure tokens N(0, 1) (RadFM's
   * {@code reset_parameters} and {@code torch.randn}). Deterministic for a seed on one device.
   *
   * @param device where the parameters live, e.g. {@link #defaultDevice()}
   * @param dataType FLOAT32 on CPU; FLOAT16 on GPU (BFLOAT16 is refused, see {@link #defaultDataType})
   */
  public static RadfmModel initialize(RadfmConfig config, Device device, DataType dataType, long seed) {
    if (dataType == DataType.BFLOAT16) {
      throw new UnsupportedOperationException("BFLOAT16 aborts DJL 0.36's PyTorch engine; use FLOAT16");
    }
    NDManager manager = NDManager.newBaseManager(device);
    try {
      Engine.getInstance().setRandomSeed((int) seed);
      Map<String, NDArray> p = new LinkedHashMap<>();
      for (Map.Entry<String, long[]> e : config.parameterShapes().entrySet()) {
        String k = e.getKey();
        Shape shape = new Shape(e.getValue());
        NDArray a;
        if (k.contains("pos_embedding.")) {
          a = manager.randomUniform(0f, 1f, shape, DataType.FLOAT32);
        } else if (k.endsWith("perceiver.latents") || k.endsWith("figure_token_weight")) {
          a = manager.randomNormal(0f, 1f, shape, DataType.FLOAT32);
        } else if (shape.dimension() == 1) {
          boolean isBias = k.endsWith(".bias");
          a = isBias ? manager.zeros(shape, DataType.FLOAT32) : manager.ones(shape, DataType.FLOAT32);
        } else {
          a = manager.randomNormal(0f, 0.02f, shape, DataType.FLOAT32);
        }
        if (dataType != DataType.FLOAT32) {
          NDArray c = a.toType(dataType, false);
          a.close();
          a = c;
        }
        a.setName(k);
        p.put(k, a);
      }
      return new RadfmModel(config, manager, dataType, p);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** GPU 0 when the PyTorch engine sees one, else the CPU. */
  public static Device defaultDevice() {
    return Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
  }

  /**
   * FLOAT32 on CPU, FLOAT16 on GPU. (RadFM's weights are bf16, but DJL 0.36's PyTorch engine aborts on BFLOAT16
   * arrays, so GPUs run fp16; RMSNorm, softmax and the logits are computed in FLOAT32.)
   */
  public static DataType defaultDataType(Device device) {
    return device.isGpu() ? DataType.FLOAT16 : DataType.FLOAT32;
  }

  public RadfmConfig config() {
    return config;
  }

  public DataType dataType() {
    return dataType;
  }

  public Device device() {
    return manager.getDevice();
  }

  /** The manager owning the parameters (callers create inputs with it or a sub-manager of it). */
  public NDManager manager() {
    return manager;
  }

  /** Parameters by RadFM state-dict name (unmodifiable map; the arrays are live, do not close them). */
  public Map<String, NDArray> parameters() {
    return params;
  }

  NDArray p(String name) {
    NDArray a = params.get(name);
    if (a == null) {
      throw new IllegalStateException("missing parameter " + name);
    }
    return a;
  }

  // ---------------------------------------------------------------- vision side

  /**
   * Position rows for a grid of {@code n} cells along an axis whose table has {@code table} rows:
   * cell k uses row (k + 1) * (table / n) - 1 (integer division; radfm-spec §4, RadFM's
   * {@code PositionEmbeddingLearned3d}). E.g. n = 1 (D = 4) with a 128-row table uses row 127.
   *
   * @throws IllegalArgumentException if n is not in [1, table]
   */
  public static long[] positionRows(int n, int table) {
    if (n < 1 || n > table) {
      throw new IllegalArgumentException("grid of " + n + " cells does not fit a position table of " + table);
    }
    long[] rows = new long[n];
    for (int k = 0; k < n; k++) {
      rows[k] = (long) (k + 1) * (table / n) - 1;
    }
    return rows;
  }

  /**
   * The 3D ViT over images [N, C, H, W, D] (H, W multiples of 32 up to 512, D a multiple of 4 up to 512).
   *
   * @param training applies RadFM's dropout (embedding and block dropout)
   * @return patch tokens [N, (H/32)(W/32)(D/4), visionDim], patches ordered (h, w, d) with d fastest
   */
  public NDArray visionEncoder(NDArray images, boolean training) {
    RadfmConfig c = config;
    Shape s = images.getShape();
    if (s.dimension() != 5 || s.get(1) != c.channels()) {
      throw new IllegalArgumentException("images must be [N, " + c.channels() + ", H, W, D], got " + s);
    }
    long n = s.get(0);
    long height = s.get(2);
    long width = s.get(3);
    long depth = s.get(4);
    int ps = c.patchSize();
    int fp = c.framePatchSize();
    if (height % ps != 0 || width % ps != 0 || depth % fp != 0 || height > c.imageSize() || width > c.imageSize()
        || depth > c.frames()) {
      throw new IllegalArgumentException("image " + height + "x" + width + "x" + depth + " must be multiples of "
          + ps + "x" + ps + "x" + fp + " and at most " + c.imageSize() + "x" + c.imageSize() + "x" + c.frames());
    }
    int gh = (int) (height / ps);
    int gw = (int) (width / ps);
    int gd = (int) (depth / fp);
    String v = "embedding_layer.vision_encoder.";
    // b c (h p1) (w p2) (f pf) -> b (h w f) (p1 p2 pf c)
    NDArray x = images.reshape(n, c.channels(), gh, ps, gw, ps, gd, fp)
        .transpose(0, 2, 4, 6, 3, 5, 7, 1)
        .reshape(n, (long) gh * gw * gd, c.patchDim());
    x = layerNorm(x, v + "to_patch_embedding.1");
    x = linear(x, v + "to_patch_embedding.2.weight", v + "to_patch_embedding.2.bias");
    x = layerNorm(x, v + "to_patch_embedding.3");
    x = x.add(positionEmbedding(gh, gw, gd));
    x = dropout(x, training);
    for (int i = 0; i < c.visionDepth(); i++) {
      String b = v + "transformer.layers." + i + ".";
      NDArray h = layerNorm(x, b + "0.norm");
      NDList qkv = Linear.linear(h, p(b + "0.fn.to_qkv.weight")).singletonOrThrow().split(3, 2);
      NDArray att = attention(heads(qkv.get(0), c.visionHeads()), heads(qkv.get(1), c.visionHeads()),
          heads(qkv.get(2), c.visionHeads()), null, training);
      x = x.add(dropout(linear(merge(att), b + "0.fn.to_out.0.weight", b + "0.fn.to_out.0.bias"), training));
      h = layerNorm(x, b + "1.norm");
      h = dropout(Activation.gelu(linear(h, b + "1.fn.net.0.weight", b + "1.fn.net.0.bias")), training);
      x = x.add(dropout(linear(h, b + "1.fn.net.3.weight", b + "1.fn.net.3.bias"), training));
    }
    return x;
  }

  /** Learned 3D position embedding [gh*gw*gd, visionDim]: concat of row, column and depth rows. */
  NDArray positionEmbedding(int gh, int gw, int gd) {
    String v = "embedding_layer.vision_encoder.pos_embedding.";
    int third = config.visionDim() / 3;
    NDArray rows = take(p(v + "row_embed.weight"), positionRows(gh, config.rowTable()));
    NDArray cols = take(p(v + "col_embed.weight"), positionRows(gw, config.rowTable()));
    NDArray deps = take(p(v + "dep_embed.weight"), positionRows(gd, config.depthTable()));
    Shape grid = new Shape(gh, gw, gd, third);
    NDArray r = rows.reshape(gh, 1, 1, third).broadcast(grid);
    NDArray cc = cols.reshape(1, gw, 1, third).broadcast(grid);
    NDArray d = deps.reshape(1, 1, gd, third).broadcast(grid);
    return NDArrays.concat(new NDList(r, cc, d), 3).reshape((long) gh * gw * gd, config.visionDim());
  }

  private NDArray take(NDArray table, long[] rows) {
    NDArray idx = table.getManager().create(rows).toDevice(table.getDevice(), false);
    return table.get(new NDIndex("{}", idx));
  }

  /**
   * RadFM's Perceiver resampler (flamingo-pytorch; no frame or media-time embeddings).
   *
   * @param media ViT tokens [N, v, visionDim]
   * @return latents [N, 32, visionDim]
   */
  public NDArray perceiver(NDArray media) {
    RadfmConfig c = config;
    String q = "embedding_layer.perceiver.";
    long n = media.getShape().get(0);
    NDArray latents = p(q + "latents").expandDims(0).broadcast(new Shape(n, c.perceiverLatents(), c.visionDim()));
    for (int i = 0; i < c.perceiverDepth(); i++) {
      String b = q + "layers." + i + ".";
      NDArray xm = layerNorm(media, b + "0.norm_media");
      NDArray lt = layerNorm(latents, b + "0.norm_latents");
      NDArray qq = Linear.linear(lt, p(b + "0.to_q.weight")).singletonOrThrow();
      NDList kv = Linear.linear(NDArrays.concat(new NDList(xm, lt), 1), p(b + "0.to_kv.weight"))
          .singletonOrThrow().split(2, 2);
      NDArray att = attention(heads(qq, c.perceiverHeads()), heads(kv.get(0), c.perceiverHeads()),
          heads(kv.get(1), c.perceiverHeads()), null, false);
      latents = Linear.linear(merge(att), p(b + "0.to_out.weight")).singletonOrThrow().add(latents);
      NDArray f = layerNorm(latents, b + "1.0");
      f = Activation.gelu(Linear.linear(f, p(b + "1.1.weight")).singletonOrThrow());
      latents = Linear.linear(f, p(b + "1.3.weight")).singletonOrThrow().add(latents);
    }
    return layerNorm(latents, q + "norm");
  }

  /**
   * Visual tokens of images [N, C, H, W, D]: ViT -> Perceiver -> fc.
   *
   * @return [N, 32, hidden]
   */
  public NDArray visualTokens(NDArray images, boolean training) {
    NDArray x = images.getDataType() == dataType && images.getDevice().equals(device())
        ? images : images.toDevice(device(), false).toType(dataType, false);
    return linear(perceiver(visionEncoder(x, training)), "embedding_layer.fc.weight", "embedding_layer.fc.bias");
  }

  /**
   * Visual tokens per sample, running the vision side once per group of samples whose images share a shape.
   *
   * @param images per sample [S, C, H, W, D], or null / S = 0 for a sample without images
   * @return per sample [32 * S, hidden], or null for a sample without images
   */
  public List<NDArray> visualTokensPerSample(List<NDArray> images, boolean training) {
    List<NDArray> out = new ArrayList<>(Collections.nCopies(images.size(), (NDArray) null));
    Map<Shape, List<Integer>> groups = new LinkedHashMap<>();
    for (int b = 0; b < images.size(); b++) {
      NDArray im = images.get(b);
      if (im == null || im.getShape().get(0) == 0) {
        continue;
      }
      if (im.getShape().dimension() != 5) {
        throw new IllegalArgumentException("sample " + b + ": images must be [S, C, H, W, D], got " + im.getShape());
      }
      groups.computeIfAbsent(im.getShape().slice(1), k -> new ArrayList<>()).add(b);
    }
    for (List<Integer> g : groups.values()) {
      NDList stack = new NDList();
      for (int b : g) {
        stack.add(images.get(b));
      }
      NDArray all = stack.size() == 1 ? stack.get(0) : NDArrays.concat(stack, 0);
      NDArray tokens = visualTokens(all, training);
      long start = 0;
      for (int b : g) {
        long s = images.get(b).getShape().get(0);
        out.set(b, tokens.get(new NDIndex("{}:{}", start, start + s)).reshape(-1, config.hidden()));
        start += s;
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- embedding trick

  /**
   * Input embeddings [B, T, hidden] by RadFM's per-sample table: id < 32000 -> {@code embed_tokens}, 32000 and
   * 32001 -> {@code figure_token_weight}, 32002 + K -> visual token K of the sample (radfm-spec §4,
   * {@code my_embedding_layer.py}; a gather equal to RadFM's one-hot matmul).
   *
   * @param ids [B, T] INT64 on this model's device
   * @param visual per sample [32 * S, hidden] or null (see {@link #visualTokensPerSample})
   * @throws IllegalArgumentException if an id is negative or at least 32002 + 32 * S for its sample
   */
  public NDArray embed(NDArray ids, List<NDArray> visual) {
    long[] shape = ids.getShape().getShape();
    long[] flat = ids.toLongArray();
    int vocab = config.vocab();
    NDArray table = p("lang_model.model.embed_tokens.weight");
    NDArray clamped = ids.clip(0, vocab - 1);
    NDArray text = table.get(new NDIndex("{}", clamped.reshape(-1))).reshape(shape[0], shape[1], config.hidden());
    boolean any = false;
    for (int b = 0; b < shape[0]; b++) {
      long limit = vocab + 2 + (visual == null || visual.get(b) == null ? 0 : visual.get(b).getShape().get(0));
      for (int t = 0; t < shape[1]; t++) {
        long id = flat[(int) (b * shape[1] + t)];
        if (id < 0 || id >= limit) {
          throw new IllegalArgumentException("sample " + b + " token " + t + ": id " + id + " outside [0, " + limit
              + ") (ids >= 32002 need a visual token: 32 per image)");
        }
        any |= id >= vocab;
      }
    }
    if (!any) {
      return text;
    }
    NDList rows = new NDList();
    for (int b = 0; b < shape[0]; b++) {
      NDArray idsB = ids.get(b);
      NDArray extra = p("embedding_layer.figure_token_weight");
      if (visual != null && visual.get(b) != null) {
        extra = NDArrays.concat(new NDList(extra, visual.get(b)), 0);
      }
      NDArray extraIds = idsB.sub(vocab).clip(0, extra.getShape().get(0) - 1);
      NDArray e = extra.get(new NDIndex("{}", extraIds));
      NDArray isExtra = idsB.gte(vocab).expandDims(1).broadcast(e.getShape());
      rows.add(NDArrays.where(isExtra, e, text.get(b)));
    }
    return NDArrays.stack(rows, 0);
  }

  // ---------------------------------------------------------------- LLaMA

  /** Per-layer key/value cache of an incremental decode, with per-sample key validity and next positions. */
  public static final class KvCache implements AutoCloseable {
    final NDArray[] keys;
    final NDArray[] values;
    /** [B][Tk]: 1 for a real token, 0 for left padding. */
    final List<int[]> keyMask = new ArrayList<>();
    final long[] nextPosition;

    KvCache(int layers, int batch) {
      keys = new NDArray[layers];
      values = new NDArray[layers];
      nextPosition = new long[batch];
      for (int b = 0; b < batch; b++) {
        keyMask.add(new int[0]);
      }
    }

    /** Number of cached positions. */
    public int length() {
      return keyMask.get(0).length;
    }

    @Override
    public void close() {
      for (int i = 0; i < keys.length; i++) {
        if (keys[i] != null) {
          keys[i].close();
          values[i].close();
          keys[i] = null;
          values[i] = null;
        }
      }
    }
  }

  /**
   * Full (no-cache) forward: logits [B, T, 32000] in FLOAT32 for right-padded or unpadded ids (causal attention
   * makes right padding harmless; padded positions' logits are meaningless).
   *
   * @param ids [B, T] INT64
   * @param visual per sample visual tokens or null (see {@link #visualTokensPerSample})
   */
  public NDArray logits(NDArray ids, List<NDArray> visual) {
    NDArray h = embed(ids, visual);
    long t = ids.getShape().get(1);
    long b = ids.getShape().get(0);
    NDArray pos = manager.arange(0, (int) t, 1, DataType.INT64).expandDims(0).broadcast(new Shape(b, t));
    NDArray mask = causalMask(null, (int) t, 0);
    return lmHead(decoder(h, pos, mask, null));
  }

  /**
   * Prefill for generation: runs left-padded prompts, fills {@code cache}, and returns the last position's logits
   * [B, 32000] (FLOAT32).
   *
   * @param ids [B, T] INT64, left padded with any id (0)
   * @param keyMask [B][T]: 1 real token, 0 padding
   * @param cache an empty cache from {@link #newCache(int)}
   */
  public NDArray prefill(NDArray ids, int[][] keyMask, List<NDArray> visual, KvCache cache) {
    int b = keyMask.length;
    int t = keyMask[0].length;
    long[] pos = new long[b * t];
    for (int i = 0; i < b; i++) {
      long p = 0;
      for (int j = 0; j < t; j++) {
        pos[i * t + j] = Math.max(p - 1 + keyMask[i][j], 0);
        p += keyMask[i][j];
      }
      cache.nextPosition[i] = p;
      cache.keyMask.set(i, keyMask[i].clone());
    }
    NDArray h = embed(ids, visual);
    NDArray positions = manager.create(pos, new Shape(b, t));
    NDArray mask = causalMask(keyMask, t, 0);
    NDArray hidden = decoder(h, positions, mask, cache);
    return lmHead(hidden.get(new NDIndex(":, -1:, :"))).squeeze(1);
  }

  /**
   * One decode step: feeds one new text token per sample, appends to {@code cache}, returns logits [B, 32000].
   *
   * @param tokens next token per sample (ids below 32000)
   */
  public NDArray decode(long[] tokens, KvCache cache) {
    int b = tokens.length;
    int[][] mask = new int[b][];
    long[] pos = new long[b];
    for (int i = 0; i < b; i++) {
      int[] old = cache.keyMask.get(i);
      int[] m = java.util.Arrays.copyOf(old, old.length + 1);
      m[old.length] = 1;
      mask[i] = m;
      cache.keyMask.set(i, m);
      pos[i] = cache.nextPosition[i]++;
    }
    NDArray ids = manager.create(tokens, new Shape(b, 1));
    NDArray h = embed(ids, null);
    NDArray positions = manager.create(pos, new Shape(b, 1));
    NDArray additive = causalMask(mask, 1, mask[0].length - 1);
    return lmHead(decoder(h, positions, additive, cache)).squeeze(1);
  }

  /** An empty KV cache for a batch. */
  public KvCache newCache(int batch) {
    return new KvCache(config.layers(), batch);
  }

  /**
   * Additive attention mask [B or 1, 1, T, past + T]: 0 where query i may see key j (j <= past + i and key j is
   * not padding), a large negative value elsewhere. The diagonal is always open so that a padding query never
   * has an all-masked row (which would give NaN and leak into later layers).
   */
  NDArray causalMask(int[][] keyMask, int t, int past) {
    int k = past + t;
    int b = keyMask == null ? 1 : keyMask.length;
    float neg = dataType == DataType.FLOAT16 ? -60000f : -1e9f;
    float[] m = new float[b * t * k];
    for (int s = 0; s < b; s++) {
      for (int i = 0; i < t; i++) {
        for (int j = 0; j < k; j++) {
          boolean open = j <= past + i && (keyMask == null || keyMask[s][j] == 1);
          if (j == past + i) {
            open = true;
          }
          m[(s * t + i) * k + j] = open ? 0f : neg;
        }
      }
    }
    NDArray mask = manager.create(m, new Shape(b, 1, t, k));
    return dataType == DataType.FLOAT32 ? mask : mask.toType(dataType, false);
  }

  /** LLaMA decoder stack; returns the final-normed hidden states [B, T, hidden]. */
  NDArray decoder(NDArray h, NDArray positions, NDArray mask, KvCache cache) {
    RadfmConfig c = config;
    NDArray[] rope = rope(positions);
    String l = "lang_model.model.";
    for (int i = 0; i < c.layers(); i++) {
      String b = l + "layers." + i + ".";
      NDArray x = rmsNorm(h, b + "input_layernorm.weight");
      NDArray q = applyRope(heads(Linear.linear(x, p(b + "self_attn.q_proj.weight")).singletonOrThrow(), c.heads()),
          rope);
      NDArray k = applyRope(heads(Linear.linear(x, p(b + "self_attn.k_proj.weight")).singletonOrThrow(), c.heads()),
          rope);
      NDArray v = heads(Linear.linear(x, p(b + "self_attn.v_proj.weight")).singletonOrThrow(), c.heads());
      if (cache != null) {
        if (cache.keys[i] != null) {
          k = NDArrays.concat(new NDList(cache.keys[i], k), 2);
          v = NDArrays.concat(new NDList(cache.values[i], v), 2);
          cache.keys[i].close();
          cache.values[i].close();
        }
        ai.djl.ndarray.NDScope.unregister(k, v);
        cache.keys[i] = k;
        cache.values[i] = v;
      }
      NDArray att = attention(q, k, v, mask, false);
      h = h.add(Linear.linear(merge(att), p(b + "self_attn.o_proj.weight")).singletonOrThrow());
      x = rmsNorm(h, b + "post_attention_layernorm.weight");
      NDArray gate = Linear.linear(x, p(b + "mlp.gate_proj.weight")).singletonOrThrow();
      NDArray up = Linear.linear(x, p(b + "mlp.up_proj.weight")).singletonOrThrow();
      NDArray act = gate.mul(Activation.sigmoid(gate)).mul(up);
      h = h.add(Linear.linear(act, p(b + "mlp.down_proj.weight")).singletonOrThrow());
    }
    return rmsNorm(h, l + "norm.weight");
  }

  /** lm_head: [B, T, hidden] -> FLOAT32 logits [B, T, 32000]. */
  NDArray lmHead(NDArray hidden) {
    NDArray logits = Linear.linear(hidden, p("lang_model.lm_head.weight")).singletonOrThrow();
    return logits.getDataType() == DataType.FLOAT32 ? logits : logits.toType(DataType.FLOAT32, false);
  }

  /** cos and sin [B, 1, T, headDim] of HF LLaMA's rotary embedding (rotate-half layout). */
  private NDArray[] rope(NDArray positions) {
    int hd = config.headDim();
    float[] inv = new float[hd / 2];
    for (int j = 0; j < hd / 2; j++) {
      inv[j] = (float) (1.0 / Math.pow(config.ropeTheta(), (2.0 * j) / hd));
    }
    NDArray invFreq = manager.create(inv);
    NDArray freqs = positions.toType(DataType.FLOAT32, false).expandDims(2).mul(invFreq.reshape(1, 1, hd / 2));
    NDArray emb = NDArrays.concat(new NDList(freqs, freqs), 2).expandDims(1);
    NDArray cos = emb.cos();
    NDArray sin = emb.sin();
    if (dataType != DataType.FLOAT32) {
      cos = cos.toType(dataType, false);
      sin = sin.toType(dataType, false);
    }
    return new NDArray[] {cos, sin};
  }

  private NDArray applyRope(NDArray x, NDArray[] rope) {
    long half = config.headDim() / 2;
    NDArray x1 = x.get(new NDIndex("..., :{}", half));
    NDArray x2 = x.get(new NDIndex("..., {}:", half));
    NDArray rotated = NDArrays.concat(new NDList(x2.neg(), x1), 3);
    return x.mul(rope[0]).add(rotated.mul(rope[1]));
  }

  // ---------------------------------------------------------------- blocks

  private NDArray rmsNorm(NDArray x, String weight) {
    NDArray xf = x.getDataType() == DataType.FLOAT32 ? x : x.toType(DataType.FLOAT32, false);
    NDArray variance = xf.square().mean(new int[] {-1}, true);
    NDArray normed = xf.mul(variance.add(config.rmsNormEps()).pow(-0.5));
    if (dataType != DataType.FLOAT32) {
      normed = normed.toType(dataType, false);
    }
    return normed.mul(p(weight));
  }

  private NDArray layerNorm(NDArray x, String prefix) {
    NDArray w = p(prefix + ".weight");
    return LayerNorm.layerNorm(x, w.getShape(), w, p(prefix + ".bias"), RadfmConfig.LAYER_NORM_EPS)
        .singletonOrThrow();
  }

  private NDArray linear(NDArray x, String weight, String bias) {
    return Linear.linear(x, p(weight), p(bias)).singletonOrThrow();
  }

  private NDArray dropout(NDArray x, boolean training) {
    if (!training || config.visionDropout() <= 0) {
      return x;
    }
    return Dropout.dropout(x, (float) config.visionDropout(), true).singletonOrThrow();
  }

  /** [B, T, heads * d] -> [B, heads, T, d]. */
  private static NDArray heads(NDArray x, int heads) {
    Shape s = x.getShape();
    return x.reshape(s.get(0), s.get(1), heads, s.get(2) / heads).transpose(0, 2, 1, 3);
  }

  /** [B, heads, T, d] -> [B, T, heads * d]. */
  private static NDArray merge(NDArray x) {
    Shape s = x.getShape();
    return x.transpose(0, 2, 1, 3).reshape(s.get(0), s.get(2), s.get(1) * s.get(3));
  }

  /** Scaled dot-product attention with an optional additive mask; softmax in FLOAT32 as HF LLaMA does. */
  private NDArray attention(NDArray q, NDArray k, NDArray v, NDArray mask, boolean training) {
    double scale = 1.0 / Math.sqrt(q.getShape().get(3));
    NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(scale);
    if (mask != null) {
      scores = scores.add(mask);
    }
    NDArray probs = scores.getDataType() == DataType.FLOAT32
        ? scores.softmax(-1) : scores.toType(DataType.FLOAT32, false).softmax(-1).toType(dataType, false);
    probs = dropout(probs, training);
    return probs.matMul(v);
  }

  @Override
  public void close() {
    manager.close();
  }
}
