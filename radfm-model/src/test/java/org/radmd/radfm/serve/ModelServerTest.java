package org.radmd.radfm.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.Json;
import org.radmd.radfm.FakeRadfmBackend;
import org.radmd.radfm.Prompt;
import org.radmd.radfm.RadfmBackend;
import org.radmd.testing.SharedCorpus;

/**
 * The model server over real HTTP on loopback with a deterministic fake backend; images are real corpus files
 * under ../shared/corpus (served as a root, never copied into the project).
 *
 * <p>With {@code -Dradmd.serve.model=DIR} the same requests go to the real model in DIR (opened with
 * {@code org.radmd.radfm.model.DjlRadfmBackend.load(Path)}); then answers are only checked to be strings and scores
 * to be log-likelihoods (&lt;= 0), and the fake's call counters are not checked.
 */
class ModelServerTest {
  static final String PNG = "medpix/images/MPX2497_synpic11131.png";
  static final String REAL_MODEL = System.getProperty("radmd.serve.model");
  static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static FakeRadfmBackend backend;
  static RadfmBackend served;
  static ModelServer server;
  static Path corpus;

  @BeforeAll
  static void start() throws IOException {
    corpus = SharedCorpus.corpus();
    backend = new FakeRadfmBackend(Map.of(), 5);
    served = REAL_MODEL == null ? backend : realModel(Path.of(REAL_MODEL));
    ServeOptions o = ServeOptions.defaults(0).withRoots(List.of(corpus)).withLimits(3, 2L << 20, 4L << 20, 256, 4096);
    server = ModelServer.start(served, o);
  }

  static RadfmBackend realModel(Path dir) throws IOException {
    return org.radmd.radfm.model.DjlRadfmBackend.load(dir);
  }

  @AfterAll
  static void stop() {
    server.close();
    served.close();
    backend.close();
  }

  HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    HttpRequest r = HttpRequest.newBuilder(server.uri().resolve(path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return client.send(r, HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) throws IOException {
    return Json.mapper().readTree(r.body());
  }

  @Test
  void bindsLoopbackAndAnswersHealth() throws Exception {
    assertTrue(server.address().getAddress().isLoopbackAddress());
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(server.uri().resolve("/healthz")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    assertEquals("ok", json(r).get("status").asText());
    assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
  }

  @Test
  void generateAndScoreRoundTrips() throws Exception {
    HttpResponse<String> r = post("/v1/generate",
        "{\"question\":\"<image>What modality?\",\"images\":[\"" + PNG + "\"],\"maxNewTokens\":16}");
    assertEquals(200, r.statusCode(), r.body());
    Prompt expected = Prompt.of("<image>What modality?", List.of(corpus.resolve(PNG)));
    assertTrue(json(r).get("answer").isTextual());
    if (REAL_MODEL == null) {
      assertEquals(backend.answerFor(expected), json(r).get("answer").asText());
    }
    assertEquals(1, json(r).get("images").asInt());

    // no marker: one is prepended per image; an upload and a path together
    String b64 = Base64.getEncoder().encodeToString(Files.readAllBytes(corpus.resolve(PNG)));
    r = post("/v1/generate", "{\"question\":\"Compare.\",\"images\":[{\"path\":\"" + PNG + "\"},"
        + "{\"data\":\"" + b64 + "\",\"type\":\"png\"}]}");
    assertEquals(200, r.statusCode(), r.body());
    if (REAL_MODEL == null) {
      assertEquals("echo: Compare. [2 images]", json(r).get("answer").asText());
    }

    r = post("/v1/score", "{\"question\":\"<image>What modality?\",\"answer\":\"CT scan\",\"images\":[\"" + PNG + "\"]}");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(json(r).get("score").asDouble() <= 0, r.body());
    if (REAL_MODEL == null) {
      assertEquals(-0.07, json(r).get("score").asDouble(), 1e-12);
    }
  }

  @Test
  void malformedRequestsAre400() throws Exception {
    assertEquals(400, post("/v1/generate", "{not json").statusCode());
    assertEquals(400, post("/v1/generate", "[1,2]").statusCode());
    assertEquals(400, post("/v1/generate", "{\"images\":[]}").statusCode(), "no question");
    assertEquals(400, post("/v1/generate", "{\"question\":7}").statusCode());
    assertEquals(400, post("/v1/generate", "{\"question\":\"<image><image>q\",\"images\":[\"" + PNG + "\"]}")
        .statusCode(), "marker count");
    assertEquals(400, post("/v1/generate", "{\"question\":\"q\",\"images\":[{\"data\":\"@@@\",\"type\":\"png\"}]}")
        .statusCode(), "bad base64");
    assertEquals(400, post("/v1/generate", "{\"question\":\"q\",\"images\":[{\"data\":\"AAAA\",\"type\":\"exe\"}]}")
        .statusCode(), "bad type");
    assertEquals(400, post("/v1/generate", "{\"question\":\"q\",\"maxNewTokens\":\"many\"}").statusCode());
    assertEquals(400, post("/v1/generate", "{\"question\":\"q\",\"sample\":true,\"temperature\":0}").statusCode());
    HttpResponse<String> r = post("/v1/score", "{\"question\":\"q\"}");
    assertEquals(400, r.statusCode());
    assertEquals("missing field: answer", json(r).get("error").asText());
    assertEquals(400, json(r).get("status").asInt());
  }

  @Test
  void oversizedRequestsAre413() throws Exception {
    String four = "[\"" + PNG + "\",\"" + PNG + "\",\"" + PNG + "\",\"" + PNG + "\"]";
    assertEquals(413, post("/v1/generate", "{\"question\":\"q\",\"images\":" + four + "}").statusCode(), "4 > 3 images");
    assertEquals(413, post("/v1/generate", "{\"question\":\"q\",\"maxNewTokens\":100000}").statusCode());
    assertEquals(413, post("/v1/generate", "{\"question\":\"" + "x".repeat(5000) + "\"}").statusCode());
    String big = Base64.getEncoder().encodeToString(new byte[(2 << 20) + 10]);
    assertEquals(413, post("/v1/generate", "{\"question\":\"q\",\"images\":[{\"data\":\"" + big + "\",\"type\":\"png\"}]}")
        .statusCode(), "upload over 2 MiB");
    String huge = "x".repeat((4 << 20) + 1);
    assertEquals(413, post("/v1/generate", "{\"question\":\"" + huge + "\"}").statusCode(), "body over 4 MiB");
  }

  @Test
  void pathsOutsideTheRootsAreRefused(@TempDir Path elsewhere) throws Exception {
    int callsBefore = backend.calls();
    Path secret = Files.writeString(elsewhere.resolve("secret.png"), "x");
    for (String p : List.of("../../etc/passwd", "medpix/../../vocab/doid.obo", "./" + PNG, "/etc/passwd",
        secret.toString(), corpus + "/../vocab/doid.obo")) {
      HttpResponse<String> r = post("/v1/generate", "{\"question\":\"q\",\"images\":[" + Json.write(p) + "]}");
      assertEquals(403, r.statusCode(), p + " -> " + r.body());
    }
    HttpResponse<String> r = post("/v1/generate", "{\"question\":\"q\",\"images\":[\"medpix/images/none.png\"]}");
    assertEquals(404, r.statusCode());
    assertTrue(!r.body().contains(corpus.toString()), "no server paths in errors: " + r.body());
    assertEquals(callsBefore, backend.calls(), "refused requests never reach the model");
  }

  @Test
  void wrongMethodAndUnknownRoute() throws Exception {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(server.uri().resolve("/v1/generate")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(405, r.statusCode());
    assertEquals("POST", r.headers().firstValue("Allow").orElse(""));
    assertEquals(404, post("/v1/nothing", "{}").statusCode());
  }

  @Test
  void concurrentRequestsAreAllAnsweredAndTheModelIsCalledOneAtATime() throws Exception {
    int n = 24;
    int callsBefore = backend.calls();
    List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String body = "{\"question\":\"<image>question " + i + "\",\"maxNewTokens\":8,\"images\":[\"" + PNG + "\"]}";
      futures.add(client.sendAsync(HttpRequest.newBuilder(server.uri().resolve("/v1/generate"))
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }
    for (int i = 0; i < n; i++) {
      HttpResponse<String> r = futures.get(i).get();
      assertEquals(200, r.statusCode(), r.body());
      if (REAL_MODEL == null) {
        assertEquals("echo: question " + i + " [1 images]", json(r).get("answer").asText());
      }
    }
    if (REAL_MODEL == null) {
      assertEquals(callsBefore + n, backend.calls());
      assertEquals(1, backend.maxInFlight());
    }
  }
}
