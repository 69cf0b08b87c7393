package org.radmd.radfm.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * RadFM's batch sampler ({@code datasampler.py}, radfm-spec §3): 2D and 3D samples never share a batch. The 2D
 * indices are shuffled and cut into batches of {@code batchSize2d} (RadFM: 4), the 3D ones into batches of
 * {@code batchSize3d} (RadFM: 1), and the batch order is shuffled. Unlike RadFM, whose shuffles use Python's
 * unseeded global {@code random} although it seeds a torch generator, the order here depends only on
 * {@code seed + epoch}. Immutable and thread-safe.
 */
public final class ModalityBatchSampler {
  private final int batchSize2d;
  private final int batchSize3d;
  private final boolean dropLast;

  /**
   * @param dropLast drop a last batch smaller than its batch size
   * @throws IllegalArgumentException if a batch size is below 1
   */
  public ModalityBatchSampler(int batchSize2d, int batchSize3d, boolean dropLast) {
    if (batchSize2d < 1 || batchSize3d < 1) {
      throw new IllegalArgumentException("batch sizes must be >= 1");
    }
    this.batchSize2d = batchSize2d;
    this.batchSize3d = batchSize3d;
    this.dropLast = dropLast;
  }

  /** RadFM's defaults: 2D batches of 4, 3D batches of 1, last batch kept. */
  public static ModalityBatchSampler radfm() {
    return new ModalityBatchSampler(4, 1, false);
  }

  /**
   * The batches of one epoch, as indices into {@code is3d}.
   *
   * @param is3d per sample, whether it holds a volume
   * @param shuffle false: indices in order, 2D batches first (RadFM without shuffle)
   */
  public List<List<Integer>> batches(List<Boolean> is3d, boolean shuffle, long seed, int epoch) {
    List<Integer> twoD = new ArrayList<>();
    List<Integer> threeD = new ArrayList<>();
    for (int i = 0; i < is3d.size(); i++) {
      (is3d.get(i) ? threeD : twoD).add(i);
    }
    Random random = new Random(seed + epoch);
    if (shuffle) {
      Collections.shuffle(twoD, random);
      Collections.shuffle(threeD, random);
    }
    List<List<Integer>> batches = new ArrayList<>(chunk(twoD, batchSize2d));
    batches.addAll(chunk(threeD, batchSize3d));
    if (shuffle) {
      Collections.shuffle(batches, random);
    }
    return batches;
  }

  private List<List<Integer>> chunk(List<Integer> idx, int size) {
    List<List<Integer>> out = new ArrayList<>();
    for (int i = 0; i < idx.size(); i += size) {
      int end = Math.min(idx.size(), i + size);
      if (dropLast && end - i < size) {
        break;
      }
      out.add(List.copyOf(idx.subList(i, end)));
    }
    return out;
  }
}
