package org.radmd.radfm.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.radmd.core.Json;
import org.radmd.radfm.GenerationOptions;
import org.radmd.radfm.Prompt;
import org.radmd.radfm.RadfmBackend;

/**
 * RadFM over HTTP/1.1 on the JDK's built-in server ({@code radmd serve}). Research use only, not for clinical use.
 *
 * <p>Endpoints:
 *
 * <ul>
 *   <li>{@code GET /healthz}: {@code {"status": "ok"}}.
 *   <li>{@code POST /v1/generate} with a JSON body {@code {"question", "images": [...], "maxNewTokens"?,
 *       "sample"?, "temperature"?, "topK"?, "seed"?}}: {@code {"answer", "images"}}. Greedy decoding with
 *       {@value GenerationOptions#DEFAULT_MAX_NEW_TOKENS} new tokens unless asked otherwise.
 *   <li>{@code POST /v1/score} with {@code {"question", "answer", "images": [...]}}: {@code {"score", "images"}},
 *       the mean natural-log likelihood per answer token ({@link RadfmBackend#score}).
 * </ul>
 *
 * <p>The question carries one {@code <image>} marker per image (notes/contract.md); a question without any marker
 * gets one marker per image prepended. Images are paths under the configured roots or base64 uploads
 * ({@link ImageInputs}).
 *
 * <p>Errors are JSON {@code {"status", "error"}}: 400 for malformed JSON, a missing or mistyped field, a marker
 * count that does not match the images, an image the model cannot read, or an argument the model refuses; 403 for a
 * path outside the roots or with dot segments; 404 for a missing image or an unknown route; 405 for a wrong method;
 * 413 for a body, image, image count, question or {@code maxNewTokens} over its limit; 503 when the model stays
 * busy longer than {@link ServeOptions#modelWaitSeconds()}; 500 otherwise (details only in the server log).
 *
 * <p>Concurrency: requests run on a fixed pool of {@link ServeOptions#threads()} workers with a bounded queue; the
 * backend, which need not be thread-safe, is called by one request at a time. Thread-safe. The server does not own
 * the backend: close the server first, then the backend.
 */
