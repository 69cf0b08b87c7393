package org.radmd.index.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.ImageRef;
import org.radmd.core.Json;
import org.radmd.core.Sample;
import org.radmd.index.DiseaseVocabulary;
import org.radmd.index.StoredCorpus;
import org.radmd.testing.SharedCorpus;

/**
 * The JSON API of {@link SearchServer} on an ephemeral loopback port, over the stored corpus fixture (seven
 * MedPix cases, the two studies of Radiopaedia rID 70432 with real NIfTI volumes, and one altered copy of a
 * MedPix image as a near-duplicate) and the 2016 Disease Ontology.
 */
class SearchServerApiTest {
  @TempDir static Path indexDir;
  static StoredCorpus corpus;
  static ServerHarness http;

  @BeforeAll
  static void start() throws IOException {
    corpus = StoredCorpus.shared();
    List<Sample> samples = new ArrayList<>(corpus.samples());
    samples.add(corpus.twin());
    http = ServerHarness.start(corpus, samples, DiseaseVocabulary.loadDefault(SharedCorpus.root()), indexDir);
  }

  @AfterAll
  static void stop() throws IOException {
    http.close();
  }

  @Test
  void bindsAnEphemeralLoopbackPort() {
    assertTrue(http.server().port() > 0);
    assertTrue(http.server().address().getAddress().isLoopbackAddress());
    assertEquals("http://127.0.0.1:" + http.server().port() + "/", http.server().uri().toString());
  }

  @Test
  void searchAnswersJsonWithHitsFacetsAndLabels() throws Exception {
    HttpResponse<byte[]> r = http.get("/api/search?q=medulloblastoma");
    assertEquals(200, r.statusCode());
    assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
    JsonNode json = Json.mapper().readTree(r.body());
    assertEquals(2, json.get("totalCases").asInt());
    assertEquals(Set.of("MPX2497", "rID-70432"), caseIds(json));
    assertEquals(Map.of("MPx", 1, "RP3D", 2), Json.mapper().convertValue(json.at("/facets/source"), Map.class));
    assertEquals(3, json.at("/facets/diagnosis/DOID:0050902").asInt());
    assertEquals("medulloblastoma", json.at("/facetLabels/diagnosis/DOID:0050902").asText());
    assertTrue(json.get("expandedTerms").toString().contains("CNS PNET"), json.get("expandedTerms").toString());
    assertEquals("medulloblastoma", json.at("/request/q").asText());
    JsonNode mpx = hit(json, "MPX2497");
    assertTrue(mpx.get("snippet").asText().contains("<b>"), mpx.toString());
    assertTrue(mpx.get("imagePaths").get(0).asText().startsWith("medmd/images/"), mpx.toString());
  }

  @Test
  void searchAppliesModalitySourceAndDiagnosisFilters() throws Exception {
    JsonNode ct = http.getJson("/api/search?q=medulloblastoma&modality=CT");
    assertEquals(1, ct.get("totalCases").asInt());
    assertEquals("rp3d-70432-0", ct.at("/hits/0/sampleId").asText());
    assertEquals("CT", ct.at("/request/modality").asText());

    JsonNode rp = http.getJson("/api/search?q=medulloblastoma&source=rp3d");
    assertEquals(Set.of("rID-70432"), caseIds(rp));
    assertEquals("RP3D", rp.at("/request/source").asText());

    JsonNode pe = http.getJson("/api/search?q=&diagnosis=DOID:9477");
    assertEquals(Set.of("MPX1322"), caseIds(pe));

    JsonNode none = http.getJson("/api/search?q=pulmonary+embolism&modality=MR");
    assertEquals(0, none.get("totalCases").asInt());
    assertEquals(0, none.get("hits").size());
  }

  @Test
  void searchLimitsCasesAndRefusesBadParameters() throws Exception {
    JsonNode two = http.getJson("/api/search?q=&limit=2");
    assertEquals(2, two.get("hits").size());
    assertEquals(9, two.get("totalCases").asInt());
    for (String bad : List.of("limit=0", "limit=101", "limit=ten", "modality=XX", "source=PACS",
        "q=" + "a".repeat(1001))) {
      HttpResponse<byte[]> r = http.get("/api/search?" + bad);
      assertEquals(400, r.statusCode(), bad);
      JsonNode error = Json.mapper().readTree(r.body());
      assertEquals(400, error.get("status").asInt());
      assertFalse(error.get("error").asText().isBlank());
    }
  }

  @Test
  void aPathologicalRegularExpressionIsABadRequestNotAServerError() throws Exception {
    HttpResponse<byte[]> r = http.get("/api/search?q=" + URLEncoder.encode("/[ab]*a[ab]{24}/",
        StandardCharsets.UTF_8));
    assertEquals(400, r.statusCode(), ServerHarness.text(r));
    assertTrue(ServerHarness.text(r).contains("query too broad"), ServerHarness.text(r));
  }

