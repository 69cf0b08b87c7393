package org.radmd.filters.dedup;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import org.radmd.core.image.NiftiImage;
import org.radmd.core.image.Volume;

/**
 * A perceptual hash of a 3D volume: the 64-bit {@link PerceptualHash} of the axial slices at fixed relative
 * depths 10 %, 20 %, ..., 90 % ({@link #FRACTIONS}), compared position by position.
 *
 * <p><b>Why fixed relative depths:</b> the same series stored with another slice spacing (every second slice
 * kept, a few end slices dropped, slices interpolated) still has, at 50 % of its depth, the slice nearest the
 * middle of the anatomy it covers; its pHash differs from the original's by the small change between
 * neighbouring slices. Because pHash ignores positive linear intensity changes, a re-windowed series keeps its
 * hashes; in-plane resizing (512 vs 256 px) changes nothing the 32 x 32 grid sees.
 *
 * <p><b>Sampling:</b> slice {@code z} covers relative depths {@code [z / D, (z + 1) / D)}, so depth {@code f}
 * sits at the continuous slice position {@code p = f D - 1/2} (clamped to {@code 0..D-1}). The hashed picture
 * is the linear interpolation of slices {@code floor(p)} and {@code ceil(p)} (their 32 x 32 luma grids
 * blended by the fractional part of {@code p}), so a series sampled twice as densely is hashed at the same
 * anatomical positions, not one slice off.
 *
 * <p><b>Rule</b> ({@link #distance}): the mean of the 9 slice-wise Hamming distances; a pair is a duplicate
 * when it is at most {@link #DEFAULT_MAX_MEAN_HAMMING} bits. Measured by {@link VolumeEvaluation} on the 8
 * Radiopaedia series of the corpus: every second slice kept (of 5 mm MR slices) is at most 11.3 bits from its
 * series, re-windowed at most 4.9, resized in-plane 1.1, written to and read from NIfTI 0; the nearest volume
 * of another patient (nibabel's test volumes) is 27.6 bits away. Other series of the same study (T2 vs FLAIR,
 * co-registered) come as close as 11.6 bits: they are never compared, being one source and case.
 * The middle slice's hash ({@link #keySlice()}) is the one banded for candidate generation.
 *
 * @param slices the 9 slice hashes, in {@link #FRACTIONS} order
 */
public record VolumeHash(long[] slices) implements Serializable {
  /** Relative depths of the hashed slices. */
  public static final double[] FRACTIONS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
  /** Default duplicate threshold on the mean slice-wise Hamming distance, in bits. */
  public static final double DEFAULT_MAX_MEAN_HAMMING = 12;

  public VolumeHash {
    Objects.requireNonNull(slices, "slices");
    if (slices.length != FRACTIONS.length) {
      throw new IllegalArgumentException("a volume hash has " + FRACTIONS.length + " slices: " + slices.length);
    }
    slices = slices.clone();
  }

  /** The hash of a volume as {@link Volume} holds it (slice z = axial image z). */
  public static VolumeHash of(Volume v) {
    return of(v.depth(), z -> LumaGrid.of(v.slice(z), PerceptualHash.GRID));
  }

  /**
   * The hash of a NIfTI image as stored (x fastest, then y, then z; a 4D image's first volume). Values are
   * hashed as stored: scaling and windowing do not change a pHash.
   *
   * @throws IllegalArgumentException if the image has fewer than 2 dimensions
   */
  public static VolumeHash of(NiftiImage img) {
    int[] dim = img.dim();
    if (dim.length < 2) {
      throw new IllegalArgumentException("not an image: dims " + Arrays.toString(dim));
    }
    int w = dim[0];
    int h = dim[1];
    int d = dim.length > 2 ? dim[2] : 1;
    return of(d, z -> {
      float[] plane = new float[w * h];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          plane[y * w + x] = (float) img.voxel(x, y, z);
        }
      }
      return LumaGrid.of(plane, w, h, PerceptualHash.GRID);
    });
  }

  private static VolumeHash of(int depth, java.util.function.IntFunction<float[]> gridOfSlice) {
    long[] out = new long[FRACTIONS.length];
    java.util.Map<Integer, float[]> grids = new java.util.HashMap<>();
    for (int i = 0; i < out.length; i++) {
      double p = position(FRACTIONS[i], depth);
      int z0 = (int) Math.floor(p);
      int z1 = Math.min(depth - 1, z0 + 1);
      float t = (float) (p - z0);
      float[] a = grids.computeIfAbsent(z0, gridOfSlice::apply);
      float[] b = grids.computeIfAbsent(z1, gridOfSlice::apply);
      float[] g = new float[a.length];
      for (int k = 0; k < g.length; k++) {
        g[k] = (1 - t) * a[k] + t * b[k];
      }
      out[i] = PerceptualHash.ofGrid(g);
    }
    return new VolumeHash(out);
  }

  /** The continuous slice position of relative depth {@code f}: {@code f * depth - 0.5}, clamped to 0..depth-1. */
  public static double position(double f, int depth) {
    return Math.max(0, Math.min(depth - 1, f * depth - 0.5));
  }

  /** The 50 % slice's hash, used as the LSH key of the volume. */
  public long keySlice() {
    return slices[FRACTIONS.length / 2];
  }

  @Override
  public long[] slices() {
    return slices.clone();
  }

  /** Mean slice-wise Hamming distance, 0..64 bits. */
  public static double distance(VolumeHash a, VolumeHash b) {
    int sum = 0;
    for (int i = 0; i < a.slices.length; i++) {
      sum += Long.bitCount(a.slices[i] ^ b.slices[i]);
    }
    return (double) sum / a.slices.length;
  }

  /** Largest slice-wise Hamming distance, 0..64 bits. */
  public static int maxDistance(VolumeHash a, VolumeHash b) {
    int max = 0;
    for (int i = 0; i < a.slices.length; i++) {
      max = Math.max(max, Long.bitCount(a.slices[i] ^ b.slices[i]));
    }
    return max;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VolumeHash v && Arrays.equals(v.slices, slices);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(slices);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("VolumeHash[");
    for (int i = 0; i < slices.length; i++) {
      sb.append(i == 0 ? "" : ",").append(PerceptualHash.toHex(slices[i]));
    }
    return sb.append(']').toString();
  }
}