public final class ModelServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ModelServer.class.getName());
  private static final int BACKLOG = 64;
  private static final String JSON = "application/json; charset=utf-8";
  /** Least request-body bytes read and dropped before an error response (see {@link #drain}). */
  private static final long MIN_DRAIN_BYTES = 1L << 20;

  private final HttpServer server;
  private final ThreadPoolExecutor pool;
  private final RadfmBackend backend;
  private final ServeOptions options;
  private final List<Path> realRoots;
  private final Semaphore model = new Semaphore(1, true);
  private final AtomicBoolean closed = new AtomicBoolean();

  private ModelServer(HttpServer server, ThreadPoolExecutor pool, RadfmBackend backend, ServeOptions options,
      List<Path> realRoots) {
    this.server = server;
    this.pool = pool;
    this.backend = backend;
    this.options = options;
    this.realRoots = realRoots;
  }

  /**
   * Binds and starts a server.
   *
   * @param backend the model; must stay open until the server is closed
   * @throws java.net.BindException if the port is taken
   * @throws IOException if a root is not a folder or the server cannot be created
   */
  public static ModelServer start(RadfmBackend backend, ServeOptions options) throws IOException {
    Objects.requireNonNull(backend, "backend");
    List<Path> roots = ImageInputs.realRoots(options.roots());
    InetSocketAddress bind = new InetSocketAddress(InetAddress.getByName(options.host()), options.port());
    HttpServer http = HttpServer.create(bind, BACKLOG);
    ThreadPoolExecutor pool = new ThreadPoolExecutor(options.threads(), options.threads(), 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(options.queueCapacity()), new WorkerThreads(), new ThreadPoolExecutor.AbortPolicy());
    ModelServer s = new ModelServer(http, pool, backend, options, roots);
    http.createContext("/", s::handle);
    http.setExecutor(pool);
    http.start();
    return s;
  }

  /** The bound TCP port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The bound address. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** {@code http://host:port/}; IPv6 hosts bracketed. */
  public URI uri() {
    String host = server.getAddress().getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + port() + "/");
  }

  private void handle(HttpExchange ex) {
    try {
      ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      ex.getResponseHeaders().set("Cache-Control", "no-store");
      String path = ex.getRequestURI().getRawPath();
      String method = ex.getRequestMethod();
      switch (path) {
        case "/healthz" -> {
          requireMethod(ex, "GET");
          ObjectNode ok = Json.mapper().createObjectNode();
          ok.put("status", "ok");
          respond(ex, 200, ok);
        }
        case "/v1/generate" -> {
          requireMethod(ex, "POST");
          respond(ex, 200, generate(readJson(ex)));
        }
        case "/v1/score" -> {
          requireMethod(ex, "POST");
          respond(ex, 200, score(readJson(ex)));
        }
        default -> throw new HttpError(404, "no such endpoint: " + method + " " + path);
      }
    } catch (HttpError e) {
      drain(ex, Math.max(options.maxBodyBytes(), MIN_DRAIN_BYTES) * 2);
      error(ex, e.status(), e.getMessage());
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "request failed: " + ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath(), e);
      error(ex, 500, "internal error");
    } finally {
      ex.close();
    }
  }

  private ObjectNode generate(JsonNode body) throws HttpError, IOException {
    GenerationOptions gen = generationOptions(body);
    try (ImageInputs inputs = new ImageInputs(realRoots, options.maxImageBytes())) {
      Prompt p = prompt(body, inputs, false);
      List<String> answers = callModel(() -> backend.generate(List.of(p), gen));
      ObjectNode out = Json.mapper().createObjectNode();
      out.put("answer", answers.get(0));
      out.put("images", p.images().size());
      return out;
    }
  }

  private ObjectNode score(JsonNode body) throws HttpError, IOException {
    try (ImageInputs inputs = new ImageInputs(realRoots, options.maxImageBytes())) {
      Prompt p = prompt(body, inputs, true);
      double[] s = callModel(() -> backend.score(List.of(p)));
      ObjectNode out = Json.mapper().createObjectNode();
      out.put("score", s[0]);
      out.put("images", p.images().size());
      return out;
    }
  }

  private Prompt prompt(JsonNode body, ImageInputs inputs, boolean needAnswer) throws HttpError, IOException {
    String question = text(body, "question", true);
    String answer = text(body, "answer", needAnswer);
    List<Path> images = inputs.resolve(body.get("images"), options.maxImages());
    int markers = Prompt.countMarkers(question);
    if (markers == 0 && !images.isEmpty()) {
      question = Prompt.IMAGE_MARKER.repeat(images.size()) + question;
    } else if (markers != images.size()) {
      throw HttpError.badRequest("question has " + markers + " " + Prompt.IMAGE_MARKER + " markers but "
          + images.size() + " images");
    }
    return new Prompt(question, images, answer);
  }

  private String text(JsonNode body, String field, boolean required) throws HttpError {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      if (required) {
        throw HttpError.badRequest("missing field: " + field);
      }
      return null;
    }
    if (!n.isTextual()) {
      throw HttpError.badRequest(field + " must be a string");
    }
    if (n.asText().length() > options.maxQuestionChars()) {
      throw HttpError.tooLarge(field + " longer than " + options.maxQuestionChars() + " characters");
    }
    return n.asText();
  }

  private GenerationOptions generationOptions(JsonNode body) throws HttpError {
    int maxNew = intField(body, "maxNewTokens", GenerationOptions.DEFAULT_MAX_NEW_TOKENS);
    if (maxNew > options.maxNewTokens()) {
      throw HttpError.tooLarge("maxNewTokens over the limit of " + options.maxNewTokens());
    }
    JsonNode sample = body.get("sample");
    if (sample != null && !sample.isBoolean()) {
      throw HttpError.badRequest("sample must be true or false");
    }
    JsonNode temperature = body.get("temperature");
    if (temperature != null && !temperature.isNumber()) {
      throw HttpError.badRequest("temperature must be a number");
    }
    JsonNode seed = body.get("seed");
    if (seed != null && !seed.canConvertToLong()) {
      throw HttpError.badRequest("seed must be an integer");
    }
    try {
      return new GenerationOptions(maxNew, sample != null && sample.asBoolean(),
          temperature == null ? 1.0 : temperature.asDouble(), intField(body, "topK", 0), seed == null ? 0 : seed.asLong());
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest(e.getMessage());
    }
  }

  private static int intField(JsonNode body, String field, int dflt) throws HttpError {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return dflt;
    }
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw HttpError.badRequest(field + " must be an integer");
    }
    return n.asInt();
  }

  /** A model call that may throw; runs while holding the model. */
  @FunctionalInterface
  private interface ModelCall<T> {
    T call();
  }

  private <T> T callModel(ModelCall<T> call) throws HttpError {
    boolean acquired;
    try {
      acquired = model.tryAcquire(options.modelWaitSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HttpError(503, "server shutting down");
    }
    if (!acquired) {
      throw new HttpError(503, "model busy, try again later");
    }
    try {
      return call.call();
    } catch (UncheckedIOException e) {
      throw HttpError.badRequest("an image could not be read: " + e.getCause().getMessage());
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest(e.getMessage());
    } finally {
      model.release();
    }
  }

  private JsonNode readJson(HttpExchange ex) throws HttpError, IOException {
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > options.maxBodyBytes()) {
          throw HttpError.tooLarge("request body larger than " + options.maxBodyBytes() + " bytes");
        }
      } catch (NumberFormatException e) {
        throw HttpError.badRequest("bad Content-Length");
      }
    }
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (InputStream in = ex.getRequestBody()) {
      byte[] chunk = new byte[64 * 1024];
      for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
        if (buf.size() + (long) n > options.maxBodyBytes()) {
          throw HttpError.tooLarge("request body larger than " + options.maxBodyBytes() + " bytes");
        }
        buf.write(chunk, 0, n);
      }
    }
    JsonNode node;
    try {
      node = Json.mapper().readTree(buf.toByteArray());
    } catch (JsonProcessingException e) {
      throw HttpError.badRequest("body is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw HttpError.badRequest("body must be a JSON object");
    }
    return node;
  }

  /**
   * Reads and drops what is left of the request body, at most {@code cap} bytes, so that an early error response
   * is not lost: closing a socket with unread input makes TCP reset the connection, and the client may then see
   * the reset instead of the response. A body beyond the cap is left (the connection is then closed).
   */
  private static void drain(HttpExchange ex, long cap) {
    try {
      InputStream in = ex.getRequestBody();
      byte[] chunk = new byte[64 * 1024];
      long total = 0;
      for (int n = in.read(chunk); n >= 0 && total < cap; n = in.read(chunk)) {
        total += n;
      }
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "could not drain the request body", e);
    }
  }

  private static void requireMethod(HttpExchange ex, String method) throws HttpError {
    if (!ex.getRequestMethod().equals(method)) {
      ex.getResponseHeaders().set("Allow", method);
      throw new HttpError(405, "only " + method + " is allowed here");
    }
  }

  private static void respond(HttpExchange ex, int status, ObjectNode body) throws IOException {
    byte[] bytes = Json.mapper().writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", JSON);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void error(HttpExchange ex, int status, String message) {
    if (ex.getResponseCode() != -1) {
      return; // headers already sent
    }
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("status", status);
    n.put("error", message);
    try {
      respond(ex, status, n);
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "could not send the error response", e);
    }
  }

  /**
   * Stops accepting connections, waits up to a second for requests in progress, then stops the workers.
   * Idempotent; does not close the backend.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.stop(1);
    pool.shutdown();
    try {
      if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Daemon worker threads named {@code radmd-serve-N}. */
  private static final class WorkerThreads implements ThreadFactory {
    private final AtomicInteger n = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "radmd-serve-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
