package org.radmd.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the shared real-data folder ({@code ../shared} beside the checkout: corpus, vocab, radfm). Tests
 * read the real files from there and never copy them into the project.
 *
 * <p>Resolution order: system property {@code radmd.shared} (set by the parent POM), environment variable
 * {@code RADMD_SHARED}, then {@code ../shared} from the working directory and each of its parents.
 */
public final class SharedCorpus {
  private SharedCorpus() {}

  /**
   * The shared folder.
   *
   * @throws IllegalStateException if it cannot be found (the tests need it; see README "Sample corpus")
   */
  public static Path root() {
    String prop = System.getProperty("radmd.shared");
    if (prop != null && Files.isDirectory(Path.of(prop, "corpus"))) {
      return Path.of(prop).toAbsolutePath().normalize();
    }
    String env = System.getenv("RADMD_SHARED");
    if (env != null && Files.isDirectory(Path.of(env, "corpus"))) {
      return Path.of(env).toAbsolutePath().normalize();
    }
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("corpus"))) {
        return candidate.normalize();
      }
    }
    throw new IllegalStateException(
        "shared corpus not found: expected ../shared/corpus beside the checkout, or -Dradmd.shared=DIR");
  }

  /** {@code shared/corpus}. */
  public static Path corpus() {
    return root().resolve("corpus");
  }

  /** A path under {@code shared/corpus}. */
  public static Path corpus(String relative) {
    return corpus().resolve(relative);
  }
}
