package org.radmd.pipelines.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.radmd.core.Json;
import org.radmd.pipelines.Runners;

/** The progress line read from a Flink REST {@code /jobs/:jid} answer (vertex names as Beam's runner makes them). */
class BuildProgressTest {

  @Test
  void stagesAreFoundInFlinkVertexNames() {
    assertEquals(List.of("Discover"), BuildProgress.stagesIn(
        "CHAIN DataSource (at Impulse (ImpulseInputFormat)) -> FlatMap (FlatMap at InputRoot/Map) -> FlatMap "
            + "(FlatMap at Discover)"));
    assertEquals(List.of("Parse"), BuildProgress.stagesIn("CHAIN GroupReduce (GroupReduce at translateNode) -> "
        + "FlatMap (FlatMap at SpreadFiles/Values/Map/ParMultiDo(Anonymous)) -> FlatMap (FlatMap at Parse)"));
    assertEquals(List.of("NormalizeImages"),
        BuildProgress.stagesIn("CHAIN FlatMap (FlatMap at Parse.samples) -> FlatMap (FlatMap at NormalizeImages)"));
    assertEquals(List.of(), BuildProgress.stagesIn("FlatMap (FlatMap at Parse.rejects)"));
    assertEquals(List.of("WriteMedMD"), BuildProgress.stagesIn(
        "CHAIN GroupReduce (GroupReduce at WriteMedMD/GroupByShard) -> FlatMap (FlatMap at WriteMedMD/WriteShard)"));
    assertEquals(List.of(), BuildProgress.stagesIn("DataSink (DiscardingOutputFormat@3e9beef2)"));
  }

  @Test
  void lineShowsStageCountsStatesAndImageEta() throws Exception {
    JsonNode job = Json.mapper().readTree("""
        {"state":"RUNNING","status-counts":{"FINISHED":4,"RUNNING":2,"CREATED":10},"vertices":[
         {"name":"CHAIN DataSource -> FlatMap (FlatMap at Discover)","status":"FINISHED",
          "metrics":{"read-records":0,"write-records":15}},
         {"name":"CHAIN GroupReduce -> FlatMap (FlatMap at Parse)","status":"FINISHED",
          "metrics":{"read-records":15,"write-records":800}},
         {"name":"CHAIN FlatMap (FlatMap at Parse.samples) -> FlatMap (FlatMap at NormalizeImages)",
          "status":"RUNNING","metrics":{"read-records":200,"write-records":150}},
         {"name":"CHAIN FlatMap (FlatMap at ExactDedup/KeyByContent)","status":"CREATED",
          "metrics":{"read-records":0,"write-records":0}},
         {"name":"CHAIN GroupReduce (GroupReduce at WriteMedMD/GroupByShard)","status":"CREATED",
          "metrics":{"read-records":0,"write-records":0}}]}
        """);
    BuildProgress p = BuildProgress.start(PipelineOptionsFactory.as(BuildOptions.class),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Duration.ZERO);
    // First sight of the image stage at 60 s: its clock starts, no rate yet.
    assertEquals("radmd build 1m00s RUNNING vertices 4/16 | Discover 15 done | Parse 800 done | NormalizeImages "
        + "150 (25% of input) running | 2 stages waiting | images ETA ?", p.line(job, 60));
    // 30 s later, 200 of Parse's 800 records read: 600 left at 200 per 30 s -> 90 s.
    assertEquals("radmd build 1m30s RUNNING vertices 4/16 | Discover 15 done | Parse 800 done | NormalizeImages "
        + "150 (25% of input) running | 2 stages waiting | images ETA 1m30s", p.line(job, 90));
    p.close();
  }

  @Test
  void noReporterForTheDirectRunner() {
    BuildOptions o = PipelineOptionsFactory.as(BuildOptions.class);
    Runners.configure(o, Runners.Kind.DIRECT, null, 1);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (BuildProgress p = BuildProgress.start(o, new PrintStream(buf, true, StandardCharsets.UTF_8),
        Duration.ofMillis(10))) {
      assertEquals("", buf.toString(StandardCharsets.UTF_8));
    }
  }
}
