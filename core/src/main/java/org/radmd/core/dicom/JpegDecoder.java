package org.radmd.core.dicom;

/**
 * A decoder for the grey-scale JPEG processes DICOM uses whose decoding the JDK lacks (ITU-T T.81, Huffman
 * coding, one component):
 * <ul>
 *   <li>sequential DCT (Annex F; SOF0, SOF1) with 8 or 12 bits: JPEG Baseline and JPEG Extended (Process 2 &amp;
 *       4), PS3.5 A.4.1; the JDK's JPEG reader, which PixelMed uses, rejects 12-bit data;
 *   <li>lossless (Annex H; SOF3) with 2 to 16 bits, predictors 1 to 7 and a point transform: JPEG Lossless
 *       (Process 14) and its Selection Value 1 form, PS3.5 A.4.1 (1.2.840.10008.1.2.4.57 and .70).
 * </ul>
 * Restart intervals are honoured; in sequential mode the spectral-selection and approximation fields of the
 * scan header are ignored as T.81 requires (some encoders write wrong ones). Progressive, hierarchical and
 * arithmetic-coded streams, and more than one component, are refused. Lossless output is exact.
 *
 * <p>The inverse DCT is the separable floating-point form of T.81 A.3.3; results can differ from libjpeg's
 * integer IDCT by one unit in rare pixels (the data is lossy anyway). Not thread-safe: use one instance per
 * stream (it is cheap).
 */
final class JpegDecoder {
  /** Thrown for a stream this decoder cannot handle or that is corrupt. */
  static final class JpegException extends Exception {
    private static final long serialVersionUID = 1L;

    JpegException(String message) {
      super(message);
    }
  }

  private static final int[] ZIGZAG = {
      0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14,
      21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53,
      60, 61, 54, 47, 55, 62, 63};
  private static final double[][] COS = new double[8][8];

  static {
    for (int x = 0; x < 8; x++) {
      for (int u = 0; u < 8; u++) {
        COS[x][u] = (u == 0 ? Math.sqrt(0.5) : 1) * Math.cos((2 * x + 1) * u * Math.PI / 16) / 2;
      }
    }
  }

  private final byte[] b;
  private int pos;
  private final int[][] quant = new int[4][];
  private final JpegHuffman[] dcTables = new JpegHuffman[4];
  private final JpegHuffman[] acTables = new JpegHuffman[4];
  private int precision;
  private boolean lossless;
  private int width;
  private int height;
  private int quantId;
  private int restartInterval;
  private int bitBuffer;
  private int bitCount;

  private JpegDecoder(byte[] stream) {
    this.b = stream;
  }

  /**
   * The decoded image: row-major samples, {@code width * height} of them, each the unsigned value of
   * {@code precision} bits stored as its 16-bit pattern.
   */
  record Image(int width, int height, int precision, short[] samples) {}

  /**
   * Decodes one JPEG stream (SOI ... EOI).
   *
   * @throws JpegException when the stream is corrupt or uses a process this decoder does not implement
   */
  static Image decode(byte[] stream) throws JpegException {
    try {
      return new JpegDecoder(stream).run();
    } catch (ArrayIndexOutOfBoundsException e) {
      throw new JpegException("JPEG stream ends early or is corrupt");
    }
  }

  /** The sample precision P of the frame header (8, 12, 16...), or -1 when no SOF marker is found. */
  static int precisionOf(byte[] stream) {
    for (int i = 0; i + 4 < stream.length; i++) {
      if ((stream[i] & 0xff) == 0xff) {
        int m = stream[i + 1] & 0xff;
        if (m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc) {
          return stream[i + 4] & 0xff;
        }
      }
    }
    return -1;
  }

  private Image run() throws JpegException {
    if (u8() != 0xff || u8() != 0xd8) {
      throw new JpegException("no JPEG SOI marker");
    }
    short[] out = null;
    while (true) {
      int marker = nextMarker();
      switch (marker) {
        case 0xc0, 0xc1 -> frame(false);
        case 0xc3 -> frame(true);
        case 0xc2, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf ->
            throw new JpegException(String.format("JPEG process SOF%d is not a sequential Huffman DCT", marker - 0xc0));
        case 0xc4 -> huffmanTables();
        case 0xdb -> quantTables();
        case 0xdd -> {
          segmentLength();
          restartInterval = u16();
        }
        case 0xda -> out = lossless ? losslessScan() : scan();
        case 0xd9 -> {
          if (out == null) {
            throw new JpegException("JPEG stream has no scan");
          }
          return new Image(width, height, precision, out);
        }
        default -> pos += segmentLength() - 2;
      }
      if (out != null && pos >= b.length) {
        return new Image(width, height, precision, out);
      }
    }
  }

