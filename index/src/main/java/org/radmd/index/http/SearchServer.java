package org.radmd.index.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.radmd.index.CaseSearcher;
import org.radmd.index.DiseaseVocabulary;
import org.radmd.index.StoredPaths;

/**
 * The radmd search service over HTTP/1.1, on the JDK's built-in server. Research data, not for clinical use.
 *
 * <p>Endpoints (GET or HEAD; any other method is 405):
 *
 * <ul>
 *   <li>{@code /api/search?q=&modality=&source=&diagnosis=&limit=}: a {@link org.radmd.index.SearchResult} as
 *       JSON (hits, facet counts, expanded terms), plus {@code facetLabels.diagnosis} (DOID to ontology name) and
 *       {@code request} (the parameters as understood). {@code modality} is a DICOM code, {@code source} a
 *       dataset name, {@code diagnosis} a DOID from the diagnosis facet, {@code limit} 1..100 cases (default 20).
 *   <li>{@code /api/case/{sampleId}}: the stored {@link org.radmd.core.Sample} JSON; 404 when unknown.
 *   <li>{@code /api/similar/{sampleId}?k=}: a {@link org.radmd.index.SimilarCases}, the k (1..50, default 10)
 *       nearest other cases by image embedding; 404 when the sample is unknown.
 *   <li>{@code /api/suggest?prefix=&limit=}: {@code {"prefix", "suggestions": [...]}}, disease names from the
 *       indexed diagnoses, then from the vocabulary.
 *   <li>{@code /api/volume/{sampleId}/{imageIndex}/slice/{z}.png}: slice z of a stored 3D volume as PNG.
 *   <li>{@code /files/<output-relative path>}: stored PNGs under {@code medmd/images} and {@code medmd/volumes}
 *       only (see {@link FileHandler}).
 *   <li>{@code /}: the web page.
 * </ul>
 *
 * <p>Limits: a request URI over 8 KiB is 414; a query parameter over 1,024 characters, more than 16 parameters, a
 * malformed escape or a dot segment is 400; errors are JSON {@code {"status", "error"}}. Requests run on a fixed
 * pool of {@link ServerOptions#threads()} workers with a bounded queue.
 *
 * <p>Thread-safe. The server does not own the searcher: close the server first, then the searcher.
 */
public final class SearchServer implements AutoCloseable {
  private static final int BACKLOG = 64;
  private final HttpServer server;
  private final ThreadPoolExecutor pool;
  private final VolumeSlices slices;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SearchServer(HttpServer server, ThreadPoolExecutor pool, VolumeSlices slices) {
    this.server = server;
    this.pool = pool;
    this.slices = slices;
  }

  /**
   * Binds and starts a server.
   *
   * @param searcher the index to search; must stay open until the server is closed
   * @param vocab names diagnosis facet values and feeds suggestions; the searcher's own vocabulary
   * @param outputRoot the build output folder holding {@code index/} and {@code medmd/}; only its
   *     {@code medmd/images} and {@code medmd/volumes} are served
   * @throws java.net.BindException if the port is taken
   * @throws java.net.UnknownHostException if the host does not resolve
   * @throws IllegalArgumentException if {@code outputRoot} is not a folder
   * @throws IOException if the server cannot be created
   */
  public static SearchServer start(CaseSearcher searcher, DiseaseVocabulary vocab, Path outputRoot,
      ServerOptions options) throws IOException {
    if (!Files.isDirectory(outputRoot)) {
      throw new IllegalArgumentException("output folder not found: " + outputRoot);
    }
    StoredPaths paths = new StoredPaths(outputRoot);
    VolumeSlices slices = new VolumeSlices(options.volumeCacheBytes());
    GuardedHandler api = new GuardedHandler(new ApiHandler(searcher, vocab, paths, slices));
    GuardedHandler files = new GuardedHandler(new FileHandler(paths));
    GuardedHandler page = new GuardedHandler(new StaticHandler());
    InetSocketAddress bind = new InetSocketAddress(InetAddress.getByName(options.host()), options.port());
    HttpServer server = HttpServer.create(bind, BACKLOG);
    server.createContext("/api/", api);
    server.createContext("/files/", files);
    server.createContext("/", page);
    ThreadPoolExecutor pool = new ThreadPoolExecutor(options.threads(), options.threads(), 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(options.queueCapacity()), new WorkerThreads(), new ThreadPoolExecutor.AbortPolicy());
    server.setExecutor(pool);
    server.start();
    return new SearchServer(server, pool, slices);
  }

  /** The bound address (with the real port when 0 was asked for). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** The bound TCP port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://host:port/} of the web page. IPv6 hosts are bracketed. */
  public URI uri() {
    InetAddress a = server.getAddress().getAddress();
    String host = a.getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + port() + "/");
  }

  /**
   * Stops accepting connections, waits up to a second for requests in progress, then stops the workers and
   * drops the slice cache. Idempotent.
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
    slices.clear();
  }

  /** Daemon worker threads named {@code radmd-search-N}. */
  private static final class WorkerThreads implements ThreadFactory {
    private final AtomicInteger n = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "radmd-search-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
