package org.radmd.core.dicom;

/**
 * A JPEG Huffman table (ITU-T T.81 C and F.2.2.3): for each code length the largest code and the index of its
 * first symbol, decoded bit by bit. Immutable once built; decoding reads bits from the given decoder.
 */
final class JpegHuffman {
  private final int[] maxCode = new int[18];
  private final int[] valPtr = new int[17];
  private final int[] minCode = new int[17];
  private final int[] symbols;

  JpegHuffman(int[] counts, int[] symbols) {
    this.symbols = symbols;
    int code = 0;
    int k = 0;
    for (int l = 1; l <= 16; l++) {
      valPtr[l] = k;
      minCode[l] = code;
      code += counts[l];
      k += counts[l];
      maxCode[l] = counts[l] == 0 ? -1 : code - 1;
      code <<= 1;
    }
    maxCode[17] = Integer.MAX_VALUE;
  }

  int decode(JpegDecoder d) throws JpegDecoder.JpegException {
    int code = d.bit();
    for (int l = 1; l <= 16; l++) {
      if (maxCode[l] >= 0 && code <= maxCode[l]) {
        int idx = valPtr[l] + code - minCode[l];
        if (idx >= symbols.length) {
          throw new JpegDecoder.JpegException("bad Huffman code");
        }
        return symbols[idx];
      }
      code = (code << 1) | d.bit();
    }
    throw new JpegDecoder.JpegException("bad Huffman code");
  }
}
