package org.radmd.scrapers.jats;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.radmd.scrapers.support.ImageFiles;

/**
 * Finds the image file of a {@code graphic/@xlink:href} in the article's folder. PMC OA packages name
 * figures {@code <href>.jpg} (full size) and {@code <href>.gif} (thumbnail) while the href usually has no
 * extension. Tried in order: {@code href} + each of {@link #EXTENSIONS} (then their upper-case forms), then
 * {@code href} as written; an href that already ends in an image extension is tried without it first, so
 * that a full-size {@code .jpg} wins over a written {@code .gif} or {@code .tif}. URLs ({@code scheme://}),
 * absolute paths and hrefs that would leave the folder ({@code ..}) never resolve. Thread-safe.
 */
final class FigureImages {
  /** Extensions tried, best first. */
  static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".tif", ".tiff", ".gif");

  private FigureImages() {}

  /** The existing regular file for {@code href} inside {@code folder}, if any. */
  static Optional<Path> resolve(Path folder, String href) {
    if (href == null || href.contains("://") || href.startsWith("/") || href.startsWith("\\")) {
      return Optional.empty();
    }
    String stem = href;
    if (ImageFiles.isImageName(href)) {
      stem = href.substring(0, href.lastIndexOf('.'));
    }
    Path dir = folder.toAbsolutePath().normalize();
    for (String ext : EXTENSIONS) {
      Optional<Path> p = existing(dir, stem + ext);
      if (p.isEmpty()) {
        p = existing(dir, stem + ext.toUpperCase(Locale.ROOT));
      }
      if (p.isPresent()) {
        return p;
      }
    }
    return existing(dir, href);
  }

  private static Optional<Path> existing(Path dir, String name) {
    try {
      Path p = dir.resolve(name).normalize();
      if (!p.startsWith(dir) || p.equals(dir)) {
        return Optional.empty();
      }
      return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }
}
