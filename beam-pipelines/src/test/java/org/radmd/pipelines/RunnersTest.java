package org.radmd.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/** What {@link Runners} stages for a session cluster and how it sets up the embedded one. */
class RunnersTest {

  @Test
  void sessionClusterGetsTheClasspathWithPixelMedButWithoutFlinksOwnJars() throws Exception {
    PipelineOptions o = PipelineOptionsFactory.create();
    Runners.configure(o, Runners.Kind.FLINK, "jobmanager.example:8081", 4);
    FlinkPipelineOptions f = o.as(FlinkPipelineOptions.class);
    assertEquals("jobmanager.example:8081", f.getFlinkMaster());
    assertEquals(4, f.getParallelism());
    assertNull(f.getFlinkConfDir(), "no embedded REST configuration for a session cluster");
    List<String> staged = f.getFilesToStage();
    assertTrue(staged.stream().anyMatch(s -> s.contains("beam-runners-flink-1.19")), "Beam's Flink runner");
    assertTrue(staged.stream().anyMatch(s -> s.endsWith("beam-pipelines/target/classes")), "radmd's own classes");
    if (Files.exists(Path.of("/usr/share/java/pixelmed-20220618.jar"))) {
      assertTrue(staged.contains("/usr/share/java/pixelmed-20220618.jar"), "Debian's PixelMed (system scope)");
    }
    assertFalse(staged.stream().anyMatch(s -> Path.of(s).getFileName().toString().startsWith("flink-runtime")),
        "flink-runtime comes with the cluster");
    assertTrue(staged.stream().allMatch(s -> Files.exists(Path.of(s))), "only existing files");
    assertEquals(staged.size(), staged.stream().distinct().count(), "no file twice");
  }

  @Test
  void embeddedClusterGetsALoopbackRestEndpointForProgress() {
    PipelineOptions o = PipelineOptionsFactory.create();
    Runners.configure(o, Runners.Kind.FLINK, null, 0);
    FlinkPipelineOptions f = o.as(FlinkPipelineOptions.class);
    assertEquals(Runners.EMBEDDED_FLINK, f.getFlinkMaster());
    assertEquals(Runtime.getRuntime().availableProcessors(), f.getParallelism());
    if (System.getenv("FLINK_CONF_DIR") == null) {
      List<Integer> ports = Runners.embeddedRestPorts(o);
      assertEquals(3, ports.size());
      assertTrue(ports.stream().allMatch(p -> p > 0 && p < 65536));
    }
  }

  @Test
  void providedByFlinkIsFlinksOwnJarsOnly() {
    assertTrue(Runners.providedByFlink(Path.of("/m2/org/apache/flink/flink-runtime/1.19.0/flink-runtime-1.19.0.jar")));
    assertTrue(Runners.providedByFlink(Path.of("cli/target/lib/flink-shaded-guava-31.1-jre-17.0.jar")));
    assertFalse(Runners.providedByFlink(Path.of("cli/target/lib/flink-connector-datagen-1.19.0.jar")));
    assertFalse(Runners.providedByFlink(Path.of("cli/target/lib/beam-runners-flink-1.19-2.70.0.jar")));
  }
}
