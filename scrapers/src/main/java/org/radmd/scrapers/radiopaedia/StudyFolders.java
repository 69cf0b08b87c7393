package org.radmd.scrapers.radiopaedia;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.radmd.scrapers.support.ImageFiles;

/**
 * Lists the series of a study folder and the slices of a series. Series are the sub-folders of the study
 * folder, sorted by name ({@link String#compareTo}); slices are the image files of a series folder
 * ({@link ImageFiles#isImageName}), sorted by the number in their name ({@link ImageFiles#NUMERIC_ORDER}:
 * {@code image-10.jpg} after {@code image-9.jpg}). Hidden entries are ignored. Thread-safe.
 */
final class StudyFolders {
  private StudyFolders() {}

  /** Series folders of {@code study}, sorted by name. */
  static List<Path> series(Path study) throws IOException {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(study)) {
      for (Path p : ds) {
        if (Files.isDirectory(p) && !p.getFileName().toString().startsWith(".")) {
          out.add(p);
        }
      }
    }
    out.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    return out;
  }

  /** Slice files of {@code series}, in slice order. */
  static List<Path> slices(Path series) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(series)) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        if (ImageFiles.isImageName(n) && Files.isRegularFile(p)) {
          names.add(n);
        }
      }
    }
    return ImageFiles.sortNumeric(names).stream().map(series::resolve).toList();
  }
}
