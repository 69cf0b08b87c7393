package org.radmd.scrapers.support;

import java.nio.file.Path;

/** Origin strings for samples, rejects and {@code sourceFiles}. Stateless and thread-safe. */
public final class Origins {
  private Origins() {}

  /**
   * {@code file} relative to {@code root}, with {@code '/'} separators on every platform, so that origins
   * are byte-identical across machines. When {@code file} is not under {@code root} (or {@code root} is
   * null) the file name alone is returned; when they are the same path, the file name too.
   */
  public static String relative(Path file, Path root) {
    Path f = file.toAbsolutePath().normalize();
    if (root != null) {
      Path r = root.toAbsolutePath().normalize();
      if (f.startsWith(r) && !f.equals(r)) {
        return slashes(r.relativize(f));
      }
    }
    Path name = f.getFileName();
    return name == null ? slashes(f) : name.toString();
  }

  private static String slashes(Path p) {
    StringBuilder sb = new StringBuilder();
    for (Path part : p) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(part);
    }
    return sb.toString();
  }
}
