package org.radmd.core.dicom;

import java.util.List;
import java.util.Objects;

/**
 * One data element of a DICOM data set (PS3.5 §7.1), reduced to what radmd needs: its tag, keyword, VR and
 * values as text. Bulk binary values (VR OB, OW, OF, OD, OL, OV, UN) are not kept: {@link #values()} is empty for
 * them. Sequence elements (VR SQ) carry their items instead of values. Immutable and thread-safe.
 *
 * @param tag the tag as {@code (group << 16) | element}, e.g. {@code 0x00100010} for PatientName
 * @param keyword the PS3.6 keyword (e.g. {@code "PatientName"}), or {@code ""} for private or unknown tags
 * @param vr the two-letter Value Representation (PS3.5 §6.2), e.g. {@code "PN"}, {@code "SQ"}
 * @param values the values as decoded text, one entry per value multiplicity; never null
 * @param items the items of a sequence (VR SQ), else empty; never null
 */
public record DicomElement(int tag, String keyword, String vr, List<String> values, List<DicomDataset> items) {

  public DicomElement {
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(vr, "vr");
    values = values == null ? List.of() : List.copyOf(values);
    items = items == null ? List.of() : List.copyOf(items);
  }

  /** A non-sequence element. */
  public static DicomElement of(int tag, String keyword, String vr, List<String> values) {
    return new DicomElement(tag, keyword, vr, values, List.of());
  }

  /** The group number, the upper 16 bits of the tag. */
  public int group() {
    return tag >>> 16;
  }

  /** True for private data elements: odd group number (PS3.5 §7.8). */
  public boolean isPrivate() {
    return (group() & 1) == 1;
  }

  /** True for sequences (VR SQ). */
  public boolean isSequence() {
    return vr.equals("SQ");
  }

  /** The first value, or {@code ""} when there is none. */
  public String first() {
    return values.isEmpty() ? "" : values.get(0);
  }

  /** The tag as {@code "(gggg,eeee)"} in upper-case hex. */
  public String tagString() {
    return tagString(tag);
  }

  /** {@code tag} as {@code "(gggg,eeee)"} in upper-case hex. */
  public static String tagString(int tag) {
    return String.format("(%04X,%04X)", tag >>> 16, tag & 0xffff);
  }

  /** This element with other values (same tag, keyword and VR; no items). */
  public DicomElement withValues(List<String> newValues) {
    return new DicomElement(tag, keyword, vr, newValues, List.of());
  }
}