  private int nextMarker() throws JpegException {
    while (pos < b.length && (b[pos] & 0xff) != 0xff) {
      pos++;
    }
    while (pos < b.length && (b[pos] & 0xff) == 0xff) {
      pos++;
    }
    if (pos >= b.length) {
      throw new JpegException("JPEG stream ends before EOI");
    }
    return b[pos++] & 0xff;
  }

  private int segmentLength() throws JpegException {
    int len = u16();
    if (len < 2 || pos + len - 2 > b.length) {
      throw new JpegException("bad JPEG segment length " + len);
    }
    return len;
  }

  private void frame(boolean isLossless) throws JpegException {
    segmentLength();
    lossless = isLossless;
    precision = u8();
    height = u16();
    width = u16();
    int components = u8();
    if (lossless ? precision < 2 || precision > 16 : precision != 8 && precision != 12) {
      throw new JpegException("JPEG " + (lossless ? "lossless" : "DCT") + " sample precision " + precision);
    }
    if (components != 1) {
      throw new JpegException("JPEG with " + components + " components (only grey-scale)");
    }
    if (width < 1 || height < 1) {
      throw new JpegException("JPEG frame size " + width + "x" + height);
    }
    u8(); // component id
    u8(); // sampling factors: irrelevant for a single non-interleaved component
    quantId = u8() & 3;
  }

  private void quantTables() throws JpegException {
    int end = pos + segmentLength() - 2;
    while (pos < end) {
      int pq = u8();
      int id = pq & 3;
      boolean sixteen = (pq >> 4) != 0;
      int[] q = new int[64];
      for (int i = 0; i < 64; i++) {
        q[ZIGZAG[i]] = sixteen ? u16() : u8();
      }
      quant[id] = q;
    }
  }

  private void huffmanTables() throws JpegException {
    int end = pos + segmentLength() - 2;
    while (pos < end) {
      int tc = u8();
      int[] counts = new int[17];
      int total = 0;
      for (int i = 1; i <= 16; i++) {
        counts[i] = u8();
        total += counts[i];
      }
      int[] symbols = new int[total];
      for (int i = 0; i < total; i++) {
        symbols[i] = u8();
      }
      JpegHuffman h = new JpegHuffman(counts, symbols);
      if ((tc >> 4) == 0) {
        dcTables[tc & 3] = h;
      } else {
        acTables[tc & 3] = h;
      }
    }
  }

  private short[] scan() throws JpegException {
    int len = segmentLength();
    int n = u8();
    if (n != 1 || width == 0) {
      throw new JpegException("JPEG scan with " + n + " components or before the frame header");
    }
    u8();
    int tables = u8();
    pos += len - 2 - 3; // Ss, Se, Ah/Al: ignored in sequential mode (T.81 B.2.3)
    JpegHuffman dc = dcTables[tables >> 4 & 3];
    JpegHuffman ac = acTables[tables & 3];
    int[] q = quant[quantId];
    if (dc == null || ac == null || q == null) {
      throw new JpegException("JPEG scan refers to a missing Huffman or quantization table");
    }
    int bw = (width + 7) / 8;
    int bh = (height + 7) / 8;
    short[] out = new short[width * height];
    int[] coef = new int[64];
    double[] tmp = new double[64];
    int max = (1 << precision) - 1;
    int shift = 1 << (precision - 1);
    int pred = 0;
    int blocks = bw * bh;
    bitBuffer = 0;
    bitCount = 0;
    for (int k = 0; k < blocks; k++) {
      if (restartInterval > 0 && k > 0 && k % restartInterval == 0) {
        restart();
        pred = 0;
      }
      java.util.Arrays.fill(coef, 0);
      int t = dc.decode(this);
      int diff = t == 0 ? 0 : extend(bits(t), t);
      pred += diff;
      coef[0] = pred * q[0];
      for (int i = 1; i < 64; ) {
        int rs = ac.decode(this);
        int r = rs >> 4;
        int s = rs & 15;
        if (s == 0) {
          if (r != 15) {
            break;
          }
          i += 16;
          continue;
        }
        i += r;
        if (i > 63) {
          throw new JpegException("JPEG AC coefficient index past 63");
        }
        coef[ZIGZAG[i]] = extend(bits(s), s) * q[ZIGZAG[i]];
        i++;
      }
      idct(coef, tmp);
      int bx = (k % bw) * 8;
      int by = (k / bw) * 8;
      for (int y = 0; y < 8 && by + y < height; y++) {
        for (int x = 0; x < 8 && bx + x < width; x++) {
          long v = Math.round(tmp[y * 8 + x]) + shift;
          out[(by + y) * width + bx + x] = (short) (v < 0 ? 0 : Math.min(v, max));
        }
      }
    }
    return out;
  }

