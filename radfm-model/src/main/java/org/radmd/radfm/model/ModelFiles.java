package org.radmd.radfm.model;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A model folder: {@code config.json} (the {@link RadfmConfig} record as JSON) and {@code model.safetensors}
 * (RadFM state-dict names). Written by {@code radmd train}, read by {@code radmd ask} and the backend.
 * Stateless and thread-safe.
 */
public final class ModelFiles {
  /** Config file name inside a model folder. */
  public static final String CONFIG_FILE = "config.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ModelFiles() {}

  /** Writes config.json and model.safetensors into {@code dir} (created if needed). */
  public static void save(RadfmModel model, Path dir) throws IOException {
    Files.createDirectories(dir);
    writeConfig(model.config(), dir);
    RadfmWeights.save(model, dir.resolve(RadfmWeights.MODEL_FILE), Map.of());
  }

  /** Writes only config.json. */
  public static void writeConfig(RadfmConfig config, Path dir) throws IOException {
    Files.createDirectories(dir);
    JSON.writeValue(dir.resolve(CONFIG_FILE).toFile(), config);
  }

  /**
   * Reads the config of a model folder.
   *
   * @throws IOException if config.json is missing or malformed
   */
  public static RadfmConfig readConfig(Path dir) throws IOException {
    Path f = dir.resolve(CONFIG_FILE);
    if (!Files.isRegularFile(f)) {
      throw new IOException(dir + ": not a radmd model folder (no " + CONFIG_FILE + ")");
    }
    return JSON.readValue(f.toFile(), RadfmConfig.class);
  }

  /** Loads a model folder onto {@code device} in {@code dataType}. */
  public static RadfmModel load(Path dir, Device device, DataType dataType) throws IOException {
    return RadfmWeights.load(dir, readConfig(dir), device, dataType);
  }

  /** Loads a model folder on {@link RadfmModel#defaultDevice()} in its default type. */
  public static RadfmModel load(Path dir) throws IOException {
    Device d = RadfmModel.defaultDevice();
    return load(dir, d, RadfmModel.defaultDataType(d));
  }
}
