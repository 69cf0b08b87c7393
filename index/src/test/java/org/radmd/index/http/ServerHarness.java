package org.radmd.index.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.radmd.core.Json;
import org.radmd.core.Sample;
import org.radmd.index.CaseSearcher;
import org.radmd.index.DiseaseVocabulary;
import org.radmd.index.ImageEmbedder;
import org.radmd.index.SampleIndexer;
import org.radmd.index.StoredCorpus;

/**
 * A {@link SearchServer} on an ephemeral loopback port over an index of stored-corpus samples, plus the HTTP
 * clients the tests use: {@link java.net.http.HttpClient} for ordinary requests and a raw socket for request
 * lines that a client library would normalize or refuse to send.
 */
final class ServerHarness implements AutoCloseable {
  private final CaseSearcher searcher;
  private final SearchServer server;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

  private ServerHarness(CaseSearcher searcher, SearchServer server) {
    this.searcher = searcher;
    this.server = server;
  }

  /** Indexes {@code samples} into {@code indexDir} (embeddings from the corpus's stored images) and serves them. */
  static ServerHarness start(StoredCorpus corpus, List<Sample> samples, DiseaseVocabulary vocab, Path indexDir)
      throws IOException {
    try (SampleIndexer indexer =
        SampleIndexer.open(indexDir, vocab, ImageEmbedder.storedImages(corpus.root()))) {
      for (Sample s : samples) {
        indexer.upsert(s);
      }
      indexer.commit();
    }
    CaseSearcher searcher = CaseSearcher.open(indexDir, vocab);
    try {
      return new ServerHarness(searcher,
          SearchServer.start(searcher, vocab, corpus.root(), ServerOptions.loopback(0)));
    } catch (IOException | RuntimeException e) {
      searcher.close();
      throw e;
    }
  }

  SearchServer server() {
    return server;
  }

  URI uri(String pathAndQuery) {
    return server.uri().resolve(pathAndQuery);
  }

  /** A GET through {@link HttpClient}, body as bytes. */
  HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
  }

  HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A GET answered with 200 and JSON, parsed. */
  JsonNode getJson(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = get(pathAndQuery);
    if (r.statusCode() != 200) {
      throw new AssertionError(pathAndQuery + " answered " + r.statusCode() + ": " + text(r));
    }
    return Json.mapper().readTree(r.body());
  }

  static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  /** The status code and the whole response of a request line sent exactly as given, over a fresh socket. */
  RawResponse raw(String method, String target) throws IOException {
    try (Socket socket = new Socket(server.address().getAddress(), server.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      String[] statusLine = response.lines().findFirst().orElse("").split(" ");
      int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1;
      return new RawResponse(status, response);
    }
  }

  /** A raw HTTP response. */
  record RawResponse(int status, String text) {}

  @Override
  public void close() throws IOException {
    server.close();
    searcher.close();
  }
}
