package org.radmd.pipelines.export;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes lines sorted by id while samples arrive sorted by sample id, holding only a small window: a line's id is
 * {@code <sampleId>/...}, so once sample {@code t} arrives every later line id is at least {@code t}, and every
 * pending line with an id below {@code t} can be written. Not thread-safe.
 */
final class SortedLines implements Closeable {
  private final BufferedWriter out;
  private final TreeMap<String, String> pending = new TreeMap<>();
  private long lines;

  SortedLines(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  /** Declares that no later line has an id below {@code nextSampleId}; writes what is now safe. */
  void advance(String nextSampleId) throws IOException {
    while (!pending.isEmpty() && pending.firstKey().compareTo(nextSampleId) < 0) {
      write(pending.pollFirstEntry());
    }
  }

  /**
   * Adds a line.
   *
   * @throws IllegalArgumentException if the id repeats
   */
  void add(String id, String line) {
    if (pending.putIfAbsent(id, line) != null) {
      throw new IllegalArgumentException("duplicate line id " + id);
    }
  }

  long lines() {
    return lines;
  }

  private void write(Map.Entry<String, String> e) throws IOException {
    out.write(e.getValue());
    out.write('\n');
    lines++;
  }

  @Override
  public void close() throws IOException {
    try {
      while (!pending.isEmpty()) {
        write(pending.pollFirstEntry());
      }
    } finally {
      out.close();
    }
  }
}
