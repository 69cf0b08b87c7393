package org.radmd.index.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The web page: a fixed set of class-path resources ({@code web/} beside this class), loaded once at start. Any
 * other path is 404, so nothing but these files can be reached through it. Thread-safe (immutable).
 */
final class StaticHandler implements GuardedHandler.Route {
  private record Asset(String contentType, byte[] body) {}

  private static final String HTML = "text/html; charset=utf-8";
  private final Map<String, Asset> assets;

  StaticHandler() {
    Asset page = asset("index.html", HTML);
    this.assets = Map.of(
        "", page,
        "index.html", page,
        "app.js", asset("app.js", "text/javascript; charset=utf-8"),
        "app.css", asset("app.css", "text/css; charset=utf-8"));
  }

  @Override
  public void handle(HttpExchange ex, RequestParts req) throws IOException, HttpStatusException {
    List<String> s = req.segments();
    Asset asset = s.size() == 1 ? assets.get(s.get(0)) : null;
    if (asset == null) {
      throw HttpStatusException.notFound("not found");
    }
    ex.getResponseHeaders().set("Cache-Control", "no-cache");
    Responses.bytes(ex, 200, asset.contentType(), asset.body());
  }

  private static Asset asset(String name, String contentType) {
    try (InputStream in = StaticHandler.class.getResourceAsStream("web/" + name)) {
      if (in == null) {
        throw new IllegalStateException("web resource missing from the class path: web/" + name);
      }
      return new Asset(contentType, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read web resource " + name, e);
    }
  }
}
