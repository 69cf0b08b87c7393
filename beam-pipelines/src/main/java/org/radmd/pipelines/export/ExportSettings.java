package org.radmd.pipelines.export;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Settings of a RadMD export. Immutable.
 *
 * @param testFraction share of case groups in {@code test} (default {@link #DEFAULT_TEST_FRACTION})
 * @param splitSeed seed of the split and of the prompt choice (default {@link #DEFAULT_SEED})
 * @param promptsDir RadFM's prompt folder, or null for radmd's fixed prompts ({@link Prompts})
 * @param selector what to export ({@link Selector#ALL} for a build)
 */
public record ExportSettings(double testFraction, String splitSeed, Path promptsDir, Selector selector) {
  public static final double DEFAULT_TEST_FRACTION = 0.1;
  public static final String DEFAULT_SEED = "radmd";

  public ExportSettings {
    if (!(testFraction >= 0 && testFraction <= 1)) {
      throw new IllegalArgumentException("--test-fraction must be in [0, 1]: " + testFraction);
    }
    splitSeed = splitSeed == null || splitSeed.isEmpty() ? DEFAULT_SEED : splitSeed;
    selector = selector == null ? Selector.ALL : selector;
  }

  /** Defaults: fraction 0.1, seed "radmd", prompts from {@link #defaultPromptsDir}, everything selected. */
  public static ExportSettings defaults() {
    return new ExportSettings(DEFAULT_TEST_FRACTION, DEFAULT_SEED, defaultPromptsDir(), Selector.ALL);
  }

  /**
   * The settings of the full export a build writes: its {@code testFraction}, {@code splitSeed} and
   * {@code radfmPrompts} options (an empty prompt folder means {@link #defaultPromptsDir}), everything selected.
   *
   * @throws IllegalArgumentException if the fraction is outside [0, 1] or a named prompt folder does not exist
   */
  public static ExportSettings of(org.radmd.pipelines.build.BuildOptions o) {
    String dir = o.getRadfmPrompts();
    Path prompts = dir == null || dir.isBlank() ? defaultPromptsDir() : Path.of(dir);
    if (prompts != null && !Files.isDirectory(prompts)) {
      throw new IllegalArgumentException("RadFM prompt folder not found: " + prompts);
    }
    return new ExportSettings(o.getTestFraction(), o.getSplitSeed(), prompts, Selector.ALL);
  }

  /**
   * RadFM's prompt folder when none is named: {@code $RADMD_PROMPTS}, else {@code shared/radfm/prompts} beside the
   * checkout ({@code -Dradmd.home}, set by the {@code ./radmd} launcher), else {@code radfm/prompts} under
   * {@code -Dradmd.shared} (set for tests by the parent POM), else null (fixed prompts).
   */
  public static Path defaultPromptsDir() {
    String env = System.getenv("RADMD_PROMPTS");
    if (env != null && Files.isDirectory(Path.of(env))) {
      return Path.of(env);
    }
    String home = System.getProperty("radmd.home");
    if (home != null) {
      Path p = Path.of(home).toAbsolutePath().getParent().resolve("shared/radfm/prompts");
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    String shared = System.getProperty("radmd.shared");
    if (shared != null && Files.isDirectory(Path.of(shared, "radfm/prompts"))) {
      return Path.of(shared, "radfm/prompts");
    }
    return null;
  }
}
