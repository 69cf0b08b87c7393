package org.radmd.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the output-relative image paths that samples store ({@link org.radmd.core.ImageRef#path()}, e.g.
 * {@code medmd/images/ab/<sha256>.png}) to files, admitting only regular files inside the stored-image areas of
 * one build output: {@code <root>/medmd/images} and {@code <root>/medmd/volumes}.
 *
 * <p>A path is refused (empty result) when it is blank, absolute, holds a backslash, a NUL, a {@code ':'}, an
 * empty, {@code "."} or {@code ".."} segment, lies outside both areas, is not a regular file, or, once symbolic
 * links are followed, ends up outside the area it named (a link may point elsewhere inside its own area). The
 * caller decodes any URL escaping before; a decoded path is checked as it is, so {@code %2e%2e} decoded to
 * {@code ..} is refused like {@code ..}.
 *
 * <p>Immutable and thread-safe. The areas' real paths are resolved once, at construction; an area that does not
 * exist then admits nothing.
 */
public final class StoredPaths {
  /** The output-relative folders whose files may be read, in the pipeline's layout. */
  public static final List<String> AREAS = List.of("medmd/images", "medmd/volumes");
  /** Suffix of stored volumes; their key slice is the same path with {@value #KEY_SLICE_SUFFIX}. */
  public static final String VOLUME_SUFFIX = ".nii.gz";
  /** Suffix of stored 2D images and volume key slices. */
  public static final String KEY_SLICE_SUFFIX = ".png";

  private final Path root;
  private final List<@Nullable Path> realAreas;

  /**
   * @param outputRoot the build output folder (holding {@code medmd/} and {@code index/})
   */
  public StoredPaths(Path outputRoot) {
    this.root = outputRoot.toAbsolutePath().normalize();
    this.realAreas = AREAS.stream().map(a -> realOrNull(root.resolve(a))).toList();
  }

  /** The output root, absolute and normalized. */
  public Path root() {
    return root;
  }

  /**
   * The file an output-relative path names, when it is a regular file inside a stored-image area.
   *
   * @param relative the path with '/' separators, already URL-decoded
   * @return the real (symlink-free) path of the file, or empty when refused (see the class comment)
   */
  public Optional<Path> resolve(String relative) {
    if (!wellFormed(relative)) {
      return Optional.empty();
    }
    for (int i = 0; i < AREAS.size(); i++) {
      Path area = realAreas.get(i);
      if (area != null && relative.startsWith(AREAS.get(i) + "/")) {
        return inside(area, root.resolve(relative));
      }
    }
    return Optional.empty();
  }

  /** The key-slice thumbnail path of a stored volume path ({@code x.nii.gz} to {@code x.png}); else the path. */
  public static String thumbnailOf(String storedPath) {
    return storedPath.endsWith(VOLUME_SUFFIX)
        ? storedPath.substring(0, storedPath.length() - VOLUME_SUFFIX.length()) + KEY_SLICE_SUFFIX
        : storedPath;
  }

  /**
   * True when {@code relative} is a plain relative path: non-blank, no leading '/', no backslash, NUL or colon,
   * and no empty, "." or ".." segment.
   */
  static boolean wellFormed(String relative) {
    if (relative.isEmpty() || relative.startsWith("/") || relative.indexOf('\\') >= 0
        || relative.indexOf('\0') >= 0 || relative.indexOf(':') >= 0) {
      return false;
    }
    for (String segment : relative.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  private static Optional<Path> inside(Path realArea, Path candidate) {
    if (!Files.isRegularFile(candidate)) {
      return Optional.empty();
    }
    Path real = realOrNull(candidate);
    return real != null && real.startsWith(realArea) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)
        ? Optional.of(real)
        : Optional.empty();
  }

  private static @Nullable Path realOrNull(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }
}
