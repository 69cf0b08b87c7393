package org.radmd.pipelines.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.pipelines.Runners;
import org.radmd.testing.SharedCorpus;

/**
 * The build on the embedded Flink runner (parallelism 2) gives byte-for-byte the JSONL the DirectRunner
 * gives, on the real corpus.
 */
class FlinkRunnerTest {

  @Test
  void flinkAndDirectRunsWriteIdenticalJsonl(@TempDir Path directOut) throws IOException {
    BuildReport flink = EmbeddedReference.report();
    BuildReport direct = BuildJob.run(
        BuildPipelineTest.options(SharedCorpus.corpus(), directOut, Runners.Kind.DIRECT), null);
    assertEquals("FlinkRunner", flink.stats().get("runner").asText());
    assertTrue(flink.medmdSamples() > 0);
    assertEquals(direct.medmdSamples(), flink.medmdSamples());
    assertSameJsonl(EmbeddedReference.jsonl(), BuildPipelineTest.jsonl(directOut));
  }

  /** Asserts two builds' JSONL outputs (see {@link BuildPipelineTest#jsonl}) are byte-identical. */
  static void assertSameJsonl(List<byte[]> expected, List<byte[]> actual) {
    assertEquals(expected.size(), actual.size(), "number of JSONL files");
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), "JSONL file " + i);
    }
  }
}
