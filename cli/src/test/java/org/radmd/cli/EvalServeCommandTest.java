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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.Json;
import org.radmd.radfm.GenerationOptions;
import org.radmd.radfm.Prompt;
import org.radmd.radfm.RadfmBackend;
import org.radmd.testing.SharedCorpus;
import picocli.CommandLine;

/**
 * {@code radmd eval} and {@code radmd serve} as a user runs them, with the model folder opened by a deterministic
 * stand-in backend (the real model is exercised by the model module's tests).
 */
class EvalServeCommandTest {
  private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");

  /** Answers "ct" to everything; scores -1. */
  static final class ConstantBackend implements RadfmBackend {
    volatile boolean closed;

    @Override
    public List<String> generate(List<Prompt> prompts, GenerationOptions options) {
      return prompts.stream().map(p -> "ct").toList();
    }

    @Override
    public double[] score(List<Prompt> prompts) {
      return prompts.stream().mapToDouble(p -> -1).toArray();
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void evalWritesMetricsForASplit(@TempDir Path out, @TempDir Path model, @TempDir Path evalDir) throws Exception {
    Path png = out.resolve("medmd/images/ab/ab.png");
    Files.createDirectories(png.getParent());
    Files.copy(SharedCorpus.corpus("medpix/images/MPX2497_synpic11131.png"), png);
    Path instructions = Files.createDirectories(out.resolve("radmd/instructions"));
    String image = "[{\"path\":\"medmd/images/ab/ab.png\",\"kind\":\"IMAGE_2D\",\"position\":0}]";
    Files.write(instructions.resolve("test.jsonl"), List.of(
        "{\"id\":\"a\",\"task\":\"modality\",\"question\":\"<image>Modality?\",\"answer\":\"CT\",\"images\":" + image + "}",
        "{\"id\":\"b\",\"task\":\"modality\",\"question\":\"<image>Modality?\",\"answer\":\"MR\",\"images\":" + image + "}"));
    CommandLine cl = Radmd.commandLine();
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    cl.setOut(new PrintWriter(o, true));
    cl.setErr(new PrintWriter(e, true));
    EvalCommand command = cl.getSubcommands().get("eval").getCommand();
    ConstantBackend backend = new ConstantBackend();
    command.backends = dir -> backend;
    int exit = cl.execute("eval", "--model", model.toString(), "--data", out.resolve("radmd").toString(),
        "--out", evalDir.toString(), "--vocab", SharedCorpus.root().resolve("vocab/doid.obo").toString());
    assertEquals(0, exit, e.toString());
    assertTrue(o.toString().contains("| modality | 2 | 0.5000 |"), o.toString());
    assertTrue(backend.closed);
    JsonNode metrics = Json.mapper().readTree(evalDir.resolve("metrics.json").toFile());
    assertEquals(0.5, metrics.at("/tasks/modality/accuracy").asDouble(), 1e-9);
    assertEquals(2, Files.readAllLines(evalDir.resolve("predictions.jsonl")).size());

    StringWriter e2 = new StringWriter();
    CommandLine cl2 = Radmd.commandLine();
    cl2.setErr(new PrintWriter(e2, true));
    assertEquals(1, cl2.execute("eval", "--model", model.toString(), "--data", out.toString(), "--out",
        evalDir.toString()));
    assertTrue(e2.toString().contains("instruction file not found"), e2.toString());
  }

  @Test
  void evalRefusesAMissingModelFolder(@TempDir Path out) throws Exception {
    Files.createDirectories(out.resolve("radmd/instructions"));
    Files.writeString(out.resolve("radmd/instructions/test.jsonl"), "");
    StringWriter e = new StringWriter();
    CommandLine cl = Radmd.commandLine();
    cl.setErr(new PrintWriter(e, true));
    int exit = cl.execute("eval", "--model", out.resolve("no-model").toString(), "--data",
        out.resolve("radmd").toString(), "--out", out.resolve("eval").toString());
    assertEquals(1, exit);
    assertTrue(e.toString().contains("model folder not found"), e.toString());
  }

  @Test
  void serveAnswersUntilStopped(@TempDir Path model) throws Exception {
    CommandLine cl = Radmd.commandLine();
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    cl.setOut(new PrintWriter(o, true));
    cl.setErr(new PrintWriter(e, true));
    ServeCommand command = cl.getSubcommands().get("serve").getCommand();
    ConstantBackend backend = new ConstantBackend();
    command.backends = dir -> backend;
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> exit = runner.submit(() -> cl.execute("serve", "--model", model.toString(), "--port", "0",
          "--roots", SharedCorpus.corpus().toString()));
      Matcher url = awaitUrl(o, exit);
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      URI base = URI.create(url.group());
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve("/v1/generate"))
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"question\":\"<image>Modality?\",\"images\":[\"medpix/images/MPX2497_synpic11131.png\"]}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      assertEquals("ct", Json.mapper().readTree(r.body()).get("answer").asText());
      command.stop();
      assertEquals(0, exit.get(30, TimeUnit.SECONDS), e.toString());
      assertTrue(backend.closed);
    } finally {
      command.stop();
      runner.shutdownNow();
    }
  }

  private static Matcher awaitUrl(StringWriter o, Future<Integer> exit) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Matcher m = URL.matcher(o.toString());
      if (m.find()) {
        return m;
      }
      if (exit.isDone()) {
        throw new AssertionError("serve exited with " + exit.get() + ": " + o);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("serve printed no URL: " + o);
  }
}
