package org.radmd.pipelines.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.radmd.core.Json;

/**
 * Scores already computed by one model, kept on disk so that an interrupted scoring run resumes where it stopped:
 * an append-only JSON Lines file {@code <dir>/<modelId>.jsonl}, one line {@code {"key": ..., "id": ...,
 * "scores": {name: value}}} per scored sample. The key ({@link RadfmSampleScorer#cacheKey}) covers the sample id,
 * its text and its images' pixel hashes, so an edited sample is scored again. A torn last line (the process was
 * killed mid-write) is skipped on load; a key written twice keeps its last value.
 *
 * <p>Thread-safe: lookups are lock-free; {@link #putAll} appends and flushes under a lock.
 */
public final class ScoreCache implements AutoCloseable {
  private final Path file;
  private final Map<String, Map<String, Double>> entries = new ConcurrentHashMap<>();
  private BufferedWriter writer;

  /**
   * Opens (creating the directory) and loads the cache of {@code modelId} under {@code dir}.
   *
   * @throws UncheckedIOException if the directory cannot be created or the file read
   */
  public ScoreCache(Path dir, String modelId) {
    this.file = dir.resolve(modelId + ".jsonl");
    try {
      Files.createDirectories(dir);
      if (Files.isRegularFile(file)) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          parse(line).ifPresent(e -> entries.put(e.getKey(), e.getValue()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open score cache " + file, e);
    }
  }

  private static Optional<Map.Entry<String, Map<String, Double>>> parse(String line) {
    if (line.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode n = Json.mapper().readTree(line);
      if (n == null || !n.hasNonNull("key") || !n.path("scores").isObject()) {
        return Optional.empty();
      }
      Map<String, Double> s = new LinkedHashMap<>();
      n.get("scores").properties().forEach(e -> s.put(e.getKey(), e.getValue().asDouble()));
      return Optional.of(Map.entry(n.get("key").asText(), Map.copyOf(s)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // a torn line from an interrupted run
    }
  }

  /** The cache file. */
  public Path file() {
    return file;
  }

  /** Number of cached samples. */
  public int size() {
    return entries.size();
  }

  /** The cached scores of {@code key}, if any. */
  public Optional<Map<String, Double>> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  /**
   * Records scores and appends them to the file (flushed before return).
   *
   * @param keys cache keys
   * @param ids sample ids (for people reading the file), same size
   * @param scores scores, same size; empty maps (unscorable samples) are recorded too
   */
  public synchronized void putAll(List<String> keys, List<String> ids, List<Map<String, Double>> scores) {
    try {
      if (writer == null) {
        writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
      for (int i = 0; i < keys.size(); i++) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("key", keys.get(i));
        o.put("id", ids.get(i));
        ObjectNode s = o.putObject("scores");
        scores.get(i).forEach(s::put);
        writer.write(Json.mapper().writeValueAsString(o));
        writer.newLine();
        entries.put(keys.get(i), Map.copyOf(scores.get(i)));
      }
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to score cache " + file, e);
    }
  }

  @Override
  public synchronized void close() {
    if (writer != null) {
      try {
        writer.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        writer = null;
      }
    }
  }
}
