package org.radmd.core.dicom;

/**
 * The attribute actions of DICOM PS3.15 Annex E, Table E.1-1 ("Application Level Confidentiality Profile
 * Attributes"), as radmd applies them.
 */
public enum DeidAction {
  /** D: replace with a non-zero-length dummy value that is consistent with the VR (radmd: a keyed pseudonym). */
  D,
  /** Z: replace with a zero-length value (or a dummy value consistent with the VR). */
  Z,
  /** X: remove. */
  X,
  /** K: keep (unchanged for non-sequence attributes). */
  K,
  /** C: clean: keep a value of similar meaning that contains no identifying information. */
  C,
  /** U: replace with a non-zero-length UID that is internally consistent within the set of instances. */
  U
}
