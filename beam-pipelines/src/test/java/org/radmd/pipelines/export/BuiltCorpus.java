package org.radmd.pipelines.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.radmd.pipelines.Runners;
import org.radmd.pipelines.build.BuildJob;
import org.radmd.pipelines.build.BuildOptions;
import org.radmd.testing.SharedCorpus;

/**
 * One build of the real sample corpus ({@code ../shared/corpus}, DirectRunner) shared by every export test class
 * in the test JVM: built on first use into a temporary folder, deleted at JVM exit. Thread-safe.
 */
final class BuiltCorpus {
  private static Path out;

  private BuiltCorpus() {}

  /** The build output folder (medmd/, radmd/, rejects/, stats.json and the build's own export). */
  static synchronized Path output() {
    if (out == null) {
      try {
        Path dir = Files.createTempDirectory("radmd-export-test");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        BuildOptions o = PipelineOptionsFactory.as(BuildOptions.class);
        o.setInputDir(SharedCorpus.corpus().toString());
        o.setOutputDir(dir.toString());
        o.setDeidSecret("00112233445566778899aabbccddeeff");
        o.setRadfmPrompts(SharedCorpus.root().resolve("radfm/prompts").toString());
        Runners.configure(o, Runners.Kind.DIRECT, null, 2);
        BuildJob.run(o, null);
        out = dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** A new empty folder that is deleted at JVM exit. */
  static Path tempDir(String prefix) throws IOException {
    Path dir = Files.createTempDirectory(prefix);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
    return dir;
  }

  static void delete(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort at exit
    }
  }
}
