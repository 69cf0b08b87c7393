package org.radmd.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Default locations of shared resources (the disease vocabulary, RadFM's prompts) when no option names them. */
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

  /**
   * RadFM's prompt folder for the RadMD export: {@code explicit} when given (it must exist), else
   * {@code $RADMD_PROMPTS}, else {@code shared/radfm/prompts} beside the checkout, else null (radmd's fixed prompts;
   * see {@link org.radmd.pipelines.export.Prompts}).
   */
  static Path prompts(Path explicit) {
    if (explicit != null) {
      if (!Files.isDirectory(explicit)) {
        throw new IllegalArgumentException("RadFM prompt folder not found: " + explicit);
      }
      return explicit;
    }
    return org.radmd.pipelines.export.ExportSettings.defaultPromptsDir();
  }
}
