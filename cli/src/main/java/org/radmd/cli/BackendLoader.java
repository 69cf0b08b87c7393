package org.radmd.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.radmd.radfm.RadfmBackend;
import org.radmd.radfm.model.DjlRadfmBackend;

/**
 * Opens the RadFM model in a folder for {@code radmd eval} and {@code radmd serve}
 * ({@link DjlRadfmBackend#load(Path)}), behind a {@link Factory} that tests replace with a stand-in.
 */
final class BackendLoader {
  /** Opens a model folder as a backend. */
  @FunctionalInterface
  interface Factory {
    RadfmBackend load(Path modelDir) throws IOException;
  }

  private BackendLoader() {}

  /**
   * The backend of {@code modelDir}.
   *
   * @throws IllegalArgumentException if the folder does not exist
   * @throws IOException if the model cannot be read
   */
  static RadfmBackend load(Path modelDir) throws IOException {
    if (!Files.isDirectory(modelDir)) {
      throw new IllegalArgumentException("model folder not found: " + modelDir);
    }
    return DjlRadfmBackend.load(modelDir);
  }
}
