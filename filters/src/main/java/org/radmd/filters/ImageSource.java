package org.radmd.filters;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Optional;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.image.ImageDecodeException;
import org.radmd.core.image.Images;

/**
 * Where the filters find a sample's pixels: {@link #statistics} of a 2D image, or empty when there are none to
 * read (a 3D volume, a missing or undecodable file). Never throws for bad images: the filter then decides on
 * text alone. Implementations are thread-safe and serializable.
 */
@FunctionalInterface
public interface ImageSource extends Serializable {
  /** No images: decisions on text only. */
  ImageSource NONE = ref -> Optional.empty();

  /** The statistics of {@code ref}'s pixels, when it is a readable 2D image. */
  Optional<ImageStatistics> statistics(ImageRef ref);

  /**
   * Images read from files: absolute {@link ImageRef#path()}s as they are (before normalization), relative ones
   * under {@code root} (the build output root, after normalization). Only {@link ImageKind#IMAGE_2D}.
   */
  static ImageSource files(Path root) {
    String r = root == null ? null : root.toAbsolutePath().normalize().toString();
    return ref -> {
      if (ref.kind() != ImageKind.IMAGE_2D) {
        return Optional.empty();
      }
      Path p = Path.of(ref.path());
      if (!p.isAbsolute()) {
        if (r == null) {
          return Optional.empty();
        }
        p = Path.of(r).resolve(p);
      }
      try {
        return Optional.of(ImageStatistics.of(Images.read(p)));
      } catch (ImageDecodeException | RuntimeException e) {
        return Optional.empty();
      }
    };
  }
}
