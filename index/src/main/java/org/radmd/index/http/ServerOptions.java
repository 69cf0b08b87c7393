package org.radmd.index.http;

import java.util.Objects;

/**
 * How a {@link SearchServer} listens and how much work it takes on.
 *
 * @param host the address to bind, a host name or IP literal; {@value #LOOPBACK} (the default) accepts local
 *     connections only
 * @param port the TCP port, 0 to 65535; 0 binds a free ephemeral port ({@link SearchServer#port()} tells which)
 * @param threads worker threads answering requests, at least 1
 * @param queueCapacity requests accepted while every worker is busy, at least 1; beyond it a new connection is
 *     closed without an answer
 * @param volumeCacheBytes the most decoded voxel bytes kept for slice requests (LRU), at least 0
 */
public record ServerOptions(String host, int port, int threads, int queueCapacity, long volumeCacheBytes) {
  /** The default bind address: IPv4 loopback. */
  public static final String LOOPBACK = "127.0.0.1";
  /** The default port of {@code radmd serve-search}. */
  public static final int DEFAULT_PORT = 8080;

  /**
   * @throws IllegalArgumentException on a value out of range
   */
  public ServerOptions {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (threads < 1 || queueCapacity < 1 || volumeCacheBytes < 0) {
      throw new IllegalArgumentException("threads and queueCapacity must be positive, volumeCacheBytes >= 0");
    }
  }

  /**
   * Loopback on {@code port}, 4 workers (at most the number of processors, at least 2), a queue of 64 and a
   * 256 MiB volume cache.
   */
  public static ServerOptions loopback(int port) {
    int threads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    return new ServerOptions(LOOPBACK, port, threads, 64, 256L << 20);
  }

  /** These options on another host. */
  public ServerOptions withHost(String newHost) {
    return new ServerOptions(newHost, port, threads, queueCapacity, volumeCacheBytes);
  }
}
