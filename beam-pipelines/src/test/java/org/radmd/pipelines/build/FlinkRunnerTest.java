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
  void flinkAndDirectRunsWriteIdenticalJsonl(@TempDir Path flinkOut, @TempDir Path directOut)
      throws IOException {
    BuildReport flink = BuildJob.run(
        BuildPipelineTest.options(SharedCorpus.corpus(), flinkOut, Runners.Kind.FLINK), null);
    BuildReport direct = BuildJob.run(
        BuildPipelineTest.options(SharedCorpus.corpus(), directOut, Runners.Kind.DIRECT), null);
    assertEquals("FlinkRunner", flink.stats().get("runner").asText());
    assertTrue(flink.medmdSamples() > 0);
    assertEquals(direct.medmdSamples(), flink.medmdSamples());
    List<byte[]> a = BuildPipelineTest.jsonl(flinkOut);
    List<byte[]> b = BuildPipelineTest.jsonl(directOut);
    assertEquals(b.size(), a.size());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(b.get(i), a.get(i), "JSONL file " + i);
    }
  }
}
