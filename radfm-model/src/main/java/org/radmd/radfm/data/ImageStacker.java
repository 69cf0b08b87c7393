package org.radmd.radfm.data;

import java.util.List;
import org.radmd.core.image.RadfmInput;

/**
 * RadFM's {@code stack_images} (radfm-spec §3): a sample's images as one {@code [S, 3, H, W, D]} tensor. The
 * target D is the value in {4, 8, ..., 64} nearest to the largest depth among the images (at least 4; ties keep
 * the smaller); every image is resized to (H, W, D) with PyTorch's nearest rule, so a 2D image (D = 1) becomes its
 * slice repeated D times. No images give zeros {@code [1, 3, H, W, 4]}. Stateless and thread-safe.
 */
public final class ImageStacker {
  private ImageStacker() {}

  /** A stacked sample: {@code data} is [S, C, H, W, D] in C order. */
  public record Stack(float[] data, int images, int channels, int height, int width, int depth) {
    /** The shape {@code [S, C, H, W, D]}. */
    public int[] shape() {
      return new int[] {images, channels, height, width, depth};
    }
  }

  /** The stack_images target depth for a largest image depth of {@code maxDepth} slices. */
  public static int targetDepth(int maxDepth) {
    return RadfmInput.snapDepth(Math.max(RadfmInput.MIN_DEPTH, maxDepth));
  }

  /**
   * Stacks images to {@code [S, 3, height, width, D]}.
   *
   * @throws IllegalArgumentException if the images do not all have 3 channels, or a size is below 1
   */
  public static Stack stack(List<ImageTensor> images, int height, int width) {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("height and width must be >= 1");
    }
    int channels = 3;
    if (images.isEmpty()) {
      int d = RadfmInput.MIN_DEPTH;
      return new Stack(new float[channels * height * width * d], 1, channels, height, width, d);
    }
    int maxDepth = 0;
    for (ImageTensor t : images) {
      if (t.channels() != channels) {
        throw new IllegalArgumentException("image has " + t.channels() + " channels, expected 3");
      }
      maxDepth = Math.max(maxDepth, t.depth());
    }
    int d = targetDepth(maxDepth);
    int each = Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(channels, height), width), d);
    float[] out = new float[Math.multiplyExact(each, images.size())];
    for (int s = 0; s < images.size(); s++) {
      ImageTensor r = images.get(s).resizeNearest(height, width, d);
      System.arraycopy(r.data(), 0, out, s * each, each);
    }
    return new Stack(out, images.size(), channels, height, width, d);
  }
}
