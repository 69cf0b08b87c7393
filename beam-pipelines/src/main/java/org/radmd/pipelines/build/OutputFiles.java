package org.radmd.pipelines.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.radmd.core.Json;
import org.radmd.core.Reject;
import org.radmd.core.Sample;

/** Reads back and clears the JSONL outputs of a build. Stateless. */
public final class OutputFiles {
  private OutputFiles() {}

  /** Every record in {@code dir/NAME-*.jsonl}, shards in name order, lines in file order. */
  public static <T> List<T> read(Path dir, String name, Class<T> type) throws IOException {
    List<T> out = new ArrayList<>();
    for (Path shard : shards(dir, name)) {
      for (String line : Files.readAllLines(shard, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          out.add(Json.read(line, type));
        }
      }
    }
    return out;
  }

  /** The samples of {@code OUT/medmd} or {@code OUT/radmd}. */
  public static List<Sample> samples(Path outputRoot, String set) throws IOException {
    return read(outputRoot.resolve(set), "samples", Sample.class);
  }

  /** The rejects of {@code OUT/rejects}. */
  public static List<Reject> rejects(Path outputRoot) throws IOException {
    return read(outputRoot.resolve(OutputLayout.REJECTS), "rejects", Reject.class);
  }

  /** The shard files {@code dir/NAME-*.jsonl}, sorted by name; empty when {@code dir} does not exist. */
  public static List<Path> shards(Path dir, String name) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> {
        String f = p.getFileName().toString();
        return f.startsWith(name + "-") && f.endsWith(".jsonl");
      }).sorted().toList();
    }
  }

  /**
   * Removes the previous run's JSONL shards and index so a rerun cannot mix old and new records, and the
   * half-written temporary files an interrupted run left among the stored images and volumes (every writer
   * there writes a hidden {@code .name} file and renames it into place, so a hidden file is never a finished
   * output). Finished images and volumes are kept: they are content-addressed, and a rerun reuses them. Only
   * safe while no other job writes to {@code outputRoot} (one job per output folder).
   */
  static void clearRecords(Path outputRoot) throws IOException {
    Path store = outputRoot.resolve(OutputLayout.MEDMD);
    if (Files.isDirectory(store)) {
      try (Stream<Path> s = Files.walk(store, 3)) {
        for (Path p : s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().startsWith("."))
            .toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
    for (String[] set : new String[][] {{OutputLayout.MEDMD, "samples"}, {OutputLayout.RADMD, "samples"},
        {OutputLayout.REJECTS, "rejects"}}) {
      for (Path p : shards(outputRoot.resolve(set[0]), set[1])) {
        Files.delete(p);
      }
    }
    deleteTree(outputRoot.resolve(OutputLayout.INDEX));
  }

  /**
   * Deletes {@code dir} and everything below it; nothing when it does not exist.
   *
   * @throws IOException if the folder cannot be listed
   * @throws UncheckedIOException if an entry cannot be deleted
   */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