  /** A lossless scan (T.81 H.1): Huffman-coded differences from one of seven predictors. */
  private short[] losslessScan() throws JpegException {
    int len = segmentLength();
    int n = u8();
    if (n != 1 || width == 0) {
      throw new JpegException("JPEG scan with " + n + " components or before the frame header");
    }
    u8();
    int tables = u8();
    int predictor = u8();
    u8(); // Se: 0 in lossless mode
    int pointTransform = u8() & 15;
    pos += len - 2 - 6;
    JpegHuffman dc = dcTables[tables >> 4 & 3];
    if (dc == null) {
      throw new JpegException("JPEG lossless scan refers to a missing Huffman table");
    }
    if (predictor < 1 || predictor > 7 || pointTransform >= precision) {
      throw new JpegException("JPEG lossless predictor " + predictor + " / point transform " + pointTransform);
    }
    int[] cur = new int[width];
    int[] prev = new int[width];
    short[] out = new short[width * height];
    int mask = precision == 16 ? 0xffff : (1 << precision) - 1;
    int initial = 1 << (precision - pointTransform - 1);
    bitBuffer = 0;
    bitCount = 0;
    boolean firstLine = true;
    int count = 0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        boolean restartHere = restartInterval > 0 && count > 0 && count % restartInterval == 0;
        if (restartHere) {
          restart();
          firstLine = true;
        }
        int t = dc.decode(this);
        int diff = t == 0 ? 0 : t == 16 ? 32768 : extend(bits(t), t);
        int px;
        if (firstLine && (x == 0 || restartHere)) {
          px = initial;
        } else if (firstLine) {
          px = cur[x - 1];
        } else if (x == 0) {
          px = prev[0];
        } else {
          int ra = cur[x - 1];
          int rb = prev[x];
          int rc = prev[x - 1];
          px = switch (predictor) {
            case 1 -> ra;
            case 2 -> rb;
            case 3 -> rc;
            case 4 -> ra + rb - rc;
            case 5 -> ra + ((rb - rc) >> 1);
            case 6 -> rb + ((ra - rc) >> 1);
            default -> (ra + rb) >> 1;
          };
        }
        cur[x] = (px + diff) & 0xffff; // modulo 2^16 (T.81 H.2.1)
        out[y * width + x] = (short) ((cur[x] << pointTransform) & mask);
        count++;
      }
      firstLine = false;
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return out;
  }

  private static void idct(int[] in, double[] out) {
    double[] rows = new double[64];
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        double s = 0;
        for (int u = 0; u < 8; u++) {
          s += COS[x][u] * in[y * 8 + u];
        }
        rows[y * 8 + x] = s;
      }
    }
    for (int x = 0; x < 8; x++) {
      for (int y = 0; y < 8; y++) {
        double s = 0;
        for (int v = 0; v < 8; v++) {
          s += COS[y][v] * rows[v * 8 + x];
        }
        out[y * 8 + x] = s;
      }
    }
  }

  private void restart() throws JpegException {
    bitBuffer = 0;
    bitCount = 0;
    while (pos + 1 < b.length && !((b[pos] & 0xff) == 0xff && (b[pos + 1] & 0xff) >= 0xd0
        && (b[pos + 1] & 0xff) <= 0xd7)) {
      pos++;
    }
    if (pos + 1 >= b.length) {
      throw new JpegException("JPEG restart marker missing");
    }
    pos += 2;
  }

  /** The next bit of entropy-coded data (T.81 F.2.2.5), skipping stuffed zero bytes. */
  int bit() throws JpegException {
    if (bitCount == 0) {
      if (pos >= b.length) {
        throw new JpegException("JPEG entropy-coded data ends early");
      }
      int v = b[pos++] & 0xff;
      if (v == 0xff) {
        int next = pos < b.length ? b[pos] & 0xff : 0;
        if (next == 0) {
          pos++;
        } else {
          // A marker inside the data: feed zeros, as libjpeg does for corrupt data.
          pos--;
          v = 0;
        }
      }
      bitBuffer = v;
      bitCount = 8;
    }
    bitCount--;
    return (bitBuffer >> bitCount) & 1;
  }

  private int bits(int n) throws JpegException {
    int v = 0;
    for (int i = 0; i < n; i++) {
      v = (v << 1) | bit();
    }
    return v;
  }

  private static int extend(int v, int t) {
    return v < (1 << (t - 1)) ? v - (1 << t) + 1 : v;
  }

  private int u8() throws JpegException {
    if (pos >= b.length) {
      throw new JpegException("JPEG stream ends early");
    }
    return b[pos++] & 0xff;
  }

  private int u16() throws JpegException {
    return (u8() << 8) | u8();
  }
}
