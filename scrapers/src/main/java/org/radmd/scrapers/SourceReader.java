package org.radmd.scrapers;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * Reads one kind of source file into samples and rejects.
 *
 * <p>Implementations are stateless: safe to call from many threads at once and {@link Serializable} so that
 * Beam can ship them to workers. They are deterministic: reading the same bytes under the same input root
 * gives equal results, in the same order.
 */
public interface SourceReader extends Serializable {

  /** Short stable name of the reader, e.g. {@code "jats"}, {@code "medpix"}, {@code "radiopaedia"}. */
  String name();

  /**
   * Whether this reader handles {@code file}. Cheap: looks at the name and at most the first few KB of the
   * content. Never throws; an unreadable file is not accepted.
   *
   * @param file a regular file (absolute or relative to the working directory)
   */
  boolean accepts(Path file);

  /**
   * Parses {@code file}. Never throws for bad input: malformed, truncated or unreadable input and missing
   * images become {@link org.radmd.core.Reject}s with stage {@link org.radmd.core.Stage#PARSE}, a kebab-case
   * reason code and {@code origin} = {@code file} relative to {@code inputRoot} ({@code '/'}-separated).
   *
   * @param file a file this reader {@linkplain #accepts accepts}
   * @param inputRoot the root that origins and {@link org.radmd.core.ImageRef#sourceFiles()} are relative to;
   *     when {@code file} is not under it, origins fall back to the file name
   * @return samples and rejects, never null
   */
  ReadResult read(Path file, Path inputRoot);
}
