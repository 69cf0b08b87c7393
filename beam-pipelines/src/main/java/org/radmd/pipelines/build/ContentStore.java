package org.radmd.pipelines.build;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.radmd.core.ImageRef;
import org.radmd.core.image.Images;
import org.radmd.core.image.Volume;

/**
 * Writes images under the content-addressed {@link OutputLayout}: a file already present under its hash is
 * not written again, which is what lets a rerun skip finished work. Stateless; safe to use from several
 * workers at once (writes are atomic and equal content gives equal files).
 */
final class ContentStore {
  private ContentStore() {}

  /** A stored image and whether its file was already there. */
  record Stored(ImageRef ref, boolean reused) {}

  /**
   * Stores a 2D image: named by the SHA-256 of its decoded pixels ({@link Images#pixelHash}), written as PNG
   * with the longest side capped at {@code maxSide} pixels; the stored shape is {@code [3, H, W, 1]}.
   */
  static Stored png(OutputLayout layout, ImageRef image, BufferedImage decoded, int maxSide) throws IOException {
    String hash = Images.pixelHash(decoded);
    String rel = OutputLayout.imagePath(hash);
    BufferedImage capped = Images.capLongestSide(decoded, maxSide);
    Path target = layout.resolve(rel);
    boolean reused = Files.exists(target);
    if (!reused) {
      Images.writePng(capped, target);
    }
    return new Stored(image.stored(rel, List.of(3, capped.getHeight(), capped.getWidth(), 1), hash), reused);
  }

  /** Writes the middle slice of {@code grey} as the key-slice PNG of the volume named {@code hash}. */
  static void keySlice(OutputLayout layout, String hash, Volume grey) throws IOException {
    Images.writePng(grey.slice(grey.depth() / 2), layout.resolve(OutputLayout.volumeThumbnailPath(hash)));
  }
}