  @Test
  void concurrentRequestsAllSucceed() throws Exception {
    List<String> paths = List.of("/api/search?q=medulloblastoma", "/api/search?q=PE&modality=CT",
        "/api/case/mpx-MPX2497", "/api/similar/mpx-MPX2066", "/api/suggest?prefix=pulm",
        "/api/volume/rp3d-70432-1/1/slice/5.png", "/files/" + corpus.sample("mpx-MPX1009").images().get(0).path(), "/");
    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1).build();
    List<CompletableFuture<HttpResponse<byte[]>>> calls = new ArrayList<>();
    for (int i = 0; i < 48; i++) {
      calls.add(client.sendAsync(HttpRequest.newBuilder(http.uri(paths.get(i % paths.size()))).build(),
          HttpResponse.BodyHandlers.ofByteArray()));
    }
    for (int i = 0; i < calls.size(); i++) {
      assertEquals(200, calls.get(i).get(60, TimeUnit.SECONDS).statusCode(),
          paths.get(i % paths.size()));
    }
  }

  @Test
  void caseReturnsTheStoredSampleOr404() throws Exception {
    Sample pe = corpus.sample("mpx-MPX1322");
    HttpResponse<byte[]> r = http.get("/api/case/mpx-MPX1322");
    assertEquals(200, r.statusCode());
    assertEquals(pe, Json.mapper().readValue(r.body(), Sample.class));

    HttpResponse<byte[]> missing = http.get("/api/case/mpx-MPX0000");
    assertEquals(404, missing.statusCode());
    assertEquals("no sample with this id", Json.mapper().readTree(missing.body()).get("error").asText());
    assertEquals(404, http.get("/api/case/").statusCode());
    assertEquals(404, http.get("/api/case/mpx-MPX1322/extra").statusCode());
    assertEquals(404, http.get("/api/nothing").statusCode());
  }

  @Test
  void similarPutsTheNearDuplicateFirstAndLeavesTheOwnCaseOut() throws Exception {
    JsonNode pe = http.getJson("/api/similar/mpx-MPX1322?k=5");
    assertTrue(pe.get("hasEmbedding").asBoolean());
    assertEquals(StoredCorpus.TWIN_CASE, pe.at("/hits/0/caseId").asText());
    assertTrue(pe.at("/hits/0/score").asDouble() > 0.95, pe.toString());
    List<String> cases = new ArrayList<>();
    pe.get("hits").forEach(h -> cases.add(h.get("caseId").asText()));
    assertEquals(5, cases.size());
    assertEquals(cases.size(), new HashSet<>(cases).size(), "one hit per case: " + cases);
    assertFalse(cases.contains("MPX1322"), cases.toString());

    JsonNode twin = http.getJson("/api/similar/" + corpus.twin().id());
    assertEquals("mpx-MPX1322", twin.at("/hits/0/sampleId").asText());

    // Volumes are embedded from their key slice: the CT study's nearest case exists and is another case.
    JsonNode ct = http.getJson("/api/similar/rp3d-70432-0?k=3");
    assertTrue(ct.get("hasEmbedding").asBoolean());
    assertEquals(3, ct.get("hits").size());
    ct.get("hits").forEach(h -> assertNotEquals("rID-70432", h.get("caseId").asText()));

    assertEquals(404, http.get("/api/similar/nope").statusCode());
    assertEquals(400, http.get("/api/similar/mpx-MPX1322?k=0").statusCode());
  }

  @Test
  void suggestOffersIndexedDiagnosesThenVocabularyNames() throws Exception {
    JsonNode r = http.getJson("/api/suggest?prefix=medullo&limit=8");
    List<String> s = new ArrayList<>();
    r.get("suggestions").forEach(n -> s.add(n.asText()));
    // The indexed diagnoses come first (Radiopaedia's title, then MedPix's wording); the vocabulary's
    // "medulloblastoma" has the same normalized key as the first, so it is not repeated.
    assertEquals(List.of("Medulloblastoma", "Medulloblastoma confirmed by pathology."), s.subList(0, 2));
    assertEquals(8, s.size(), s.toString());
    assertEquals(8, s.stream().map(DiseaseVocabulary::normalize).distinct().count(), s.toString());
    assertTrue(s.subList(2, 8).stream().allMatch(x -> DiseaseVocabulary.normalize(x).contains("medullo")),
        s.toString());

    JsonNode pe = http.getJson("/api/suggest?prefix=pulmonary+emb");
    assertTrue(pe.get("suggestions").toString().contains("\"pulmonary embolism\""), pe.toString());
    assertEquals(0, http.getJson("/api/suggest?prefix=").get("suggestions").size());
    assertEquals(400, http.get("/api/suggest?prefix=" + "x".repeat(101)).statusCode());
  }

  @Test
  void volumeSlicesArePngsOfTheStoredVolume() throws Exception {
    Sample mr = corpus.sample("rp3d-70432-1");
    ImageRef series = mr.images().get(0);
    int depth = series.depth();
    HttpResponse<byte[]> first = http.get("/api/volume/rp3d-70432-1/0/slice/0.png");
    assertEquals(200, first.statusCode());
    assertEquals("image/png", first.headers().firstValue("Content-Type").orElseThrow());
    BufferedImage slice0 = ImageIO.read(new ByteArrayInputStream(first.body()));
    assertEquals(StoredCorpus.VOLUME_SIZE, slice0.getWidth());
    assertEquals(StoredCorpus.VOLUME_SIZE, slice0.getHeight());

    // The middle slice is the key slice the fixture stored beside the volume, pixel for pixel.
    HttpResponse<byte[]> middle = http.get("/api/volume/rp3d-70432-1/0/slice/" + depth / 2 + ".png");
    BufferedImage key = ImageIO.read(corpus.root().resolve(series.path().replace(".nii.gz", ".png")).toFile());
    assertArrayEquals(pixels(key), pixels(ImageIO.read(new ByteArrayInputStream(middle.body()))));
    assertFalse(Arrays.equals(first.body(), middle.body()));

    assertEquals(404, http.get("/api/volume/rp3d-70432-1/0/slice/" + depth + ".png").statusCode());
    assertEquals(404, http.get("/api/volume/rp3d-70432-1/99/slice/0.png").statusCode());
    assertEquals(404, http.get("/api/volume/mpx-MPX1322/0/slice/0.png").statusCode(), "a 2D image");
    assertEquals(400, http.get("/api/volume/rp3d-70432-1/0/slice/-1.png").statusCode());
    assertEquals(400, http.get("/api/volume/rp3d-70432-1/x/slice/0.png").statusCode());
    assertEquals(404, http.get("/api/volume/rp3d-70432-1/0/slice/0.jpg").statusCode());
  }

  @Test
  void filesServesStoredPngsWithGetAndHead() throws Exception {
    String path = corpus.sample("mpx-MPX1322").images().get(0).path();
    HttpResponse<byte[]> r = http.get("/files/" + path);
    assertEquals(200, r.statusCode());
    assertEquals("image/png", r.headers().firstValue("Content-Type").orElseThrow());
    assertArrayEquals(Files.readAllBytes(corpus.root().resolve(path)), r.body());

    HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(http.uri("/files/" + path))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, head.statusCode());
    assertEquals(0, head.body().length);

    String volume = corpus.sample("rp3d-70432-0").images().get(0).path();
    assertEquals(200, http.get("/files/" + volume.replace(".nii.gz", ".png")).statusCode(), "key slice");
    assertEquals(404, http.get("/files/" + volume).statusCode(), "only PNGs are served");
    assertEquals(404, http.get("/files/medmd/images/00/missing.png").statusCode());
  }

  @Test
  void webPageIsServedWithTheClinicalUseNoticeAndASecurityPolicy() throws Exception {
    HttpResponse<byte[]> page = http.get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    assertTrue(ServerHarness.text(page).contains("Research data, not for clinical use"));
    assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("default-src 'self'"));
    assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
    assertEquals(200, http.get("/app.js").statusCode());
    assertEquals(200, http.get("/app.css").statusCode());
    assertEquals(404, http.get("/secret.txt").statusCode());
    assertEquals(404, http.get("/web/index.html").statusCode());
  }

  @Test
  void onlyGetAndHeadAreAllowed() throws Exception {
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
      HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(http.uri("/api/search?q=x"))
          .method(method, HttpRequest.BodyPublishers.ofString("{}")));
      assertEquals(405, r.statusCode(), method);
      assertEquals("GET, HEAD", r.headers().firstValue("Allow").orElseThrow());
    }
    assertEquals(405, http.raw("OPTIONS", "/").status());
    assertEquals(405, http.raw("TRACE", "/files/x.png").status());
  }

  @Test
  void oversizedRequestsAreRefused() throws Exception {
    assertEquals(414, http.get("/api/search?q=" + "a".repeat(9000)).statusCode());
    assertEquals(414, http.raw("GET", "/files/medmd/images/" + "a".repeat(9000) + ".png").status());
    assertEquals(414, http.raw("GET", "/api/search?q=" + "%41".repeat(3000)).status());
    StringBuilder many = new StringBuilder("/api/search?q=x");
    for (int i = 0; i < 20; i++) {
      many.append("&p").append(i).append("=1");
    }
    assertEquals(400, http.get(many.toString()).statusCode());
    // Just under the URI limit, but the query text is over its own limit.
    assertEquals(400, http.get("/api/search?q=" + "b".repeat(8000)).statusCode());
  }

  private static Set<String> caseIds(JsonNode result) {
    Set<String> ids = new HashSet<>();
    result.get("hits").forEach(h -> ids.add(h.get("caseId").asText()));
    return ids;
  }

  private static JsonNode hit(JsonNode result, String caseId) {
    for (JsonNode h : result.get("hits")) {
      if (h.get("caseId").asText().equals(caseId)) {
        return h;
      }
    }
    throw new AssertionError("no hit of case " + caseId + " in " + result);
  }

  private static int[] pixels(BufferedImage img) {
    return img.getRaster().getPixels(0, 0, img.getWidth(), img.getHeight(), (int[]) null);
  }
}
