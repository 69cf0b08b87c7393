package org.radmd.radfm.data;

import java.util.List;

/**
 * RadFM's training collator for images ({@code DataCollator} in RadFM's {@code train.py}, radfm-spec §3): stacks
 * the per-sample stacks of one batch ({@link ImageStacker.Stack}, [S, 3, H, W, D]) into [B, S_max, 3, H', W', D'].
 *
 * <ul>
 *   <li>D' = the value in {4, 8, ..., 64} nearest to the deepest stack of the batch (ties keep the smaller);
 *       {4, ..., 32} when the batch is a single sample with more than 6 images;
 *   <li>H' = W' = the base size (RadFM: 512), halved (RadFM: 256) when the batch is a single sample and D' &gt; 4,
 *       which bounds the memory of deep 3D batches;
 *   <li>every image is resized with PyTorch's nearest rule; samples with fewer than S_max images are padded with
 *       zero images (RadFM's {@code pad_sequence}); {@link Batch#imageCounts()} tells the real ones.
 * </ul>
 * Immutable and thread-safe.
 */
public final class VisionCollator {
  private final int baseSize;

  /**
   * @param baseSize H = W of a batch (RadFM: 512); must be a positive multiple of 64 so that the halved size stays
   *     a multiple of the ViT's 32-pixel patches
   * @throws IllegalArgumentException if it is not
   */
  public VisionCollator(int baseSize) {
    if (baseSize < 64 || baseSize % 64 != 0) {
      throw new IllegalArgumentException("baseSize must be a positive multiple of 64: " + baseSize);
    }
    this.baseSize = baseSize;
  }

  /** RadFM's collator: 512 x 512, 256 x 256 for single deep samples. */
  public static VisionCollator radfm() {
    return new VisionCollator(512);
  }

  /**
   * A collated batch: {@code data} is [B, S, C, H, W, D] in C order.
   *
   * @param imageCounts per sample, how many of its S image slots are real (the rest are zeros)
   */
  public record Batch(float[] data, int batch, int images, int channels, int height, int width, int depth,
      int[] imageCounts) {
    /** The shape {@code [B, S, C, H, W, D]}. */
    public int[] shape() {
      return new int[] {batch, images, channels, height, width, depth};
    }
  }

  /** The target depth of a batch: nearest in {4, ..., limit} to {@code maxDepth}, ties to the smaller. */
  static int batchDepth(int maxDepth, int limit) {
    int best = 4;
    for (int d = 4; d <= limit; d += 4) {
      if (Math.abs(d - maxDepth) < Math.abs(best - maxDepth)) {
        best = d;
      }
    }
    return best;
  }

  /**
   * Collates one batch.
   *
   * @throws IllegalArgumentException if the batch is empty or the stacks differ in channel count
   */
  public Batch collate(List<ImageStacker.Stack> stacks) {
    if (stacks.isEmpty()) {
      throw new IllegalArgumentException("empty batch");
    }
    int channels = stacks.get(0).channels();
    int maxImages = 0;
    int maxDepth = 0;
    for (ImageStacker.Stack s : stacks) {
      if (s.channels() != channels) {
        throw new IllegalArgumentException("stacks differ in channels: " + s.channels() + " vs " + channels);
      }
      maxImages = Math.max(maxImages, s.images());
      maxDepth = Math.max(maxDepth, s.depth());
    }
    boolean single = stacks.size() == 1;
    int depth = batchDepth(maxDepth, single && maxImages > 6 ? 32 : 64);
    int size = single && depth > 4 ? baseSize / 2 : baseSize;
    int each = Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(channels, size), size), depth);
    float[] out = new float[Math.multiplyExact(Math.multiplyExact(stacks.size(), maxImages), each)];
    int[] counts = new int[stacks.size()];
    for (int b = 0; b < stacks.size(); b++) {
      ImageStacker.Stack s = stacks.get(b);
      counts[b] = s.images();
      int srcEach = s.channels() * s.height() * s.width() * s.depth();
      for (int i = 0; i < s.images(); i++) {
        float[] one = new float[srcEach];
        System.arraycopy(s.data(), i * srcEach, one, 0, srcEach);
        ImageTensor r = new ImageTensor(one, channels, s.height(), s.width(), s.depth()).resizeNearest(size, size, depth);
        System.arraycopy(r.data(), 0, out, (b * maxImages + i) * each, each);
      }
    }
    return new Batch(out, stacks.size(), maxImages, channels, size, size, depth, counts);
  }
}
