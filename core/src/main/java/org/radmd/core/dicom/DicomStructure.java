package org.radmd.core.dicom;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.radmd.core.dicom.DicomDecodeException.Failure;

/**
 * A bounds check of the whole encoding before any decoder sees it: walks every data element, sequence item and
 * Pixel Data fragment (PS3.5 §7.1 element encoding, §7.5 nesting, A.4 encapsulation) and verifies that each
 * Value Length fits in the bytes that are left and each explicit VR is a PS3.5 §6.2 VR. So a truncated file or
 * a corrupt length becomes a {@link DicomDecodeException} with the offset and tag, instead of a huge allocation
 * or an arbitrary exception inside the decoder. Stateless and thread-safe.
 */
final class DicomStructure {
  /** Deepest sequence nesting accepted. */
  static final int MAX_DEPTH = 32;
  private static final int ITEM = 0xFFFEE000;
  private static final int ITEM_END = 0xFFFEE00D;
  private static final int SEQUENCE_END = 0xFFFEE0DD;
  static final int PIXEL_DATA = 0x7FE00010;
  /** Data Set Trailing Padding (FFFC,FFFC), written after Pixel Data by some encoders. */
  private static final int TRAILING_PADDING = 0xFFFCFFFC;
  private static final long UNDEFINED = 0xFFFFFFFFL;
  private static final Set<String> VRS = Set.of("AE", "AS", "AT", "CS", "DA", "DS", "DT", "FL", "FD", "IS", "LO",
      "LT", "OB", "OD", "OF", "OL", "OV", "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL",
      "UN", "UR", "US", "UT", "UV");
  private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "UC", "UN", "UR",
      "UT", "SV", "UV");

  /**
   * What the check learned.
   *
   * @param transferSyntaxUid from the File Meta Information, or guessed for a bare data set
   * @param hasPixelData a top-level Pixel Data (7FE0,0010) element with a non-zero length is present
   */
  record Layout(String transferSyntaxUid, boolean hasPixelData) {}

  private final Path file;
  private final byte[] b;
  private boolean explicit;
  private boolean bigEndian;
  private boolean pixelData;

  private DicomStructure(Path file, byte[] bytes) {
    this.file = file;
    this.b = bytes;
  }

  /**
   * Checks {@code bytes}, the whole content of {@code file}.
   *
   * @throws DicomDecodeException NOT_DICOM, TRUNCATED or MALFORMED, with the offset in the message
   */
  static Layout check(Path file, byte[] bytes) throws DicomDecodeException {
    return new DicomStructure(file, bytes).run();
  }

  private Layout run() throws DicomDecodeException {
    int pos;
    String ts;
    if (b.length >= 132 && b[128] == 'D' && b[129] == 'I' && b[130] == 'C' && b[131] == 'M') {
      explicit = true;
      bigEndian = false;
      int[] end = new int[1];
      ts = meta(132, end);
      pos = end[0];
      if (ts == null) {
        throw fail(Failure.MALFORMED, "no Transfer Syntax UID (0002,0010) in the File Meta Information");
      }
    } else {
      pos = 0;
      ts = guessBare();
    }
    TransferSyntax known = TransferSyntax.of(ts).orElse(null);
    if (known == TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN) {
      // The data set is a deflate stream: its structure is checked by the decoder while inflating.
      return new Layout(ts, true);
    }
    explicit = known != TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
    bigEndian = known == TransferSyntax.EXPLICIT_VR_BIG_ENDIAN;
    elements(pos, b.length, 0, false);
    return new Layout(ts, pixelData);
  }

  /** Parses group 0002 (always explicit VR little endian); returns the Transfer Syntax UID. */
  private String meta(int pos, int[] end) throws DicomDecodeException {
    String ts = null;
    while (pos + 8 <= b.length && u16(pos, false) == 0x0002) {
      int tag = tag(pos, false);
      String vr = vr(pos + 4);
      long len;
      int header;
      if (LONG_VRS.contains(vr)) {
        need(pos, 12, tag);
        len = u32(pos + 8, false);
        header = 12;
      } else {
        len = u16(pos + 6, false);
        header = 8;
      }
      if (len == UNDEFINED || len > b.length - pos - header) {
        throw fail(Failure.TRUNCATED, "File Meta element " + DicomElement.tagString(tag) + " at offset " + pos
            + " has Value Length " + len + " but only " + (b.length - pos - header) + " bytes are left");
      }
      if (tag == 0x00020010) {
        ts = new String(b, pos + header, (int) len, StandardCharsets.US_ASCII).replace("\0", "").trim();
      }
      pos += header + (int) len;
    }
    end[0] = pos;
    return ts;
  }

  /** A data set without preamble: explicit VR little endian if a valid VR follows the first tag, else implicit. */
  private String guessBare() throws DicomDecodeException {
    if (b.length < 8) {
      throw fail(Failure.NOT_DICOM, "only " + b.length + " bytes, neither a DICOM file nor a data set");
    }
    int group = u16(0, false);
    if (group == 0 || group > 0x0008 || (group & 1) == 1) {
      throw fail(Failure.NOT_DICOM, "no \"DICM\" prefix at offset 128 and no data set at offset 0 (first group "
          + String.format("%04X", group) + ")");
    }
    String vr = new String(b, 4, 2, StandardCharsets.ISO_8859_1);
    return VRS.contains(vr) ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()
        : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid();
  }

  /**
   * Walks elements in {@code [pos, end)}. In an undefined-length item ({@code inItem}) stops after the Item
   * Delimitation Item and returns the position after it.
   */
  private int elements(int pos, int end, int depth, boolean inItem) throws DicomDecodeException {
    if (depth > MAX_DEPTH) {
      throw fail(Failure.MALFORMED, "sequences nested deeper than " + MAX_DEPTH + " at offset " + pos);
    }
    while (pos < end) {
      need(pos, 8, -1);
      int tag = tag(pos, bigEndian);
      if (tag == ITEM_END) {
        if (!inItem) {
          throw fail(Failure.MALFORMED, "Item Delimitation Item outside an item at offset " + pos);
        }
        return pos + 8;
      }
      if ((tag >>> 16) == 0xFFFE) {
        throw fail(Failure.MALFORMED, "unexpected item tag " + DicomElement.tagString(tag) + " at offset " + pos);
      }
      String vr = null;
      long len;
      int header;
      if (explicit) {
        vr = vr(pos + 4);
        if (LONG_VRS.contains(vr)) {
          need(pos, 12, tag);
          len = u32(pos + 8, bigEndian);
          header = 12;
        } else {
          len = u16(pos + 6, bigEndian);
          header = 8;
        }
      } else {
        len = u32(pos + 4, bigEndian);
        header = 8;
      }
      int value = pos + header;
      if (depth == 0 && tag == PIXEL_DATA && len != 0) {
        pixelData = true;
      }
      if (len == UNDEFINED) {
        if (tag == PIXEL_DATA && depth == 0) {
          pos = fragments(value, end);
        } else if (vr == null || vr.equals("SQ")) {
          pos = items(value, end, depth + 1, true);
        } else if (vr.equals("UN")) {
          // PS3.5 §6.2.2: an undefined-length UN holds a sequence encoded in Implicit VR Little Endian.
          boolean wasExplicit = explicit;
          boolean wasBig = bigEndian;
          explicit = false;
          bigEndian = false;
          pos = items(value, end, depth + 1, true);
          explicit = wasExplicit;
          bigEndian = wasBig;
        } else {
          throw fail(Failure.MALFORMED, "undefined length for VR " + vr + " element " + DicomElement.tagString(tag)
              + " at offset " + pos);
        }
      } else {
        if (len > end - value) {
          Failure f = tag == PIXEL_DATA || tag == TRAILING_PADDING ? Failure.TRUNCATED : Failure.MALFORMED;
          throw fail(f, (tag == PIXEL_DATA ? "Pixel Data is cut: " : "bad Value Length: ")
              + DicomElement.tagString(tag) + " at offset " + pos + " declares " + len + " bytes but only "
              + (end - value) + " are left");
        }
        if ("SQ".equals(vr)) {
          int stop = value + (int) len;
          int p = items(value, stop, depth + 1, false);
          if (p != stop) {
            throw fail(Failure.MALFORMED, "sequence " + DicomElement.tagString(tag) + " at offset " + pos
                + " does not end at its declared length");
          }
        }
        pos = value + (int) len;
      }
    }
    if (inItem) {
      throw fail(Failure.TRUNCATED, "file ends inside an undefined-length item");
    }
    return pos;
  }

  /**
   * Items of a sequence starting at {@code pos}: up to {@code end} for a defined-length sequence, or to the
   * Sequence Delimitation Item when {@code delimited} (returns the position after it).
   */
  private int items(int pos, int end, int depth, boolean delimited) throws DicomDecodeException {
    if (depth > MAX_DEPTH) {
      throw fail(Failure.MALFORMED, "sequences nested deeper than " + MAX_DEPTH + " at offset " + pos);
    }
    while (pos < end) {
      need(pos, 8, -1);
      int tag = tag(pos, bigEndian);
      long len = u32(pos + 4, bigEndian);
      if (tag == SEQUENCE_END) {
        return pos + 8;
      }
      if (tag != ITEM) {
        throw fail(Failure.MALFORMED, "expected an Item (FFFE,E000) at offset " + pos + ", found "
            + DicomElement.tagString(tag));
      }
      int value = pos + 8;
      if (len == UNDEFINED) {
        pos = elements(value, end, depth, true);
      } else {
        if (len > end - value) {
          throw fail(Failure.MALFORMED, "bad Item length at offset " + pos + ": " + len + " bytes declared, "
              + (end - value) + " left");
        }
        int stop = value + (int) len;
        if (elements(value, stop, depth, false) != stop) {
          throw fail(Failure.MALFORMED, "item at offset " + pos + " does not end at its declared length");
        }
        pos = stop;
      }
    }
    if (delimited) {
      throw fail(Failure.TRUNCATED, "file ends inside a sequence (no Sequence Delimitation Item)");
    }
    return pos;
  }

  /** Encapsulated Pixel Data fragments (PS3.5 A.4): items of defined length up to the Sequence Delimiter. */
  private int fragments(int pos, int end) throws DicomDecodeException {
    while (true) {
      if (pos + 8 > end) {
        throw fail(Failure.TRUNCATED, "encapsulated Pixel Data is cut at offset " + pos
            + " (no Sequence Delimitation Item)");
      }
      int tag = tag(pos, bigEndian);
      long len = u32(pos + 4, bigEndian);
      if (tag == SEQUENCE_END) {
        return pos + 8;
      }
      if (tag != ITEM) {
        throw fail(Failure.MALFORMED, "expected a Pixel Data fragment Item at offset " + pos + ", found "
            + DicomElement.tagString(tag));
      }
      if (len == UNDEFINED || len > end - pos - 8) {
        throw fail(Failure.TRUNCATED, "Pixel Data fragment at offset " + pos + " declares " + len
            + " bytes but only " + (end - pos - 8) + " are left");
      }
      pos += 8 + (int) len;
    }
  }

  private String vr(int pos) throws DicomDecodeException {
    String vr = new String(b, pos, 2, StandardCharsets.ISO_8859_1);
    if (!VRS.contains(vr)) {
      throw fail(Failure.MALFORMED, "invalid VR \"" + printable(vr) + "\" at offset " + pos);
    }
    return vr;
  }

  private void need(int pos, int n, int tag) throws DicomDecodeException {
    if (pos + n > b.length) {
      throw fail(Failure.TRUNCATED, "file ends inside the header of element "
          + (tag == -1 ? "" : DicomElement.tagString(tag) + " ") + "at offset " + pos);
    }
  }

  private int tag(int pos, boolean be) {
    return (u16(pos, be) << 16) | u16(pos + 2, be);
  }

  private int u16(int pos, boolean be) {
    int a = b[pos] & 0xff;
    int c = b[pos + 1] & 0xff;
    return be ? (a << 8) | c : (c << 8) | a;
  }

  private long u32(int pos, boolean be) {
    long lo = u16(pos, be);
    long hi = u16(pos + 2, be);
    return be ? (lo << 16) | hi : (hi << 16) | lo;
  }

  private static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      sb.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
    }
    return sb.toString();
  }

  private DicomDecodeException fail(Failure f, String message) {
    return new DicomDecodeException(file, f, message);
  }
}
