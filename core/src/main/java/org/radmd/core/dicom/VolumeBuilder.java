package org.radmd.core.dicom;

import java.util.List;

/** Builds {@link DicomVolume}s: voxel values and the affine. Stateless and thread-safe. */
final class VolumeBuilder {
  private VolumeBuilder() {}

  static DicomVolume build(DicomSeries series) {
    for (SeriesIssue i : series.issues()) {
      if (i.kind().blocksVolume()) {
        throw new IllegalArgumentException("no volume for this series: " + i.detail());
      }
    }
    List<DicomSeries.Slice> slices = series.slices();
    int nx = series.columns();
    int ny = series.rows();
    int nz = slices.size();
    int plane = nx * ny;
    PixelFrames first = slices.get(0).file().expectPixels();
    boolean integral = true;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (DicomSeries.Slice s : slices) {
      FrameGeometry g = s.geometry();
      PixelFrames p = s.file().expectPixels();
      if (p.rows() != ny || p.columns() != nx) {
        throw new IllegalArgumentException("slice " + s.file().source() + " is not " + nx + "x" + ny);
      }
      if (g.rescaleSlope() != 1 || g.rescaleIntercept() != Math.rint(g.rescaleIntercept())) {
        integral = false;
        break;
      }
      int[] r = rangeOfFrame(p, s.frame());
      min = Math.min(min, r[0] + (long) g.rescaleIntercept());
      max = Math.max(max, r[1] + (long) g.rescaleIntercept());
    }
    DicomVolume.Storage storage = !integral ? DicomVolume.Storage.FLOAT32
        : min >= Short.MIN_VALUE && max <= Short.MAX_VALUE ? DicomVolume.Storage.INT16
        : min >= 0 && max <= 0xffff ? DicomVolume.Storage.UINT16 : DicomVolume.Storage.FLOAT32;
    short[] shorts = storage == DicomVolume.Storage.FLOAT32 ? null : new short[plane * nz];
    float[] floats = storage == DicomVolume.Storage.FLOAT32 ? new float[plane * nz] : null;
    for (int z = 0; z < nz; z++) {
      DicomSeries.Slice s = slices.get(z);
      PixelFrames p = s.file().expectPixels();
      short[] raw = p.raw();
      int off = s.frame() * plane;
      FrameGeometry g = s.geometry();
      boolean signed = p.signed();
      int intercept = (int) g.rescaleIntercept();
      for (int row = 0; row < ny; row++) {
        int src = off + row * nx;
        int dst = z * plane + (ny - 1 - row) * nx;
        for (int x = 0; x < nx; x++) {
          int v = signed ? raw[src + x] : raw[src + x] & 0xffff;
          if (shorts != null) {
            shorts[dst + x] = (short) (v + intercept);
          } else {
            floats[dst + x] = (float) g.rescale(v);
          }
        }
      }
    }
    boolean spatial = series.isSpatial();
    double[][] affine = spatial ? Affines.of(series) : Affines.diagonal(series);
    return new DicomVolume(nx, ny, nz, storage, shorts, floats, affine, spatial, first.inverted());
  }

  private static int[] rangeOfFrame(PixelFrames p, int frame) {
    short[] raw = p.raw();
    int n = p.rows() * p.columns();
    int off = frame * n;
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    boolean signed = p.signed();
    for (int i = off; i < off + n; i++) {
      int v = signed ? raw[i] : raw[i] & 0xffff;
      if (v < min) {
        min = v;
      }
      if (v > max) {
        max = v;
      }
    }
    return new int[] {min, max};
  }
}
