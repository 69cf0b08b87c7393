package org.radmd.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The dataset a sample belongs to, named as in RadFM (Wu et al., Nat. Commun. 2025, Methods "MedMD"):
 * the four contributed sets (PMC-Inline, PMC-CaseReport, RP3D, MPx) and the existing sets merged into MedMD.
 */
public enum SourceDataset {
  /** PubMed Central OA figures with the body sentences that cite them (radfm-spec §1.1). */
  PMC_INLINE("PMC-Inline", "pmci"),
  /** PubMed Central case reports as contextual VQA (radfm-spec §1.2). */
  PMC_CASE_REPORT("PMC-CaseReport", "pmcc"),
  /** Radiopaedia cases, series as 3D volumes (radfm-spec §1.3). */
  RP3D("RP3D", "rp3d"),
  /** MedPix cases (radfm-spec §1.4). */
  MPX("MPx", "mpx"),
  /** ROCO (Pelka et al. 2018), PMC-OA radiology figures with captions. */
  ROCO("ROCO", "roco"),
  /** MedICaT (Subramanian et al. 2020), figures with captions and inline references. */
  MEDICAT("MedICaT", "medicat"),
  /** COVID-19-CT-CXR (Peng et al. 2020), PMC figures labelled CT or CXR. */
  COVID19_CT_CXR("COVID-19-CT-CXR", "covid"),
  /** Local DICOM studies with optional reports. */
  DICOM("DICOM", "dcm");

  private final String displayName;
  private final String idPrefix;

  SourceDataset(String displayName, String idPrefix) {
    this.displayName = displayName;
    this.idPrefix = idPrefix;
  }

  /** The dataset's name as RadFM writes it, e.g. {@code "PMC-Inline"}; this is the JSON form. */
  @JsonValue
  public String displayName() {
    return displayName;
  }

  /** Short lower-case prefix used in stable sample ids, e.g. {@code "pmci"}. */
  public String idPrefix() {
    return idPrefix;
  }

  /**
   * Parses a display name or enum constant name, case-insensitively.
   *
   * @throws IllegalArgumentException if {@code name} names no dataset
   */
  @JsonCreator
  public static SourceDataset parse(String name) {
    for (SourceDataset d : values()) {
      if (d.displayName.equalsIgnoreCase(name) || d.name().equalsIgnoreCase(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown source dataset: " + name);
  }
}
