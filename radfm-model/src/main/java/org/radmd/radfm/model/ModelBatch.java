package org.radmd.radfm.model;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Token ids (and optionally labels) of several samples with their images, before padding.
 *
 * @param ids per sample token ids (RadFM layout, radfm-spec §1.7), unpadded, at least one token each
 * @param labels per sample labels of the same length (-100 = ignored), or null when not training/scoring
 * @param images per sample images [S, 3, H, W, D], or null entries for text-only samples; the list may be null
 */
public record ModelBatch(List<long[]> ids, List<long[]> labels, List<NDArray> images) {
  /** Label value that the loss ignores (PyTorch CrossEntropyLoss ignore_index). */
  public static final long IGNORE = -100;

  /** @throws IllegalArgumentException if sizes or lengths disagree or a sample is empty */
  public ModelBatch {
    Objects.requireNonNull(ids, "ids");
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("empty batch");
    }
    for (long[] s : ids) {
      if (s.length == 0) {
        throw new IllegalArgumentException("empty token sequence");
      }
    }
    if (labels != null) {
      if (labels.size() != ids.size()) {
        throw new IllegalArgumentException(labels.size() + " label rows for " + ids.size() + " samples");
      }
      for (int i = 0; i < ids.size(); i++) {
        if (labels.get(i).length != ids.get(i).length) {
          throw new IllegalArgumentException("sample " + i + ": " + labels.get(i).length + " labels for "
              + ids.get(i).length + " ids");
        }
      }
    }
    if (images == null) {
      images = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        images.add(null);
      }
    } else if (images.size() != ids.size()) {
      throw new IllegalArgumentException(images.size() + " image stacks for " + ids.size() + " samples");
    }
  }

  public int size() {
    return ids.size();
  }

  /** Longest sequence. */
  public int maxLength() {
    int m = 0;
    for (long[] s : ids) {
      m = Math.max(m, s.length);
    }
    return m;
  }

  /** Total number of real tokens. */
  public long tokens() {
    long n = 0;
    for (long[] s : ids) {
      n += s.length;
    }
    return n;
  }

  /** Ids right-padded with 0 to {@link #maxLength()}: [B][T]. */
  public long[][] rightPaddedIds() {
    return pad(ids, 0, false);
  }

  /** Labels right-padded with -100: [B][T]. */
  public long[][] rightPaddedLabels() {
    return pad(labels, IGNORE, false);
  }

  /** Ids left-padded with 0: [B][T]. */
  public long[][] leftPaddedIds() {
    return pad(ids, 0, true);
  }

  /** 1 for real tokens, 0 for left padding: [B][T]. */
  public int[][] leftPaddingMask() {
    int t = maxLength();
    int[][] m = new int[ids.size()][t];
    for (int b = 0; b < ids.size(); b++) {
      for (int j = t - ids.get(b).length; j < t; j++) {
        m[b][j] = 1;
      }
    }
    return m;
  }

  private long[][] pad(List<long[]> rows, long value, boolean left) {
    int t = maxLength();
    long[][] out = new long[rows.size()][t];
    for (int b = 0; b < rows.size(); b++) {
      long[] r = rows.get(b);
      java.util.Arrays.fill(out[b], value);
      System.arraycopy(r, 0, out[b], left ? t - r.length : 0, r.length);
    }
    return out;
  }
}
