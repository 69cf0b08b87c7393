package org.radmd.radfm.serve;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link ModelServer} listens and what it accepts.
 *
 * @param host address to bind, host name or IP literal; {@value #LOOPBACK} (the default) accepts local connections
 *     only
 * @param port TCP port 0..65535; 0 binds a free ephemeral port
 * @param threads HTTP worker threads (parse, read images, wait for the model), at least 1
 * @param queueCapacity requests accepted while every worker is busy, at least 1; beyond it new connections are
 *     closed without an answer
 * @param roots folders whose files may be named as images by path (e.g. a build output OUT); may be empty (then
 *     only uploads are accepted)
 * @param maxImages most images per request, at least 1 (RadFM's test setting M = 10)
 * @param maxImageBytes largest image file or decoded upload, bytes
 * @param maxBodyBytes largest request body, bytes (base64 uploads included)
 * @param maxNewTokens largest {@code maxNewTokens} a request may ask for
 * @param maxQuestionChars longest question (and answer), characters
 * @param modelWaitSeconds how long a request waits for the model before 503, seconds
 */
public record ServeOptions(String host, int port, int threads, int queueCapacity, List<Path> roots, int maxImages,
    long maxImageBytes, long maxBodyBytes, int maxNewTokens, int maxQuestionChars, int modelWaitSeconds) {
  /** The default bind address: IPv4 loopback. */
  public static final String LOOPBACK = "127.0.0.1";
  /** The default port of {@code radmd serve}. */
  public static final int DEFAULT_PORT = 8090;

  /** @throws IllegalArgumentException on a value out of range */
  public ServeOptions {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    roots = List.copyOf(roots);
    if (threads < 1 || queueCapacity < 1 || maxImages < 1 || maxImageBytes < 1 || maxBodyBytes < 1
        || maxNewTokens < 1 || maxQuestionChars < 1 || modelWaitSeconds < 1) {
      throw new IllegalArgumentException("threads, queueCapacity and every limit must be >= 1");
    }
  }

  /**
   * Loopback on {@code port}, 8 workers, a queue of 64, no roots, 10 images of at most 32 MiB, a 128 MiB body,
   * 512 new tokens, 16,384-character questions, 300 s wait for the model.
   */
  public static ServeOptions defaults(int port) {
    return new ServeOptions(LOOPBACK, port, 8, 64, List.of(), 10, 32L << 20, 128L << 20, 512, 16_384, 300);
  }

  /** These options on another host. */
  public ServeOptions withHost(String h) {
    return new ServeOptions(h, port, threads, queueCapacity, roots, maxImages, maxImageBytes, maxBodyBytes,
        maxNewTokens, maxQuestionChars, modelWaitSeconds);
  }

  /** These options with other roots. */
  public ServeOptions withRoots(List<Path> r) {
    return new ServeOptions(host, port, threads, queueCapacity, r, maxImages, maxImageBytes, maxBodyBytes,
        maxNewTokens, maxQuestionChars, modelWaitSeconds);
  }

  /** These options with other size limits. */
  public ServeOptions withLimits(int images, long imageBytes, long bodyBytes, int newTokens, int questionChars) {
    return new ServeOptions(host, port, threads, queueCapacity, roots, images, imageBytes, bodyBytes, newTokens,
        questionChars, modelWaitSeconds);
  }
}
