package org.radmd.index.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.radmd.index.StoredPaths;

/**
 * {@code GET /files/<output-relative path>}: the stored PNGs of the build output, that is 2D images under
 * {@code medmd/images} and volume key slices under {@code medmd/volumes}, and nothing else.
 *
 * <p>Path segments are decoded strictly ({@link RequestParts}: dot segments, encoded separators and double
 * encoding are 400); an empty segment (which an absolute path after {@code /files/} makes) is 400; a path
 * outside the two areas, a file that is not a PNG, a missing file or a symbolic link leading out of its area is
 * 404 ({@link StoredPaths}). Responses may be cached for a day: stored files are content-addressed. Thread-safe.
 */
final class FileHandler implements GuardedHandler.Route {
  private final StoredPaths paths;

  FileHandler(StoredPaths paths) {
    this.paths = paths;
  }

  @Override
  public void handle(HttpExchange ex, RequestParts req) throws IOException, HttpStatusException {
    List<String> s = req.segments();
    // s.get(0) is "files": the server routes only /files/ here.
    List<String> rel = s.subList(1, s.size());
    if (rel.isEmpty() || rel.stream().anyMatch(String::isEmpty)) {
      throw HttpStatusException.badRequest("empty path segment");
    }
    String relative = String.join("/", rel);
    if (!relative.endsWith(StoredPaths.KEY_SLICE_SUFFIX)) {
      throw HttpStatusException.notFound("only stored PNG images are served");
    }
    Path file = paths.resolve(relative).orElseThrow(() -> HttpStatusException.notFound("no such stored image"));
    ex.getResponseHeaders().set("Cache-Control", "public, max-age=86400");
    Responses.file(ex, Responses.PNG, file);
  }
}
