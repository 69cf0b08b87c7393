package org.radmd.pipelines.export;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Puts a stored file under the name a consumer expects without copying its bytes: a hard link, else (another
 * file system) a relative symbolic link, else a copy. An existing target that already is the same file is
 * kept, so a rerun is cheap. Stateless and thread-safe.
 */
final class Links {
  private Links() {}

  /**
   * Makes {@code target} name the content of {@code source}.
   *
   * @throws IOException if {@code source} is missing or no link or copy can be made
   */
  static void materialize(Path source, Path target) throws IOException {
    if (!Files.isRegularFile(source)) {
      throw new IOException("stored file missing: " + source);
    }
    if (Files.exists(target) && Files.isSameFile(source, target)) {
      return;
    }
    Files.createDirectories(target.toAbsolutePath().getParent());
    Files.deleteIfExists(target);
    try {
      Files.createLink(target, source);
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (IOException | UnsupportedOperationException e) {
      try {
        Files.createSymbolicLink(target, target.toAbsolutePath().getParent().relativize(source.toAbsolutePath()));
      } catch (IOException | UnsupportedOperationException e2) {
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
