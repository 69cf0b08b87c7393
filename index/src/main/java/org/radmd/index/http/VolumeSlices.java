package org.radmd.index.http;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.radmd.core.image.Nifti;
import org.radmd.core.image.NiftiImage;

/**
 * Slices of stored NIfTI volumes as PNG, with a least-recently-used cache of decoded volumes bounded by total
 * voxel bytes.
 *
 * <p>Volumes are read with {@link Nifti#read} and kept as 8-bit grey: uint8 volumes (what the pipeline stores) as
 * they are, other types scaled linearly from their minimum to maximum (after {@code scl_slope}/{@code scl_inter})
 * onto 0..255. Only the first volume of a 4D file is kept. A slice is {@code W x H} px, row y of the picture = y
 * of the volume, as {@link org.radmd.core.image.Volume#slice} shows it.
 *
 * <p>Thread-safe: the cache is guarded by this object's lock; decoding happens outside it, so two threads missing
 * the same volume at once may both decode it (the second result replaces the first). A volume larger than the
 * whole budget is decoded for each request and never cached.
 */
final class VolumeSlices {
  /** A decoded volume: {@code W*H*D} grey bytes, x fastest, then y, then z. */
  record Grey(int width, int height, int depth, byte[] voxels) {}

  private record Key(Path file, long modified, long size) {}

  private final long maxBytes;
  private final LinkedHashMap<Key, Grey> cache = new LinkedHashMap<>(16, 0.75f, true);
  private long cachedBytes;

  /**
   * @param maxBytes the most voxel bytes kept decoded across all cached volumes
   */
  VolumeSlices(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * The decoded volume of a file, from the cache when the file has not changed since it was decoded.
   *
   * @throws IOException if the file cannot be read or is not a NIfTI image
   */
  Grey volume(Path file) throws IOException {
    Key key = new Key(file, Files.getLastModifiedTime(file).toMillis(), Files.size(file));
    synchronized (this) {
      Grey hit = cache.get(key);
      if (hit != null) {
        return hit;
      }
    }
    Grey decoded = decode(Nifti.read(file));
    synchronized (this) {
      Grey old = cache.put(key, decoded);
      cachedBytes += decoded.voxels().length - (old == null ? 0 : old.voxels().length);
      evict();
    }
    return decoded;
  }

  /** Slice {@code z} of a decoded volume as PNG bytes; {@code z} must be in {@code [0, depth)}. */
  static byte[] slicePng(Grey v, int z) throws IOException {
    BufferedImage img = new BufferedImage(v.width(), v.height(), BufferedImage.TYPE_BYTE_GRAY);
    byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    int plane = v.width() * v.height();
    System.arraycopy(v.voxels(), z * plane, dst, 0, plane);
    ByteArrayOutputStream out = new ByteArrayOutputStream(plane / 2 + 1024);
    if (!ImageIO.write(img, "png", out)) {
      throw new IOException("no PNG writer installed");
    }
    return out.toByteArray();
  }

  /** Volumes currently cached. */
  synchronized int cachedVolumes() {
    return cache.size();
  }

  /** Drops every cached volume. */
  synchronized void clear() {
    cache.clear();
    cachedBytes = 0;
  }

  private void evict() {
    Iterator<Map.Entry<Key, Grey>> it = cache.entrySet().iterator();
    while (cachedBytes > maxBytes && it.hasNext()) {
      cachedBytes -= it.next().getValue().voxels().length;
      it.remove();
    }
  }

  static Grey decode(NiftiImage img) {
    int w = img.size(0);
    int h = img.size(1);
    int d = img.size(2);
    int n = Math.multiplyExact(Math.multiplyExact(w, h), d);
    byte[] out = new byte[n];
    boolean plainUint8 = img.datatype() == 2 && (img.sclSlope() == 0 || !Double.isFinite(img.sclSlope())
        || (img.sclSlope() == 1 && img.sclInter() == 0));
    if (plainUint8) {
      for (int z = 0, i = 0; z < d; z++) {
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            out[i++] = (byte) (int) img.voxel(x, y, z);
          }
        }
      }
      return new Grey(w, h, d, out);
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int z = 0; z < d; z++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double v = img.scale(img.voxel(x, y, z));
          if (Double.isFinite(v)) {
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
        }
      }
    }
    double range = max > min ? max - min : 1;
    for (int z = 0, i = 0; z < d; z++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double v = img.scale(img.voxel(x, y, z));
          out[i++] = Double.isFinite(v) ? (byte) Math.round((v - min) / range * 255) : 0;
        }
      }
    }
    return new Grey(w, h, d, out);
  }
}
