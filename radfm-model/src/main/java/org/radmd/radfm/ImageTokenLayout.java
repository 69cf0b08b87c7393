package org.radmd.radfm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * RadFM's special-token layout and image-block insertion (radfm-spec §1.7, from RadFM's
 * {@code multi_dataset.py}).
 *
 * <p>The LLaMA vocabulary (32,000 ids) is extended with {@code <image>} = 32000, {@code </image>} = 32001 and
 * {@code <imageK>} = 32002 + K for K in [0, 32 * maxImages). Image i (0-based, in sample order) is written as
 * {@code "<image>" + "<image{32i}>" ... "<image{32i+31}>" + "</image>"}: one token per Perceiver latent.
 *
 * <p>Insertion quirk: RadFM inserts the block for character position p <em>before character index
 * max(p - 1, 0)</em>, so p = text length lands before the last character; RadFM's Quick_demo inserts before
 * index p. {@link Placement#RADFM_TRAINING} reproduces the training code, {@link Placement#AT_POSITION} the
 * demo (and what one would expect). Immutable and thread-safe.
 */
public final class ImageTokenLayout {
  /** Latent tokens per image: the Perceiver resampler's 32 latents. */
  public static final int TOKENS_PER_IMAGE = 32;
  /** Id of {@code <image>}. */
  public static final int IMAGE_START_ID = 32000;
  /** Id of {@code </image>}. */
  public static final int IMAGE_END_ID = 32001;
  /** Id of {@code <image0>}. */
  public static final int FIRST_LATENT_ID = 32002;
  /** RadFM's training value of M, the maximum number of images per sample. */
  public static final int TRAIN_MAX_IMAGES = 100;

  /** Where a block goes relative to its character position. */
  public enum Placement {
    /** Before character index max(p - 1, 0): RadFM's training code. */
    RADFM_TRAINING,
    /** Before character index p: RadFM's Quick_demo. */
    AT_POSITION
  }

  private final int maxImages;
  private final Placement placement;

  /**
   * @param maxImages M: images beyond index M - 1 are skipped, as RadFM does (it prints an error)
   * @throws IllegalArgumentException if {@code maxImages < 1}
   */
  public ImageTokenLayout(int maxImages, Placement placement) {
    if (maxImages < 1) {
      throw new IllegalArgumentException("maxImages must be >= 1: " + maxImages);
    }
    this.maxImages = maxImages;
    this.placement = placement;
  }

  /** RadFM's training layout: M = 100, {@link Placement#RADFM_TRAINING}. */
  public static ImageTokenLayout radfmTraining() {
    return new ImageTokenLayout(TRAIN_MAX_IMAGES, Placement.RADFM_TRAINING);
  }

  /** M, the most images per sample; images with a higher index are left out. */
  public int maxImages() {
    return maxImages;
  }

  /** Where blocks go relative to their character positions. */
  public Placement placement() {
    return placement;
  }

  /**
   * The character index before which the block for position {@code p} goes: max(p - 1, 0) for
   * {@link Placement#RADFM_TRAINING}, p for {@link Placement#AT_POSITION}.
   */
  public int insertionIndex(int p) {
    return placement == Placement.RADFM_TRAINING ? Math.max(p - 1, 0) : p;
  }

  /** The ids of image {@code image}'s block: 32000, then 32002 + 32 image + k for k in [0, 32), then 32001. */
  public static int[] blockIds(int image) {
    int[] ids = new int[TOKENS_PER_IMAGE + 2];
    ids[0] = IMAGE_START_ID;
    for (int k = 0; k < TOKENS_PER_IMAGE; k++) {
      ids[k + 1] = latentId(image, k);
    }
    ids[TOKENS_PER_IMAGE + 1] = IMAGE_END_ID;
    return ids;
  }

  /** Number of tokens added to the LLaMA vocabulary: 2 + 32 * M (3,202 for M = 100). */
  public int addedTokens() {
    return 2 + TOKENS_PER_IMAGE * maxImages;
  }

  /** Token id of latent {@code latent} of image {@code image}: 32002 + 32 * image + latent. */
  public static int latentId(int image, int latent) {
    if (latent < 0 || latent >= TOKENS_PER_IMAGE || image < 0) {
      throw new IllegalArgumentException("image " + image + ", latent " + latent);
    }
    return FIRST_LATENT_ID + TOKENS_PER_IMAGE * image + latent;
  }

  /** The text block of image {@code image}: {@code <image><image32i>...<image32i+31></image>}. */
  public static String block(int image) {
    StringBuilder sb = new StringBuilder("<image>");
    for (int k = 0; k < TOKENS_PER_IMAGE; k++) {
      sb.append("<image").append(TOKENS_PER_IMAGE * image + k).append('>');
    }
    return sb.append("</image>").toString();
  }

  /**
   * {@code text} with the block of image i inserted for position {@code positions.get(i)}.
   *
   * @param positions character positions into {@code text} (RadFM's "position"), one per image in order
   * @return the text with blocks; images with index >= M are left out
   * @throws IllegalArgumentException if a position is negative or beyond {@code text.length()}
   */
  public String insert(String text, List<Integer> positions) {
    record At(int image, int index) {}
    List<At> at = new ArrayList<>();
    for (int i = 0; i < positions.size() && i < maxImages; i++) {
      int p = positions.get(i);
      if (p < 0 || p > text.length()) {
        throw new IllegalArgumentException("position " + p + " outside text of length " + text.length());
      }
      int index = insertionIndex(p);
      at.add(new At(i, index));
    }
    // Insert from the back so earlier indexes stay valid; equal indexes keep image order.
    at.sort(Comparator.comparingInt(At::index).thenComparingInt(At::image).reversed());
    StringBuilder sb = new StringBuilder(text);
    for (At a : at) {
      sb.insert(a.index(), block(a.image()));
    }
    return sb.toString();
  }
}
