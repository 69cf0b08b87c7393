package org.radmd.pipelines.export;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.radmd.core.Json;
import org.radmd.pipelines.build.OutputFiles;

/**
 * Reads the records of a sharded, per-shard sorted JSONL output ({@code dir/NAME-SSSSS-of-NNNNN.jsonl}) one at a
 * time, merged across shards in ascending order of a key (a k-way merge): memory holds one record per shard, not
 * the set. Not thread-safe; close it to release the files.
 *
 * @param <T> the record type
 */
final class SampleStream<T> implements Iterator<T>, Closeable {
  /** Extracts the sort key of a record. */
  interface Key<T> {
    String of(T record);
  }

  private record Head<T>(T record, String key, int shard) {}

  private final Class<T> type;
  private final Key<T> key;
  private final List<BufferedReader> readers = new ArrayList<>();
  private final PriorityQueue<Head<T>> heads;

  private SampleStream(List<Path> shards, Class<T> type, Key<T> key) throws IOException {
    this.type = type;
    this.key = key;
    this.heads = new PriorityQueue<>((a, b) -> {
      int c = a.key().compareTo(b.key());
      return c != 0 ? c : Integer.compare(a.shard(), b.shard());
    });
    try {
      for (Path p : shards) {
        readers.add(Files.newBufferedReader(p, StandardCharsets.UTF_8));
        advance(readers.size() - 1);
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Opens the shards {@code dir/NAME-*.jsonl} (none when the folder is missing).
   *
   * @throws IOException if a shard cannot be opened or its first line read
   * @throws UncheckedIOException if a line is not valid JSON for {@code type}
   */
  static <T> SampleStream<T> open(Path dir, String name, Class<T> type, Key<T> key) throws IOException {
    return new SampleStream<>(OutputFiles.shards(dir, name), type, key);
  }

  private void advance(int shard) throws IOException {
    String line;
    BufferedReader r = readers.get(shard);
    while ((line = r.readLine()) != null) {
      if (!line.isBlank()) {
        T rec = Json.read(line, type);
        heads.add(new Head<>(rec, key.of(rec), shard));
        return;
      }
    }
  }

  @Override
  public boolean hasNext() {
    return !heads.isEmpty();
  }

  @Override
  public T next() {
    Head<T> h = heads.poll();
    if (h == null) {
      throw new NoSuchElementException();
    }
    try {
      advance(h.shard());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return h.record();
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (BufferedReader r : readers) {
      try {
        r.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
