package org.radmd.core.dicom;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.radmd.core.Json;
import org.radmd.testing.SharedCorpus;

/** Reads the curator's {@code expected.json} files of {@code shared/corpus} in place. */
final class Expected {
  private Expected() {}

  /** {@code shared/corpus/<relative>/expected.json} as a tree. */
  static JsonNode of(String relativeFolder) {
    Path p = SharedCorpus.corpus(relativeFolder).resolve("expected.json");
    try {
      return Json.mapper().readTree(p.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The entry of {@code dicom/single/expected.json} for one file. */
  static JsonNode single(String file) {
    for (JsonNode f : of("dicom/single").get("files")) {
      if (f.get("file").asText().equals(file)) {
        return f;
      }
    }
    throw new IllegalArgumentException("no expected.json entry for " + file);
  }

  static int[] ints(JsonNode array) {
    int[] out = new int[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asInt();
    }
    return out;
  }

  static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }
}
