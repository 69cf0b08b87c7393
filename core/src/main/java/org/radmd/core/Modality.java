package org.radmd.core;

import java.util.Locale;
import java.util.Optional;

/**
 * Imaging modality, using the DICOM PS3.3 C.7.3.1.1.1 Modality defined terms where one exists.
 *
 * <p>{@link #XR} is not a DICOM term: it stands for projection radiography when text alone cannot tell
 * computed ({@link #CR}) from digital ({@link #DX}) radiography, as in Radiopaedia's "X-ray".
 */
public enum Modality {
  CT("Computed tomography"),
  MR("Magnetic resonance"),
  CR("Computed radiography"),
  DX("Digital radiography"),
  XR("Projection radiography (CR or DX)"),
  US("Ultrasound"),
  MG("Mammography"),
  PT("Positron emission tomography"),
  NM("Nuclear medicine"),
  XA("X-ray angiography"),
  RF("Radio fluoroscopy");

  private final String description;

  Modality(String description) {
    this.description = description;
  }

  /** Human-readable name, e.g. "Magnetic resonance". */
  public String description() {
    return description;
  }

  /** True for projection radiography ({@link #CR}, {@link #DX}, {@link #XR}). */
  public boolean isRadiograph() {
    return this == CR || this == DX || this == XR;
  }

  /** Parses a DICOM modality code ("MR", "ct"); empty when the code is not one of these. */
  public static Optional<Modality> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(code.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
