package org.radmd.scrapers.harvest;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Archives every HTTP exchange of a harvest in a WARC file (WARC 1.1, ISO 28500:2017) with jwarc: one {@code
 * warcinfo} record when the file is opened, then per exchange a {@code request} record ({@code application/http;
 * msgtype=request}) and a {@code response} record ({@code application/http;msgtype=response}) that point at
 * each other ({@code WARC-Concurrent-To}). Records are gzip-compressed one by one ({@code .warc.gz}), so the
 * file stays readable up to the last complete record if the process is killed.
 *
 * <p>The response block is the status line, the headers as received (minus {@code Transfer-Encoding}, since the
 * body is stored de-chunked) and the body bytes exactly as received (no content decoding is done). Each harvest
 * run writes a new file {@code radmd-<UTC yyyyMMddHHmmss>-<8 hex>.warc.gz}; existing files are never appended
 * to. Thread-safe: records of one exchange are written together under a lock.
 */
public final class WarcArchive implements Closeable {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private final Path file;
  private final WarcWriter writer;
  private long exchanges;

  private WarcArchive(Path file, WarcWriter writer) {
    this.file = file;
    this.writer = writer;
  }

  /**
   * Creates a new WARC file in {@code folder} (created when missing) and writes its {@code warcinfo} record.
   *
   * @param software the value of the warcinfo {@code software} field
   */
  public static WarcArchive create(Path folder, String software) throws IOException {
    Files.createDirectories(folder);
    String name = "radmd-" + STAMP.format(Instant.now()) + "-"
        + UUID.randomUUID().toString().substring(0, 8) + ".warc.gz";
    Path file = folder.resolve(name);
    WarcWriter w = new WarcWriter(Files.newByteChannel(file, java.nio.file.StandardOpenOption.CREATE_NEW,
        java.nio.file.StandardOpenOption.WRITE), WarcCompression.GZIP);
    WarcArchive a = new WarcArchive(file, w);
    Warcinfo info = new Warcinfo.Builder().version(MessageVersion.WARC_1_1).filename(name)
        .fields(Map.of("software", List.of(software), "format", List.of("WARC File Format 1.1"),
            "conformsTo", List.of("https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/")))
        .build();
    w.write(info);
    return a;
  }

  /** The WARC file being written. */
  public Path file() {
    return file;
  }

  /** The number of exchanges archived so far. */
  public synchronized long exchanges() {
    return exchanges;
  }

  /**
   * Archives one exchange.
   *
   * @param uri the requested address
   * @param requestHeaders the request headers sent (name -> values)
   * @param status the HTTP status code
   * @param responseHeaders the response headers received
   * @param body the response body as received
   * @param date when the response arrived
   */
  public synchronized void archive(URI uri, Map<String, List<String>> requestHeaders, int status,
      Map<String, List<String>> responseHeaders, byte[] body, Instant date) throws IOException {
    UUID requestId = UUID.randomUUID();
    UUID responseId = UUID.randomUUID();
    WarcRequest req = new WarcRequest.Builder(uri).version(MessageVersion.WARC_1_1).date(date)
        .recordId(requestId).concurrentTo(urn(responseId))
        .body(MediaType.HTTP_REQUEST, requestBlock(uri, requestHeaders)).build();
    WarcResponse resp = new WarcResponse.Builder(uri).version(MessageVersion.WARC_1_1).date(date)
        .recordId(responseId).concurrentTo(urn(requestId))
        .body(MediaType.HTTP_RESPONSE, responseBlock(status, responseHeaders, body)).build();
    writer.write(req);
    writer.write(resp);
    exchanges++;
  }

  private static URI urn(UUID id) {
    return URI.create("urn:uuid:" + id);
  }

  static byte[] requestBlock(URI uri, Map<String, List<String>> headers) {
    StringBuilder sb = new StringBuilder();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path += "?" + uri.getRawQuery();
    }
    sb.append("GET ").append(path).append(" HTTP/1.1\r\n");
    sb.append("Host: ").append(uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort()).append("\r\n");
    headers.forEach((k, vs) -> vs.forEach(v -> sb.append(k).append(": ").append(v).append("\r\n")));
    sb.append("\r\n");
    return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] responseBlock(int status, Map<String, List<String>> headers, byte[] body) {
    StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    headers.forEach((k, vs) -> {
      if (!k.equalsIgnoreCase("transfer-encoding") && !k.startsWith(":")) {
        vs.forEach(v -> sb.append(k).append(": ").append(v).append("\r\n"));
      }
    });
    sb.append("\r\n");
    byte[] head = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] out = new byte[head.length + body.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(body, 0, out, head.length, body.length);
    return out;
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 206 -> "Partial Content";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 304 -> "Not Modified";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "Status";
    };
  }

  @Override
  public synchronized void close() throws IOException {
    writer.close();
  }
}
