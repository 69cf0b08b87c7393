package org.radmd.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Default locations of shared resources (the disease vocabulary) when no option names them. */
final class SharedPaths {
  private SharedPaths() {}

  /**
   * The Disease Ontology file to use: {@code explicit} when given, else {@code $RADMD_VOCAB}, else
   * {@code shared/vocab/doid.obo} beside the radmd checkout ({@code -Dradmd.home} set by the launcher), else
   * null (no synonym expansion).
   */
  static Path vocabulary(Path explicit) {
    if (explicit != null) {
      if (!Files.isRegularFile(explicit)) {
        throw new IllegalArgumentException("vocabulary file not found: " + explicit);
      }
      return explicit;
    }
    String env = System.getenv("RADMD_VOCAB");
    if (env != null && Files.isRegularFile(Path.of(env))) {
      return Path.of(env);
    }
    String home = System.getProperty("radmd.home");
    if (home != null) {
      Path p = Path.of(home).toAbsolutePath().getParent().resolve("shared/vocab/doid.obo");
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }
}
