package org.radmd.index.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.radmd.index.DiseaseVocabulary;
import org.radmd.index.StoredCorpus;

/**
 * {@code /files/} and the other routes refuse every way out of the stored-image areas. Requests are sent over a raw
 * socket, exactly as written here, so that no client library normalizes the dot segments away first.
 *
 * <p>The fixture has its own output folder: a stored image area, a secret file beside it (in the output root,
 * where the index and records live) and a secret PNG outside the root, plus symbolic links pointing at them.
 */
class PathTraversalTest {
  @TempDir static Path dir;
  static Path root;
  static ServerHarness http;
  static String storedPng;

  @BeforeAll
  static void start() throws IOException {
    StoredCorpus corpus = StoredCorpus.build(dir.resolve("out"));
    root = corpus.root();
    Files.writeString(root.resolve("secret.txt"), "SECRET-IN-ROOT");
    Files.createDirectories(root.resolve("medmd/records"));
    Files.writeString(root.resolve("medmd/records/samples.png"), "SECRET-RECORD");
    Path outside = Files.createDirectories(dir.resolve("outside"));
    BufferedImage red = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
    ImageIO.write(red, "png", outside.resolve("secret.png").toFile());
    Path images = root.resolve("medmd/images");
    Files.createSymbolicLink(images.resolve("escape.png"), outside.resolve("secret.png"));
    Files.createSymbolicLink(images.resolve("escape-dir"), outside);
    Files.createSymbolicLink(images.resolve("root-link"), root);
    storedPng = corpus.samples().get(0).images().get(0).path();
    // A link that stays inside its area is allowed: it is how deduplicated outputs may share files.
    Files.createSymbolicLink(images.resolve("alias.png"), root.resolve(storedPng));
    http = ServerHarness.start(corpus, corpus.samples().subList(0, 2), DiseaseVocabulary.empty(),
        dir.resolve("index"));
  }

  @AfterAll
  static void stop() throws IOException {
    http.close();
  }

  @Test
  void theControlRequestsSucceed() throws IOException {
    assertEquals(200, http.raw("GET", "/files/" + storedPng).status());
    assertEquals(200, http.raw("GET", "/files/medmd/images/alias.png").status());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/files/../secret.txt",
      "/files/medmd/images/../../secret.txt",
      "/files/medmd/images/../../../outside/secret.png",
      "/files/./medmd/images/x.png",
      "/files/%2e%2e/secret.txt",
      "/files/medmd/images/%2e%2e/%2e%2e/secret.txt",
      "/files/medmd/images/%2E%2E/%2E%2E/secret.txt",
      "/files/medmd/images/..%2f..%2fsecret.txt",
      "/files/medmd/images/..%2F..%2Fsecret.txt",
      "/files/medmd/images/%2e%2e%2f%2e%2e%2fsecret.txt",
      "/files/medmd/images/%252e%252e/%252e%252e/secret.txt",
      "/files/medmd/images/..%5c..%5csecret.txt",
      "/files/medmd/images/x%00.png",
      "/files//etc/passwd",
      "/files/%2fetc%2fpasswd",
      "/files/medmd/images//etc/passwd",
      "/files/medmd/images/%c0%ae%c0%ae/secret.txt",
      "/../secret.txt",
      "/api/case/..%2f..%2fsecret.txt",
      "/api/volume/../../secret.txt/0/slice/0.png"})
  void traversalIsABadRequest(String target) throws IOException {
    ServerHarness.RawResponse r = http.raw("GET", target);
    assertEquals(400, r.status(), target + " -> " + r.text());
    assertFalse(r.text().contains("SECRET"), r.text());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/files/secret.txt",
      "/files/medmd/records/samples.png",
      "/files/medmd/images/escape.png",
      "/files/medmd/images/escape-dir/secret.png",
      "/files/medmd/images/root-link/secret.txt",
      "/files/medmd/images/root-link/medmd/images/escape.png",
      "/files/index/segments_1",
      "/files/medmd/images",
      "/files/etc/passwd.png",
      "/files/C:/Windows/win.ini",
      "/files/medmd/volumes/../images/x.png"})
  void pathsOutsideTheStoredAreasAreNotFound(String target) throws IOException {
    ServerHarness.RawResponse r = http.raw("GET", target);
    assertTrue(r.status() == 404 || r.status() == 400, target + " -> " + r.text());
    assertFalse(r.text().contains("SECRET"), r.text());
    assertFalse(r.text().contains(root.toString()), "the error names no server path: " + r.text());
  }

  @Test
  void symlinksLeavingTheirAreaAreNotFoundAndNamedAsSuch() throws IOException {
    for (String target : List.of("/files/medmd/images/escape.png", "/files/medmd/images/escape-dir/secret.png",
        "/files/medmd/images/root-link/secret.txt")) {
      ServerHarness.RawResponse r = http.raw("GET", target);
      assertEquals(404, r.status(), target);
      assertTrue(r.text().contains("\"status\":404"), r.text());
    }
  }

  @Test
  void absoluteFormRequestTargetsAreCheckedTheSameWay() throws IOException {
    assertEquals(400, http.raw("GET", "http://127.0.0.1/files/../secret.txt").status());
    assertEquals(200, http.raw("GET", "http://127.0.0.1/files/" + storedPng).status());
  }
}
