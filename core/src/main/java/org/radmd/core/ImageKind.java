package org.radmd.core;

/** Whether an image is a single 2D picture or a 3D volume (a series of slices). */
public enum ImageKind {
  /** A single picture; in RadFM's layout {@code [3, H, W, 1]}. */
  IMAGE_2D,
  /** A stack of slices; in RadFM's layout {@code [3, H, W, D]}, D = number of slices. */
  VOLUME_3D
}
