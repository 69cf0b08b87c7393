package org.radmd.core.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Thrown when an image or slice cannot be decoded: the file is missing, unreadable, empty, truncated, or in
 * a format no installed reader supports. The message names the file and the cause, e.g.
 * {@code "cannot decode /in/a.jpg: truncated or corrupt (Premature end of JPEG file)"}.
 */
public class ImageDecodeException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The file that failed; never null. */
  private final transient Path file;

  /**
   * @param file the file that could not be decoded
   * @param cause a short human-readable cause
   */
  public ImageDecodeException(Path file, String cause) {
    this(file, cause, null);
  }

  /**
   * @param file the file that could not be decoded
   * @param cause a short human-readable cause
   * @param error the underlying error, or null
   */
  public ImageDecodeException(Path file, String cause, Throwable error) {
    super("cannot decode " + Objects.requireNonNull(file, "file") + ": " + cause, error);
    this.file = file;
  }

  /** The file that could not be decoded (null only after Java deserialization). */
  public Path file() {
    return file;
  }
}
