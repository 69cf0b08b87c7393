package org.radmd.core.dicom;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A DICOM data set (PS3.5 §7): data elements in ascending tag order, looked up by tag or by PS3.6 keyword.
 * Bulk pixel data is not part of it (see {@link PixelFrames}). Immutable and thread-safe.
 */
public final class DicomDataset {
  private static final DicomDataset EMPTY = new DicomDataset(new TreeMap<>());

  private final TreeMap<Integer, DicomElement> byTag;
  private final Map<String, DicomElement> byKeyword;

  private DicomDataset(TreeMap<Integer, DicomElement> byTag) {
    this.byTag = byTag;
    Map<String, DicomElement> k = new HashMap<>();
    for (DicomElement e : byTag.values()) {
      if (!e.keyword().isEmpty()) {
        k.putIfAbsent(e.keyword(), e);
      }
    }
    this.byKeyword = k;
  }

  /** A data set of these elements; a later element with the same tag replaces an earlier one. */
  public static DicomDataset of(Collection<DicomElement> elements) {
    TreeMap<Integer, DicomElement> m = new TreeMap<>(Integer::compareUnsigned);
    for (DicomElement e : elements) {
      m.put(e.tag(), e);
    }
    return m.isEmpty() ? EMPTY : new DicomDataset(m);
  }

  /** The empty data set. */
  public static DicomDataset empty() {
    return EMPTY;
  }

  /** Every element in ascending (unsigned) tag order. */
  public List<DicomElement> elements() {
    return List.copyOf(byTag.values());
  }

  /** Number of top-level elements. */
  public int size() {
    return byTag.size();
  }

  /** The element with this tag, if present. */
  public Optional<DicomElement> get(int tag) {
    return Optional.ofNullable(byTag.get(tag));
  }

  /** The element with this PS3.6 keyword (e.g. {@code "ImagePositionPatient"}), if present. */
  public Optional<DicomElement> get(String keyword) {
    return Optional.ofNullable(byKeyword.get(keyword));
  }

  /** True when an element with this keyword is present (even with an empty value). */
  public boolean contains(String keyword) {
    return byKeyword.containsKey(keyword);
  }

  /** The first value of the element, trimmed; empty when absent or zero-length. */
  public Optional<String> string(String keyword) {
    DicomElement e = byKeyword.get(keyword);
    if (e == null || e.values().isEmpty()) {
      return Optional.empty();
    }
    String v = e.first().trim();
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  /** The first value, trimmed, or {@code ""}. */
  public String stringOrEmpty(String keyword) {
    return string(keyword).orElse("");
  }

  /**
   * All values parsed as numbers (VR DS, IS, FD, FL, US, SS, UL, SL). Empty when absent.
   *
   * @throws NumberFormatException when a value is not a number
   */
  public double[] doubles(String keyword) {
    DicomElement e = byKeyword.get(keyword);
    if (e == null) {
      return new double[0];
    }
    List<Double> out = new ArrayList<>();
    for (String v : e.values()) {
      String t = v.trim();
      if (!t.isEmpty()) {
        out.add(Double.parseDouble(t));
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * The first value as a number, if present and numeric; a malformed number reads as absent.
   */
  public Optional<Double> number(String keyword) {
    try {
      double[] d = doubles(keyword);
      return d.length == 0 ? Optional.empty() : Optional.of(d[0]);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The first value as an integer (IS, US, SS, UL, SL), if present and integral. */
  public OptionalInt integer(String keyword) {
    Optional<Double> d = number(keyword);
    if (d.isEmpty() || d.get() != Math.rint(d.get()) || Math.abs(d.get()) > Integer.MAX_VALUE) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(d.get().intValue());
  }

  /** The items of a sequence element, or an empty list when absent or not a sequence. */
  public List<DicomDataset> items(String keyword) {
    DicomElement e = byKeyword.get(keyword);
    return e == null ? List.of() : e.items();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DicomDataset d && byTag.equals(d.byTag);
  }

  @Override
  public int hashCode() {
    return byTag.hashCode();
  }

  @Override
  public String toString() {
    return "DicomDataset[" + byTag.size() + " elements]";
  }
}
