package org.radmd.scrapers.harvest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP server (JDK {@code com.sun.net.httpserver}) for harvest tests. Each path has a script: a queue
 * of responses served in order, the last one repeated. Every request is logged with its arrival time (server
 * side, {@link System#nanoTime()}), so tests can check what was requested and how fast.
 */
final class FakePmcServer implements AutoCloseable {
  /** One scripted response. */
  record Reply(int status, Map<String, String> headers, byte[] body, long delayMs) {
    static Reply ok(String contentType, byte[] body) {
      return new Reply(200, Map.of("Content-Type", contentType), body, 0);
    }

    static Reply status(int status, Map<String, String> headers) {
      return new Reply(status, headers, ("status " + status).getBytes(StandardCharsets.US_ASCII), 0);
    }

    Reply delayed(long ms) {
      return new Reply(status, headers, body, ms);
    }
  }

  /** A logged request: path with query, arrival time (ns), and the status it got. */
  record Hit(String target, long atNanos, int status) {}

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
  private final List<Hit> hits = new ArrayList<>();

  FakePmcServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  /** {@code http://127.0.0.1:<port>} + path. */
  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
  }

  /** Serves {@code replies} in order at {@code pathAndQuery}; the last one repeats. */
  void script(String pathAndQuery, Reply... replies) {
    scripts.put(pathAndQuery, new ArrayDeque<>(List.of(replies)));
  }

  /** A snapshot of the request log, in arrival order. */
  synchronized List<Hit> hits() {
    return List.copyOf(hits);
  }

  private void handle(HttpExchange ex) throws IOException {
    long at = System.nanoTime();
    String target = ex.getRequestURI().getRawPath()
        + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
    Reply reply;
    Deque<Reply> script = scripts.get(target);
    synchronized (this) {
      if (script == null) {
        reply = Reply.status(404, Map.of());
      } else {
        reply = script.size() > 1 ? script.pollFirst() : script.peekFirst();
      }
      hits.add(new Hit(target, at, reply.status()));
    }
    try {
      if (reply.delayMs() > 0) {
        Thread.sleep(reply.delayMs());
      }
      reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
      ex.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(reply.body());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client gave up (timeout): nothing to send to
    } finally {
      ex.close();
    }
  }

  @Override
  public void close() throws InterruptedException {
    server.stop(0);
    pool.shutdownNow();
    pool.awaitTermination(5, TimeUnit.SECONDS);
  }
}
