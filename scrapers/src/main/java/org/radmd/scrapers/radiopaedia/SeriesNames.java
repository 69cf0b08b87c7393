package org.radmd.scrapers.radiopaedia;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.radmd.core.Modality;

/**
 * What a Radiopaedia series folder name ({@code "axial-t1-c+"}, {@code "sagittal-t2"},
 * {@code "axial-non-contrast"}) says about the series. The name is split into lower-case tokens at every
 * character other than a letter, a digit or {@code *}. Thread-safe.
 */
final class SeriesNames {
  /** Tokens that name an MR sequence or MR technique. */
  static final Set<String> MR_TOKENS = Set.of("t1", "t2", "t2*", "t1w", "t2w", "t1wi", "t2wi", "flair", "dwi",
      "adc", "swi", "gre", "stir", "pd", "pdw", "pdfs", "dti", "mra", "mrv", "mrcp", "fiesta", "ciss", "tof",
      "mprage", "spgr", "fse", "tse", "haste", "trufi", "ssfp", "dce", "dsc", "asl", "diffusion", "mr", "mri");

  private SeriesNames() {}

  /** {@link Modality#MR} when a token names an MR sequence, else null (the name alone cannot tell). */
  static Modality modality(String seriesName) {
    return tokens(seriesName).anyMatch(MR_TOKENS::contains) ? Modality.MR : null;
  }

  /**
   * The modality of a Radiopaedia study or series label ("CT", "MRI", "X-ray", "Ultrasound", "Fluoroscopy",
   * "Mammography", "Nuclear medicine", "PET", "Angiography", "DSA (angiography)"), or null for other labels
   * (e.g. "Pathology", "Photo") and null.
   */
  static Modality fromLabel(String label) {
    if (label == null) {
      return null;
    }
    String l = label.strip().toLowerCase(Locale.ROOT);
    if (l.startsWith("ct") || l.contains("computed tomography")) {
      return Modality.CT;
    }
    if (l.startsWith("mr") || l.contains("magnetic resonance")) {
      return Modality.MR;
    }
    if (l.startsWith("x-ray") || l.startsWith("xray") || l.contains("radiograph")) {
      return Modality.XR;
    }
    if (l.startsWith("ultrasound") || l.equals("us")) {
      return Modality.US;
    }
    if (l.startsWith("fluoroscopy")) {
      return Modality.RF;
    }
    if (l.startsWith("mammograph")) {
      return Modality.MG;
    }
    if (l.startsWith("nuclear medicine")) {
      return Modality.NM;
    }
    if (l.startsWith("pet")) {
      return Modality.PT;
    }
    if (l.contains("angiograph") || l.startsWith("dsa")) {
      return Modality.XA;
    }
    return null;
  }

  /** "Axial", "Sagittal" or "Coronal" when the name has that token, else null. */
  static String plane(String seriesName) {
    for (String p : new String[] {"axial", "sagittal", "coronal"}) {
      if (tokens(seriesName).anyMatch(p::equals)) {
        return Character.toUpperCase(p.charAt(0)) + p.substring(1);
      }
    }
    return null;
  }

  private static java.util.stream.Stream<String> tokens(String name) {
    return Arrays.stream(name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}*]+")).filter(t -> !t.isEmpty());
  }
}
