package org.radmd.pipelines.dedup;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;
import org.radmd.core.ImageRef;
import org.radmd.core.image.Images;
import org.radmd.core.image.Nifti;
import org.radmd.filters.dedup.ImageSignature;
import org.radmd.filters.dedup.VolumeHash;

/**
 * Where {@link NearDuplicateDedup} gets the signature of one stored image. The build uses {@link #stored}: the
 * pixels are read from the build output root and hashed. Other implementations serve signatures computed
 * elsewhere (the corpus-scale benchmark's generated signatures, a signature cache); they must return what
 * {@link ImageSignature#of} and {@link VolumeHash#of} would for the image the reference stands for.
 *
 * <p>Implementations are serialized into the pipeline and called from several workers at once, so they must be
 * thread-safe. An image that cannot be read is reported by throwing; dedup then skips it.
 */
public interface ImageSignatureSource extends Serializable {
  /**
   * The signature of a 2D picture.
   *
   * @throws IOException or a runtime exception when the picture cannot be read or decoded
   */
  ImageSignature picture(ImageRef ref) throws IOException;

  /**
   * The slice hashes of a 3D volume.
   *
   * @throws IOException or a runtime exception when the volume cannot be read or decoded
   */
  VolumeHash volume(ImageRef ref) throws IOException;

  /** Reads each image from {@code outputRoot} ({@link ImageRef#path} is relative to it) and hashes it. */
  static ImageSignatureSource stored(String outputRoot) {
    return new Stored(outputRoot);
  }

  /** The build's source: pixels read from the output root. */
  record Stored(String outputRoot) implements ImageSignatureSource {
    private static final long serialVersionUID = 1L;

    public Stored {
      Objects.requireNonNull(outputRoot, "outputRoot");
    }

    @Override
    public ImageSignature picture(ImageRef ref) throws IOException {
      return ImageSignature.of(Images.read(Path.of(outputRoot).resolve(ref.path())));
    }

    @Override
    public VolumeHash volume(ImageRef ref) throws IOException {
      return VolumeHash.of(Nifti.read(Path.of(outputRoot).resolve(ref.path())));
    }
  }
}
