package org.radmd.pipelines.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.radmd.pipelines.Runners;
import org.radmd.testing.SharedCorpus;

/**
 * One build of the real corpus on the embedded Flink runner (parallelism 2), made once per test JVM and shared
 * by the tests that compare other runs (DirectRunner, a Flink session cluster, a resumed build) against it.
 */
final class EmbeddedReference {
  private static Path out;
  private static BuildReport report;
  private static List<byte[]> jsonl;

  private EmbeddedReference() {}

  /** Runs the reference build on first use. */
  static synchronized void ensure() throws IOException {
    if (out == null) {
      Path dir = Files.createTempDirectory("radmd-embedded-ref");
      report = BuildJob.run(BuildPipelineTest.options(SharedCorpus.corpus(), dir, Runners.Kind.FLINK), null);
      jsonl = BuildPipelineTest.jsonl(dir);
      out = dir;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          OutputFiles.deleteTree(dir);
        } catch (IOException | RuntimeException e) {
          // best effort: a temp folder
        }
      }));
    }
  }

  static Path out() throws IOException {
    ensure();
    return out;
  }

  static BuildReport report() throws IOException {
    ensure();
    return report;
  }

  /** The JSONL outputs (medmd, radmd, rejects shards) as bytes, in {@link BuildPipelineTest#jsonl} order. */
  static List<byte[]> jsonl() throws IOException {
    ensure();
    return jsonl;
  }
}
