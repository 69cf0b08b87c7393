package org.radmd.core.image;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Parses NIfTI-1 (348-byte header) and NIfTI-2 (540-byte header) single files ({@code n+1} / {@code n+2}),
 * plain or gzipped, in either byte order. Stateless and thread-safe. Field offsets follow nifti1.h and
 * nifti2.h.
 */
final class NiftiReader {
  /** Largest voxel count read into memory (2<sup>28</sup>; 2 GiB as doubles). */
  static final long MAX_VOXELS = 1L << 28;

  private NiftiReader() {}

  /** Header facts needed to read the data, independent of the NIfTI version. */
  private record Header(int version, ByteOrder order, int[] dim, int datatype, int bitpix, double[] pixdim,
      long voxOffset, double sclSlope, double sclInter, double[][] affine) {}

  static NiftiImage read(Path file) throws IOException {
    try (InputStream in = open(file)) {
      Header h = header(file, in);
      skip(in, h.voxOffset - (h.version == 1 ? 348 : 540), file);
      double[] data = data(file, in, h);
      return new NiftiImage(h.dim, h.datatype, h.pixdim, h.affine, h.sclSlope, h.sclInter, data);
    } catch (IOException e) {
      String msg = String.valueOf(e.getMessage());
      if (msg.contains(file.toString())) {
        throw e;
      }
      throw new IOException(file + ": " + msg, e); // e.g. a corrupt gzip stream
    }
  }

