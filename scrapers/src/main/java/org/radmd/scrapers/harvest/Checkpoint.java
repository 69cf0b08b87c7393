package org.radmd.scrapers.harvest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The keys of items a harvest has finished (e.g. PMC ids), persisted as a sorted UTF-8 text file, one key per
 * line. Every {@link #add} rewrites the file atomically (a temporary file in the same folder, forced to disk,
 * then an atomic rename), so after a crash the file holds either the old or the new set, never a torn one. An
 * item is added only after its files are in place, so a restarted harvest skips exactly the finished items and
 * fetches the rest. Thread-safe (synchronized).
 */
public final class Checkpoint {
  private final Path file;
  private final TreeSet<String> done = new TreeSet<>();

  private Checkpoint(Path file) {
    this.file = file;
  }

  /**
   * Opens (or starts) the checkpoint at {@code file}; a leftover temporary file from an interrupted write is
   * ignored.
   *
   * @throws IOException when an existing file cannot be read
   */
  public static Checkpoint open(Path file) throws IOException {
    Checkpoint c = new Checkpoint(file);
    if (Files.isRegularFile(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          c.done.add(line.strip());
        }
      }
    }
    return c;
  }

  /** True when {@code key} is finished. */
  public synchronized boolean contains(String key) {
    return done.contains(key);
  }

  /** Marks {@code key} finished and persists the set before returning. Keys must not contain line breaks. */
  public synchronized void add(String key) throws IOException {
    if (key.contains("\n") || key.contains("\r") || key.isBlank()) {
      throw new IllegalArgumentException("bad checkpoint key: " + key);
    }
    if (done.add(key)) {
      write();
    }
  }

  /** A snapshot of the finished keys, sorted. */
  public synchronized SortedSet<String> keys() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(done));
  }

  private void write() throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    byte[] bytes = (String.join("\n", done) + "\n").getBytes(StandardCharsets.UTF_8);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
