package org.radmd.radfm.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a request's {@code images} array into files. Each element is either a path (a string, or
 * {@code {"path": "..."}}) or an upload {@code {"data": "<base64>", "type": "png"}} with type one of png, jpg, jpeg,
 * gif, bmp, nii, nii.gz.
 *
 * <p>Paths: a relative path is looked up under each root in order; it is refused with 403 when it holds an empty,
 * "." or ".." segment, a backslash, NUL or colon, and an absolute path is refused with 403 unless it lies inside a
 * root. Symbolic links are followed and the real file must still lie inside the root (403 otherwise). A well-formed
 * path that names no regular file is 404. Files larger than the image limit are 413. Uploads larger than the limit
 * are 413 and undecodable base64 is 400; uploads are written to a per-request temporary folder that
 * {@link #close()} deletes. Not thread-safe: one instance per request.
 */
final class ImageInputs implements AutoCloseable {
  private static final Set<String> TYPES = Set.of("png", "jpg", "jpeg", "gif", "bmp", "nii", "nii.gz");

  private final List<Path> realRoots;
  private final long maxImageBytes;
  private Path uploadDir;

  ImageInputs(List<Path> realRoots, long maxImageBytes) {
    this.realRoots = realRoots;
    this.maxImageBytes = maxImageBytes;
  }

  /** The real paths of existing root folders (others are dropped). */
  static List<Path> realRoots(List<Path> roots) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path r : roots) {
      if (!Files.isDirectory(r)) {
        throw new IOException("image root is not a folder: " + r);
      }
      out.add(r.toRealPath());
    }
    return List.copyOf(out);
  }

  List<Path> resolve(JsonNode images, int maxImages) throws HttpError, IOException {
    if (images == null || images.isNull()) {
      return List.of();
    }
    if (!images.isArray()) {
      throw HttpError.badRequest("images must be an array");
    }
    if (images.size() > maxImages) {
      throw HttpError.tooLarge("too many images: " + images.size() + " (at most " + maxImages + ")");
    }
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      JsonNode n = images.get(i);
      if (n.isTextual()) {
        files.add(path(n.asText()));
      } else if (n.isObject() && n.has("path") && n.get("path").isTextual()) {
        files.add(path(n.get("path").asText()));
      } else if (n.isObject() && n.has("data") && n.get("data").isTextual()) {
        files.add(upload(i, n.get("data").asText(), n.path("type").asText("")));
      } else {
        throw HttpError.badRequest("images[" + i + "] must be a path string, {\"path\"} or {\"data\", \"type\"}");
      }
    }
    return files;
  }

  private Path path(String p) throws HttpError, IOException {
    if (p.isEmpty() || p.indexOf('\0') >= 0 || p.indexOf('\\') >= 0) {
      throw new HttpError(403, "image path refused");
    }
    Path given;
    try {
      given = Path.of(p);
    } catch (java.nio.file.InvalidPathException e) {
      throw new HttpError(403, "image path refused");
    }
    if (given.isAbsolute()) {
      Path norm = given.normalize();
      for (Path root : realRoots) {
        if (norm.startsWith(root)) {
          return inside(root, norm, p);
        }
      }
      throw new HttpError(403, "image path outside the served roots: " + p);
    }
    if (p.indexOf(':') >= 0) {
      throw new HttpError(403, "image path refused");
    }
    for (String s : p.split("/", -1)) {
      if (s.isEmpty() || s.equals(".") || s.equals("..")) {
        throw new HttpError(403, "image path must be relative without '.', '..' or empty segments: " + p);
      }
    }
    for (Path root : realRoots) {
      Path candidate = root.resolve(p);
      if (Files.exists(candidate)) {
        return inside(root, candidate, p);
      }
    }
    throw new HttpError(404, "image not found: " + p);
  }

  private Path inside(Path root, Path candidate, String shown) throws HttpError, IOException {
    if (!Files.isRegularFile(candidate)) {
      throw new HttpError(404, "image not found: " + shown);
    }
    Path real = candidate.toRealPath();
    if (!real.startsWith(root) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
      throw new HttpError(403, "image path outside the served roots: " + shown);
    }
    if (Files.size(real) > maxImageBytes) {
      throw HttpError.tooLarge("image larger than " + maxImageBytes + " bytes: " + shown);
    }
    return real;
  }

  private Path upload(int index, String data, String type) throws HttpError, IOException {
    String t = type.toLowerCase(Locale.ROOT);
    if (!TYPES.contains(t)) {
      throw HttpError.badRequest("images[" + index + "].type must be one of " + new java.util.TreeSet<>(TYPES));
    }
    long estimated = (long) data.length() / 4 * 3;
    if (estimated > maxImageBytes + 3) {
      throw HttpError.tooLarge("images[" + index + "] larger than " + maxImageBytes + " bytes");
    }
    byte[] bytes;
    try {
      bytes = Base64.getMimeDecoder().decode(data);
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest("images[" + index + "].data is not base64");
    }
    if (bytes.length == 0) {
      throw HttpError.badRequest("images[" + index + "].data is empty");
    }
    if (bytes.length > maxImageBytes) {
      throw HttpError.tooLarge("images[" + index + "] larger than " + maxImageBytes + " bytes");
    }
    if (uploadDir == null) {
      uploadDir = Files.createTempDirectory("radmd-serve-");
    }
    Path f = uploadDir.resolve("upload-" + index + "." + t);
    Files.write(f, bytes);
    return f;
  }

  /** Deletes the uploads of this request. */
  @Override
  public void close() {
    if (uploadDir == null) {
      return;
    }
    try (var files = Files.list(uploadDir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(uploadDir);
    } catch (IOException e) {
      System.getLogger(ModelServer.class.getName()).log(System.Logger.Level.WARNING,
          "could not delete uploads in " + uploadDir, e);
    }
  }
}
