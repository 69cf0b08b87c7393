package org.radmd.radfm.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and saves {@link RadfmModel} parameters as safetensors keyed by RadFM's state-dict names.
 *
 * <p>Loading accepts one {@code .safetensors} file, or a folder holding {@code model.safetensors} or a sharded
 * {@code model.safetensors.index.json} (HF layout). Tensors are read one at a time through memory mapping
 * ({@link SafeTensors}), so RadFM's ~28 GB checkpoint (converted from its {@code pytorch_model.bin}) never needs
 * to fit in a Java array. Keys of RadFM's dead modules (radfm-spec §4: Med-KEBERT {@code bert_model}, {@code
 * bert_projection_fc}, {@code transformer_decoder}, {@code transformer_decoder_mlp}, {@code cls_head},
 * {@code output_upscaling}) and {@code rotary_emb.inv_freq} buffers are skipped with a logged count;
 * {@code embedding_layer.weight} (RadFM's tie of the input embedding) is used only when
 * {@code lang_model.model.embed_tokens.weight} is absent. Any other unknown key, a missing key or a shape
 * mismatch is an error naming the key. Stateless and thread-safe.
 */
public final class RadfmWeights {
  private static final Logger LOG = LoggerFactory.getLogger(RadfmWeights.class);
  /** File name of a single-file checkpoint inside a model folder. */
  public static final String MODEL_FILE = "model.safetensors";
  /** Prefixes of RadFM modules that exist in its checkpoint but take no part in the forward pass. */
  public static final List<String> DEAD_PREFIXES = List.of(
      "embedding_layer.bert_model.", "embedding_layer.bert_projection_fc.",
      "embedding_layer.transformer_decoder.", "embedding_layer.transformer_decoder_mlp.",
      "embedding_layer.cls_head.", "embedding_layer.output_upscaling.");
  private static final String TIED = "embedding_layer.weight";
  private static final String EMBED = "lang_model.model.embed_tokens.weight";

  private RadfmWeights() {}

  /** True for a key that RadFM's checkpoint holds but the forward pass never reads. */
  public static boolean isDead(String key) {
    if (key.endsWith("rotary_emb.inv_freq")) {
      return true;
    }
    for (String p : DEAD_PREFIXES) {
      if (key.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Loads a model.
   *
   * @param path a .safetensors file or a folder (see class doc)
   * @param device where to place the parameters
   * @param dataType parameter type (stored tensors are converted)
   * @throws IOException if a file cannot be read
   * @throws IllegalArgumentException on a missing, unknown or mis-shaped key
   */
  public static RadfmModel load(Path path, RadfmConfig config, Device device, DataType dataType) throws IOException {
    Map<String, Path> keyToFile = index(path);
    Map<String, long[]> expected = config.parameterShapes();
    int dead = 0;
    List<String> unknown = new ArrayList<>();
    for (String k : keyToFile.keySet()) {
      if (isDead(k)) {
        dead++;
      } else if (!expected.containsKey(k) && !k.equals(TIED)) {
        unknown.add(k);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(path + ": " + unknown.size() + " keys unknown to config '"
          + config.name() + "', e.g. " + unknown.subList(0, Math.min(5, unknown.size())));
    }
    if (!keyToFile.containsKey(EMBED) && keyToFile.containsKey(TIED)) {
      keyToFile.put(EMBED, keyToFile.get(TIED));
    }
    List<String> missing = new ArrayList<>();
    for (String k : expected.keySet()) {
      if (!keyToFile.containsKey(k)) {
        missing.add(k);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(path + ": " + missing.size() + " parameters of config '" + config.name()
          + "' missing, e.g. " + missing.subList(0, Math.min(5, missing.size())));
    }
    NDManager manager = NDManager.newBaseManager(device);
    Map<String, NDArray> params = new LinkedHashMap<>();
    Map<Path, SafeTensors.Reader> readers = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, long[]> e : expected.entrySet()) {
        String k = e.getKey();
        Path file = keyToFile.get(k);
        SafeTensors.Reader r = readers.get(file);
        if (r == null) {
          r = SafeTensors.open(file);
          readers.put(file, r);
        }
        String stored = r.entries().containsKey(k) ? k : TIED;
        long[] shape = r.entries().get(stored).shape();
        if (!Arrays.equals(shape, e.getValue())) {
          throw new IllegalArgumentException(file + ": " + stored + " has shape " + Arrays.toString(shape)
              + ", config '" + config.name() + "' expects " + Arrays.toString(e.getValue()));
        }
        NDArray a = r.read(manager, stored, dataType);
        a.setName(k);
        params.put(k, a);
      }
    } catch (IOException | RuntimeException e) {
      manager.close();
      throw e;
    } finally {
      for (SafeTensors.Reader r : readers.values()) {
        r.close();
      }
    }
    if (dead > 0) {
      LOG.info("{}: skipped {} keys of RadFM's unused modules (Med-KEBERT, decoder, heads, rotary buffers)",
          path, dead);
    }
    return new RadfmModel(config, manager, dataType, params);
  }

  /** Key -> file for a file, a folder with model.safetensors, or a folder with a sharded index. */
  static Map<String, Path> index(Path path) throws IOException {
    Map<String, Path> out = new LinkedHashMap<>();
    if (Files.isDirectory(path)) {
      Path single = path.resolve(MODEL_FILE);
      Path idx = path.resolve("model.safetensors.index.json");
      if (Files.isRegularFile(single)) {
        path = single;
      } else if (Files.isRegularFile(idx)) {
        JsonNode map = new ObjectMapper().readTree(idx.toFile()).get("weight_map");
        if (map == null) {
          throw new IOException(idx + ": no weight_map");
        }
        Path dir = path;
        map.properties().forEach(f -> out.put(f.getKey(), dir.resolve(f.getValue().asText())));
        return out;
      } else {
        throw new IOException(path + ": neither " + MODEL_FILE + " nor model.safetensors.index.json");
      }
    }
    try (SafeTensors.Reader r = SafeTensors.open(path)) {
      for (String k : r.entries().keySet()) {
        out.put(k, path);
      }
    }
    return out;
  }

  /**
   * Saves every parameter of {@code model} to one safetensors file in its own dtype (atomically).
   *
   * @param metadata string metadata (e.g. config name), may be empty
   */
  public static void save(RadfmModel model, Path file, Map<String, String> metadata) throws IOException {
    Map<String, String> meta = new LinkedHashMap<>(metadata);
    meta.putIfAbsent("format", "pt");
    meta.putIfAbsent("radmd.config", model.config().name());
    SafeTensors.write(file, model.parameters(), meta);
  }
}
