package org.radmd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.Ids;
import org.radmd.core.Json;
import org.radmd.core.Licence;
import org.radmd.core.Modality;
import org.radmd.core.Provenance;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.core.SourceDataset;
import org.radmd.index.DiseaseVocabulary;
import org.radmd.index.SampleIndexer;
import org.radmd.testing.SharedCorpus;
import picocli.CommandLine;

/**
 * {@code radmd serve-search} started as a user starts it, on an ephemeral port, then stopped. The index holds one
 * sample whose text is MedPix case MPX1322's own ("Pulmonary Embolus"); the vocabulary is the shared 2016 Disease
 * Ontology, so "pulmonary embolism" finds it only through the synonym.
 */
class ServeSearchCommandTest {
  private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");

  @TempDir Path out;

  @Test
  void servesTheApiAndThePageUntilStopped() throws Exception {
    Path index = out.resolve("index");
    try (SampleIndexer indexer = SampleIndexer.open(index, DiseaseVocabulary.empty())) {
      indexer.upsert(pulmonaryEmbolus());
    }
    CommandLine cl = Radmd.commandLine();
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    cl.setOut(new PrintWriter(o, true));
    cl.setErr(new PrintWriter(e, true));
    ServeSearchCommand command = cl.getSubcommands().get("serve-search").getCommand();
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> exit = runner.submit(() -> cl.execute("serve-search", "--index", index.toString(),
          "--port", "0", "--vocab", SharedCorpus.root().resolve("vocab/doid.obo").toString()));
      Matcher url = awaitUrl(o, exit);
      assertTrue(o.toString().contains("Research data, not for clinical use."), o.toString());

      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      URI base = URI.create(url.group());
      HttpResponse<String> search = client.send(
          HttpRequest.newBuilder(base.resolve("/api/search?q=pulmonary%20embolism")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, search.statusCode(), search.body());
      JsonNode hits = Json.mapper().readTree(search.body()).get("hits");
      assertEquals("mpx-MPX1322", hits.get(0).get("sampleId").asText());
      HttpResponse<String> page = client.send(HttpRequest.newBuilder(base).build(),
          HttpResponse.BodyHandlers.ofString());
      assertTrue(page.body().contains("Research data, not for clinical use"));

      command.stop();
      assertEquals(0, exit.get(30, TimeUnit.SECONDS), e.toString());
    } finally {
      command.stop();
      runner.shutdownNow();
    }
  }

  @Test
  void badArgumentsGiveAClearErrorAndExitCode() {
    StringWriter e = new StringWriter();
    CommandLine cl = Radmd.commandLine();
    cl.setErr(new PrintWriter(e, true));
    assertEquals(1, cl.execute("serve-search", "--index", out.resolve("missing").toString()));
    assertTrue(e.toString().contains("index folder not found"), e.toString());

    StringWriter e2 = new StringWriter();
    CommandLine cl2 = Radmd.commandLine();
    cl2.setErr(new PrintWriter(e2, true));
    assertEquals(1, cl2.execute("serve-search", "--index", out.toString(), "--port", "70000"));
    assertTrue(e2.toString().contains("port must be 0..65535"), e2.toString());

    assertEquals(2, Radmd.commandLine().execute("serve-search"));
  }

  @Test
  void helpNamesTheEndpointsAndTheNotice() {
    StringWriter o = new StringWriter();
    CommandLine cl = Radmd.commandLine();
    cl.setOut(new PrintWriter(o, true));
    assertEquals(0, cl.execute("serve-search", "--help"));
    assertTrue(o.toString().contains("/api/search"), o.toString());
    assertTrue(o.toString().contains("not for clinical use"), o.toString());
    assertTrue(o.toString().contains("127.0.0.1"), o.toString());
  }

  private static Matcher awaitUrl(StringWriter o, Future<Integer> exit) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Matcher m = URL.matcher(o.toString());
      if (m.find()) {
        return m;
      }
      if (exit.isDone()) {
        throw new AssertionError("serve-search exited with " + exit.get() + ": " + o);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("serve-search printed no URL: " + o);
  }

  /** The text of MedPix case MPX1322 as {@code corpus/medpix/expected.json} states it. */
  private static Sample pulmonaryEmbolus() {
    return new Sample(Ids.sampleId(SourceDataset.MPX, "MPX1322"), SourceDataset.MPX, "MPX1322",
        SampleText.builder().title("Pulmonary Embolus").build(), List.of(), List.of(Modality.CT), "Thorax",
        List.of("Pulmonary Embolus"), Licence.unknown(null),
        new Provenance("medpix/data_dev.subset.jsonl", "MPX1322", null, null, null, "ServeSearchCommandTest"),
        Map.of(), Map.of());
  }
}