  private static InputStream open(Path file) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    raw.mark(2);
    int b0 = raw.read();
    int b1 = raw.read();
    raw.reset();
    return b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
  }

  private static Header header(Path file, InputStream in) throws IOException {
    byte[] first = readFully(in, 4, file, "header");
    int le = ByteBuffer.wrap(first).order(ByteOrder.LITTLE_ENDIAN).getInt();
    int be = ByteBuffer.wrap(first).order(ByteOrder.BIG_ENDIAN).getInt();
    ByteOrder order;
    int size;
    if (le == 348 || le == 540) {
      order = ByteOrder.LITTLE_ENDIAN;
      size = le;
    } else if (be == 348 || be == 540) {
      order = ByteOrder.BIG_ENDIAN;
      size = be;
    } else {
      throw new IOException(file + ": not a NIfTI file (sizeof_hdr is neither 348 nor 540 in either byte order)");
    }
    byte[] all = new byte[size];
    System.arraycopy(first, 0, all, 0, 4);
    System.arraycopy(readFully(in, size - 4, file, "header"), 0, all, 4, size - 4);
    ByteBuffer b = ByteBuffer.wrap(all).order(order);
    return size == 348 ? nifti1(file, b) : nifti2(file, b);
  }

  private static Header nifti1(Path file, ByteBuffer b) throws IOException {
    String magic = ascii(b, 344, 4);
    if (!magic.equals("n+1")) {
      throw new IOException(file + ": unsupported NIfTI-1 magic \"" + magic
          + "\" (only single files \"n+1\" are read; .hdr/.img pairs are not)");
    }
    int ndim = b.getShort(40);
    checkNdim(file, ndim);
    int[] dim = new int[ndim];
    double[] pixdim = new double[ndim];
    for (int i = 0; i < ndim; i++) {
      dim[i] = b.getShort(42 + 2 * i);
      pixdim[i] = b.getFloat(80 + 4 * i);
    }
    double qfac = b.getFloat(76) < 0 ? -1 : 1;
    double[] spacing = spatial(b.getFloat(80), b.getFloat(84), b.getFloat(88));
    double[][] affine = affine(b.getShort(254), b.getShort(252),
        i -> b.getFloat(280 + 4 * i), i -> b.getFloat(256 + 4 * i), spacing, qfac);
    long voxOffset = (long) b.getFloat(108);
    return new Header(1, b.order(), dim, b.getShort(70), b.getShort(72), pixdim, Math.max(352, voxOffset),
        b.getFloat(112), b.getFloat(116), affine);
  }

  private static Header nifti2(Path file, ByteBuffer b) throws IOException {
    String magic = ascii(b, 4, 3);
    if (!magic.equals("n+2")) {
      throw new IOException(file + ": unsupported NIfTI-2 magic \"" + magic
          + "\" (only single files \"n+2\" are read; .hdr/.img pairs are not)");
    }
    long ndim = b.getLong(16);
    checkNdim(file, ndim);
    int[] dim = new int[(int) ndim];
    double[] pixdim = new double[(int) ndim];
    for (int i = 0; i < ndim; i++) {
      long d = b.getLong(24 + 8 * i);
      if (d > Integer.MAX_VALUE) {
        throw new IOException(file + ": dimension " + (i + 1) + " too large: " + d);
      }
      dim[i] = (int) d;
      pixdim[i] = b.getDouble(112 + 8 * i);
    }
    double qfac = b.getDouble(104) < 0 ? -1 : 1;
    double[] spacing = spatial(b.getDouble(112), b.getDouble(120), b.getDouble(128));
    double[][] affine = affine(b.getInt(348), b.getInt(344),
        i -> b.getDouble(400 + 8 * i), i -> b.getDouble(352 + 8 * i), spacing, qfac);
    return new Header(2, b.order(), dim, b.getShort(12), b.getShort(14), pixdim, Math.max(544, b.getLong(168)),
        b.getDouble(176), b.getDouble(184), affine);
  }

  private static void checkNdim(Path file, long ndim) throws IOException {
    if (ndim < 1 || ndim > 7) {
      throw new IOException(file + ": dim[0] must be 1..7, is " + ndim);
    }
  }

  private static double[] spatial(double dx, double dy, double dz) {
    return new double[] {dx, dy, dz};
  }

  /** Reads index i of a header array as a double. */
  @FunctionalInterface
  private interface Field {
    double at(int i);
  }

  /**
   * The voxel-to-world matrix by NIfTI's rules: method 3 (sform rows) when sform_code > 0, else method 2
   * (quaternion, nifti1_io's quatern_to_mat44) when qform_code > 0, else method 1 (diagonal spacing).
   */
  private static double[][] affine(int sformCode, int qformCode, Field srow, Field quatern, double[] spacing,
      double qfac) {
    double[][] m = new double[4][4];
    m[3][3] = 1;
    if (sformCode > 0) {
      for (int r = 0; r < 3; r++) {
        for (int c = 0; c < 4; c++) {
          m[r][c] = srow.at(4 * r + c);
        }
      }
      return m;
    }
    if (qformCode > 0) {
      double b = quatern.at(0);
      double c = quatern.at(1);
      double d = quatern.at(2);
      double a = 1 - (b * b + c * c + d * d);
      if (a < 1e-7) {
        a = 1 / Math.sqrt(b * b + c * c + d * d);
        b *= a;
        c *= a;
        d *= a;
        a = 0;
      } else {
        a = Math.sqrt(a);
      }
      double xd = spacing[0] > 0 ? spacing[0] : 1;
      double yd = spacing[1] > 0 ? spacing[1] : 1;
      double zd = (spacing[2] > 0 ? spacing[2] : 1) * qfac;
      double[][] r = {
          {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)},
          {2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b)},
          {2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b}};
      double[] s = {xd, yd, zd};
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          m[i][j] = r[i][j] * s[j];
        }
        m[i][3] = quatern.at(3 + i);
      }
      return m;
    }
    for (int i = 0; i < 3; i++) {
      m[i][i] = spacing[i] > 0 ? spacing[i] : 1;
    }
    return m;
  }

  private static double[] data(Path file, InputStream in, Header h) throws IOException {
    long n = 1;
    for (int d : h.dim) {
      if (d < 1) {
        throw new IOException(file + ": non-positive dimension in " + Arrays.toString(h.dim));
      }
      n *= d;
      if (n > MAX_VOXELS) {
        throw new IOException(file + ": too many voxels (" + Arrays.toString(h.dim) + " > " + MAX_VOXELS + ")");
      }
    }
    int bytes = bytesPerVoxel(file, h.datatype);
    if (h.bitpix != 8 * bytes) {
      throw new IOException(file + ": bitpix " + h.bitpix + " does not match datatype " + h.datatype);
    }
    double[] out = new double[(int) n];
    byte[] chunk = new byte[bytes * 8192];
    int done = 0;
    while (done < n) {
      int count = (int) Math.min(8192, n - done);
      int len = count * bytes;
      int got = in.readNBytes(chunk, 0, len);
      if (got < len) {
        throw new EOFException(file + ": truncated voxel data: expected " + n + " voxels, got "
            + (done + got / bytes));
      }
      ByteBuffer b = ByteBuffer.wrap(chunk, 0, len).order(h.order);
      for (int i = 0; i < count; i++) {
        out[done + i] = value(b, h.datatype);
      }
      done += count;
    }
    return out;
  }

  private static int bytesPerVoxel(Path file, int datatype) throws IOException {
    return switch (datatype) {
      case 2, 256 -> 1;
      case 4, 512 -> 2;
      case 8, 16, 768 -> 4;
      case 64, 1024 -> 8;
      default -> throw new IOException(file + ": unsupported NIfTI datatype " + datatype
          + " (supported: uint8 2, int8 256, int16 4, uint16 512, int32 8, uint32 768, int64 1024,"
          + " float32 16, float64 64)");
    };
  }

  private static double value(ByteBuffer b, int datatype) {
    return switch (datatype) {
      case 2 -> b.get() & 0xff;
      case 256 -> b.get();
      case 4 -> b.getShort();
      case 512 -> b.getShort() & 0xffff;
      case 8 -> b.getInt();
      case 768 -> b.getInt() & 0xffffffffL;
      case 1024 -> b.getLong();
      case 16 -> b.getFloat();
      case 64 -> b.getDouble();
      default -> throw new IllegalStateException("datatype checked before: " + datatype);
    };
  }

  private static void skip(InputStream in, long n, Path file) throws IOException {
    if (n <= 0) {
      return;
    }
    try {
      in.skipNBytes(n);
    } catch (EOFException e) {
      throw new EOFException(file + ": truncated before the voxel data (vox_offset past end of file)");
    }
  }

  private static byte[] readFully(InputStream in, int n, Path file, String what) throws IOException {
    byte[] b = in.readNBytes(n);
    if (b.length < n) {
      throw new EOFException(file + ": truncated " + what + " (" + b.length + " of " + n + " bytes)");
    }
    return b;
  }

  private static String ascii(ByteBuffer b, int offset, int len) {
    byte[] s = new byte[len];
    for (int i = 0; i < len; i++) {
      s[i] = b.get(offset + i);
    }
    int end = 0;
    while (end < len && s[end] != 0) {
      end++;
    }
    return new String(s, 0, end, StandardCharsets.US_ASCII);
  }
}
