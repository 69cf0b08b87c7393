package org.radmd.core.dicom;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * De-identifies DICOM data sets by the Basic Application Level Confidentiality Profile of DICOM PS3.15 Annex E
 * (Table E.1-1 actions D, Z, X, K, C, U; see {@link AnnexETable}) for the attributes radmd writes or keeps.
 *
 * <ul>
 *   <li>UIDs (action U) become {@code 2.25.<decimal>} UIDs from a keyed HMAC of the original under the build's
 *       secret: the same original gives the same replacement everywhere in a build, so series and studies stay
 *       linked; well-known class UIDs (SOP Class, Transfer Syntax) are kept.
 *   <li>Dates: with {@link Options#shiftDates} (Retain Longitudinal Temporal Information with Modified Dates
 *       Option, E.3.6) study/series/acquisition/content dates are shifted by a per-patient number of days (1 to
 *       3650 back, from the HMAC of the patient key) and LongitudinalTemporalInformationModified is set to
 *       MODIFIED; otherwise they are emptied or removed per the table. Times and the birth date are never kept.
 *   <li>Patient ID becomes a keyed pseudonym {@code radmd-<16 hex>} (action D), Patient's Name is emptied.
 *   <li>Descriptions are removed, or with {@link Options#cleanDescriptors} (Clean Descriptors Option, E.3.5)
 *       kept after {@link DescriptorCleaner} removed identifying values from them.
 *   <li>Private attributes (odd groups), sequences, and every public attribute that is neither in Table E.1-1 with
 *       a keeping action nor in radmd's technical allow-list are removed.
 *   <li>Patient Identity Removed (0012,0062) = YES and De-identification Method (0012,0063) are set.
 * </ul>
 *
 * <p>Burned-in text: {@link #checkPixels} refuses instances with Burned In Annotation (0028,0301) = YES, and
 * instances of modalities or SOP classes that commonly carry burned-in text (US, OT, XC, ES, SC/Secondary Capture,
 * DOC) without the flag, unless pixel cleaning is configured (E.3.1 Clean Pixel Data Option).
 *
 * <p>Immutable and thread-safe; the secret stays inside.
 */
public final class Deidentifier {
  /** Modalities whose images often hold burned-in identifying text (PS3.15 E.3.1 discussion). */
  static final Set<String> BURNED_IN_MODALITIES = Set.of("US", "OT", "XC", "ES", "SC", "DOC", "GM", "SM");
  private static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";
  private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

  /**
   * Profile options.
   *
   * @param shiftDates Retain Longitudinal Temporal Information with Modified Dates Option (shift per patient)
   * @param cleanDescriptors Clean Descriptors Option: keep cleaned study/series descriptions
   * @param retainPatientCharacteristics Retain Patient Characteristics Option: keep sex, age, size, weight
   * @param pixelCleaningConfigured the caller cleans burned-in text from pixels (E.3.1); only then are flagged
   *     images accepted
   */
  public record Options(boolean shiftDates, boolean cleanDescriptors, boolean retainPatientCharacteristics,
      boolean pixelCleaningConfigured) {
    /** radmd's defaults: shift dates, clean descriptors, drop patient characteristics, no pixel cleaning. */
    public static Options defaults() {
      return new Options(true, true, false, false);
    }
  }

  private final Pseudonyms pseudonyms;
  private final Options options;

  /**
   * @param secret the per-build secret (at least 16 bytes; copied). Keep it out of every output.
   * @param options profile options
   */
  public Deidentifier(byte[] secret, Options options) {
    this.pseudonyms = new Pseudonyms(secret);
    this.options = options;
  }

  /** A new random 32-byte secret from {@link SecureRandom}, for one build. */
  public static byte[] newSecret() {
    byte[] s = new byte[32];
    new SecureRandom().nextBytes(s);
    return s;
  }

  /** The options in force. */
  public Options options() {
    return options;
  }

  /** The replacement for a UID (action U): {@code 2.25.<decimal>}, consistent within the build. */
  public String replaceUid(String uid) {
    return pseudonyms.uid(uid);
  }

  /** A keyed name for output files and ids of this original value: {@code n} hex characters. */
  public String pseudonym(String original, int n) {
    return pseudonyms.hex("name", original, n);
  }

  /**
   * Free text (a report, a description) with every identifying value of {@code sources} removed: patient name
   * parts, IDs, dates, UIDs, institution and physicians found in those headers, plus date-like and long digit
   * runs ({@link DescriptorCleaner}). A safeguard for text that travels with the images, not a free-text PHI
   * scrubber: names that appear in no header stay.
   */
  public String cleanText(String text, List<DicomDataset> sources) {
    List<String> identifying = new ArrayList<>();
    for (DicomDataset ds : sources) {
      identifying.addAll(DescriptorCleaner.identifyingValues(ds));
    }
    identifying.sort(java.util.Comparator.comparingInt(String::length).reversed());
    return DescriptorCleaner.clean(text, identifying);
  }

  /** Days by which this data set's patient's dates are shifted (negative). */
  public int dateShiftDays(DicomDataset ds) {
    return pseudonyms.dateShiftDays(patientKey(ds));
  }

  /**
   * Refuses instances that may carry burned-in identifying text, unless pixel cleaning is configured.
   *
   * @throws DeidentificationException with reason {@link DeidentificationException#BURNED_IN_ANNOTATION}
   */
  public void checkPixels(DicomDataset ds) throws DeidentificationException {
    if (options.pixelCleaningConfigured) {
      return;
    }
    String flag = ds.stringOrEmpty("BurnedInAnnotation");
    String modality = ds.stringOrEmpty("Modality");
    String sopClass = ds.stringOrEmpty("SOPClassUID");
    if (flag.equalsIgnoreCase("YES")) {
      throw new DeidentificationException(DeidentificationException.BURNED_IN_ANNOTATION,
          "Burned In Annotation (0028,0301) is YES and no pixel cleaning is configured (PS3.15 E.3.1)");
    }
    if (!flag.equalsIgnoreCase("NO")
        && (BURNED_IN_MODALITIES.contains(modality) || sopClass.startsWith(SECONDARY_CAPTURE))) {
      throw new DeidentificationException(DeidentificationException.BURNED_IN_ANNOTATION, "modality " + modality
          + (sopClass.startsWith(SECONDARY_CAPTURE) ? " (Secondary Capture)" : "")
          + " commonly has burned-in text and Burned In Annotation (0028,0301) is not NO; no pixel cleaning "
          + "is configured (PS3.15 E.3.1)");
    }
  }

  /**
   * The de-identified data set: the attributes radmd keeps, with Annex E actions applied and the
   * de-identification attributes set. Does not check pixels (see {@link #checkPixels}).
   */
  public DicomDataset deidentify(DicomDataset ds) {
    List<String> identifying = options.cleanDescriptors ? DescriptorCleaner.identifyingValues(ds) : List.of();
    int shift = dateShiftDays(ds);
    List<DicomElement> out = new ArrayList<>();
    boolean shifted = false;
    for (DicomElement e : ds.elements()) {
      if (e.isPrivate() || e.isSequence() || e.keyword().isEmpty()) {
        continue;
      }
      String k = e.keyword();
      DeidAction action = action(k);
      switch (action) {
        case K -> out.add(e);
        case U -> out.add(e.withValues(e.values().stream().map(v -> v.isBlank() ? v : replaceUid(v)).toList()));
        case Z -> out.add(e.withValues(List.of()));
        case D -> out.add(e.withValues(List.of("radmd-" + pseudonyms.hex("patient", patientKey(ds), 16))));
        case C -> {
          String cleaned = DescriptorCleaner.clean(String.join(" ", e.values()), identifying);
          if (!cleaned.isEmpty()) {
            out.add(e.withValues(List.of(cleaned)));
          }
        }
        case X -> {
          if (options.shiftDates && AnnexETable.SHIFTED_DATES.contains(k)) {
            out.add(e.withValues(e.values().stream().map(v -> shiftDate(v, shift)).toList()));
            shifted = true;
          }
        }
        default -> throw new IllegalStateException(action.name());
      }
    }
    out.removeIf(e -> e.keyword().equals("PatientIdentityRemoved") || e.keyword().equals("DeidentificationMethod")
        || e.keyword().equals("LongitudinalTemporalInformationModified"));
    out.add(DicomElement.of(0x00120062, "PatientIdentityRemoved", "CS", List.of("YES")));
    out.add(DicomElement.of(0x00120063, "DeidentificationMethod", "LO", List.of(methodText())));
    if (shifted) {
      out.add(DicomElement.of(0x00280303, "LongitudinalTemporalInformationModified", "CS", List.of("MODIFIED")));
    }
    return DicomDataset.of(out);
  }

  /** The action radmd applies to a public attribute, options included. */
  DeidAction action(String keyword) {
    if (keyword.equals("PatientID")) {
      return DeidAction.D;
    }
    if (options.cleanDescriptors && AnnexETable.DESCRIPTORS.contains(keyword)) {
      return DeidAction.C;
    }
    if (options.retainPatientCharacteristics && AnnexETable.PATIENT_CHARACTERISTICS.contains(keyword)) {
      return DeidAction.K;
    }
    if (options.shiftDates && AnnexETable.SHIFTED_DATES.contains(keyword)) {
      return DeidAction.X; // replaced by the shifted value in deidentify
    }
    DeidAction a = AnnexETable.BASIC.get(keyword);
    if (a != null) {
      return a;
    }
    return AnnexETable.TECHNICAL.contains(keyword) ? DeidAction.K : DeidAction.X;
  }

  private String methodText() {
    StringBuilder sb = new StringBuilder("radmd: PS3.15 E Basic Profile");
    if (options.shiftDates) {
      sb.append(", Modified Dates");
    }
    if (options.cleanDescriptors) {
      sb.append(", Clean Descriptors");
    }
    if (options.retainPatientCharacteristics) {
      sb.append(", Patient Characteristics");
    }
    return sb.toString();
  }

  /** Patient ID, else name + birth date, else the Study Instance UID: what identifies "the same patient". */
  private static String patientKey(DicomDataset ds) {
    String id = ds.stringOrEmpty("PatientID");
    if (!id.isEmpty()) {
      return "id:" + id;
    }
    String name = ds.stringOrEmpty("PatientName") + "|" + ds.stringOrEmpty("PatientBirthDate");
    return name.length() > 1 ? "name:" + name : "study:" + ds.stringOrEmpty("StudyInstanceUID");
  }

  /** Shifts the date part of a DA or DT value ({@code YYYYMMDD...}); unparseable values become empty. */
  static String shiftDate(String value, int days) {
    String v = value.trim();
    if (v.length() < 8) {
      return "";
    }
    try {
      LocalDate d = LocalDate.parse(v.substring(0, 8), DA).plusDays(days);
      return d.format(DA) + v.substring(8);
    } catch (DateTimeParseException e) {
      return "";
    }
  }
}
