package org.radmd.index.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;

/**
 * Wraps a route with the server's request rules and error handling:
 *
 * <ul>
 *   <li>a request URI (path plus query, as sent) longer than {@value #MAX_URI_CHARS} characters: 414;
 *   <li>a method other than GET or HEAD: 405 with {@code Allow: GET, HEAD};
 *   <li>a {@link HttpStatusException} from the route: that status, with its message as JSON;
 *   <li>any other exception: 500 with a generic message (the details go to the server log, not the client).
 * </ul>
 *
 * <p>Every response carries {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer} and a
 * strict {@code Content-Security-Policy}. The exchange is always closed. Thread-safe when the route is.
 */
final class GuardedHandler implements HttpHandler {
  /** Longest accepted request URI, in characters (8 KiB). */
  static final int MAX_URI_CHARS = 8 * 1024;
  static final String CSP = "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; "
      + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
  private static final System.Logger LOG = System.getLogger(SearchServer.class.getName());

  /** A handler body that may refuse the request with a status. */
  @FunctionalInterface
  interface Route {
    void handle(HttpExchange exchange, RequestParts request) throws IOException, HttpStatusException;
  }

  private final Route route;

  GuardedHandler(Route route) {
    this.route = route;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try {
      var headers = ex.getResponseHeaders();
      headers.set("X-Content-Type-Options", "nosniff");
      headers.set("Referrer-Policy", "no-referrer");
      headers.set("Content-Security-Policy", CSP);
      URI uri = ex.getRequestURI();
      if (uriLength(uri) > MAX_URI_CHARS) {
        throw new HttpStatusException(414, "request URI longer than " + MAX_URI_CHARS + " characters");
      }
      String method = ex.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        headers.set("Allow", "GET, HEAD");
        throw new HttpStatusException(405, "only GET and HEAD are allowed");
      }
      route.handle(ex, RequestParts.of(uri));
    } catch (HttpStatusException e) {
      respond(ex, e.status(), e.getMessage());
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "request failed: " + ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath(), e);
      respond(ex, 500, "internal error");
    } finally {
      ex.close();
    }
  }

  private static int uriLength(URI uri) {
    String path = uri.getRawPath();
    String query = uri.getRawQuery();
    return (path == null ? 0 : path.length()) + (query == null ? 0 : query.length() + 1);
  }

  /** An error response, unless the headers are already out (then the client sees a cut-off response). */
  private static void respond(HttpExchange ex, int status, String message) {
    if (ex.getResponseCode() != -1) {
      return;
    }
    try {
      Responses.error(ex, status, message);
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "could not send the error response", e);
    }
  }
}
