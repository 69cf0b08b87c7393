package org.radmd.scrapers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.radmd.scrapers.covid.CovidCtCxrReader;
import org.radmd.scrapers.dicom.DicomFolderReader;
import org.radmd.scrapers.harvest.WarcReplayReader;
import org.radmd.scrapers.jats.JatsArticleReader;
import org.radmd.scrapers.medicat.MedicatReader;
import org.radmd.scrapers.medpix.MedPixReader;
import org.radmd.scrapers.radiopaedia.RadiopaediaCaseReader;
import org.radmd.scrapers.roco.RocoReader;
import org.radmd.scrapers.support.Origins;

/** The registry of source readers and input discovery. Stateless and thread-safe. */
public final class Readers {
  private static final List<SourceReader> ALL = readers(new DicomFolderReader());

  private Readers() {}

  /**
   * Every reader, in a fixed order: JATS, MedPix, Radiopaedia, ROCO, MedICaT, COVID-19-CT-CXR, WARC replay,
   * DICOM study folders (this instance has a per-JVM de-identification key; a build passes its own). The
   * list is unmodifiable. Their {@code accepts} tests do not overlap (JATS takes {@code article}-rooted XML,
   * COVID-19-CT-CXR BioC {@code collection}-rooted XML; MedPix takes {@code data*.jsonl} with a descriptions
   * sibling, MedICaT JSON Lines whose records have {@code pdf_hash} and {@code fig_uri}; WARC replay {@code
   * *.warc[.gz]}; DICOM the first DICOM file of a folder), so the order only fixes precedence.
   */
  public static List<SourceReader> all() {
    return ALL;
  }

  /**
   * The same readers as {@link #all()}, with the DICOM reader keyed by {@code deidSecret}: a build uses one
   * de-identification key on every worker, so pseudonyms agree across JVMs.
   *
   * @throws IllegalArgumentException if the secret is shorter than 16 bytes
   */
  public static List<SourceReader> all(byte[] deidSecret) {
    return readers(new DicomFolderReader(deidSecret));
  }

  private static List<SourceReader> readers(DicomFolderReader dicom) {
    return List.of(new JatsArticleReader(), new MedPixReader(), new RadiopaediaCaseReader(), new RocoReader(),
        new MedicatReader(), new CovidCtCxrReader(), new WarcReplayReader(), dicom);
  }

  /**
   * Every regular file under {@code inputRoot} (recursively, symbolic links not followed) that some reader
   * accepts, sorted by its {@code '/'}-separated path relative to {@code inputRoot}. Unreadable
   * sub-folders are skipped. When {@code inputRoot} is itself a file, the result is that file if accepted.
   *
   * @return absolute, normalized paths
   * @throws UncheckedIOException if {@code inputRoot} does not exist or cannot be listed
   */
  public static List<Path> discover(Path inputRoot) {
    Path root = inputRoot.toAbsolutePath().normalize();
    if (Files.isRegularFile(root)) {
      return readerFor(root).isPresent() ? List.of(root) : List.of();
    }
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile() && readerFor(file).isPresent()) {
            found.add(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
          if (file.equals(root)) {
            throw exc;
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list input root " + root, e);
    }
    found.sort(Comparator.comparing(p -> Origins.relative(p, root)));
    return List.copyOf(found);
  }

  /** The first reader of {@link #all()} that accepts {@code file}, if any. */
  public static Optional<SourceReader> readerFor(Path file) {
    return readerFor(file, ALL);
  }

  /** The first reader of {@code readers} that accepts {@code file}, if any. */
  public static Optional<SourceReader> readerFor(Path file, List<SourceReader> readers) {
    for (SourceReader r : readers) {
      if (r.accepts(file)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
