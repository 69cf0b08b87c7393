package org.radmd.core.dicom;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radmd.testing.SharedCorpus;

/** PS3.15 Annex E actions on real headers. */
class DeidentifierTest {
  static final byte[] SECRET = "radmd-test-secret-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private final Deidentifier deid = new Deidentifier(SECRET, Deidentifier.Options.defaults());

  private static DicomDataset header(String single) throws Exception {
    return DicomReader.pixelMed().readHeader(SharedCorpus.corpus("dicom/single/" + single)).dataset();
  }

  @Test
  void uidsAreReplacedConsistentlyAs225Uids() throws Exception {
    DicomDataset ct = header("CT_small.dcm");
    DicomDataset out = deid.deidentify(ct);
    String original = ct.stringOrEmpty("SeriesInstanceUID");
    String replaced = out.stringOrEmpty("SeriesInstanceUID");
    assertTrue(replaced.matches("2\\.25\\.[1-9][0-9]{0,38}"), replaced);
    assertTrue(replaced.length() <= 64);
    assertEquals(replaced, deid.replaceUid(original), "same original, same replacement within the build");
    assertEquals(replaced, new Deidentifier(SECRET, Deidentifier.Options.defaults()).replaceUid(original));
    assertNotEquals(replaced, new Deidentifier(Deidentifier.newSecret(), Deidentifier.Options.defaults())
        .replaceUid(original), "another build's secret gives other UIDs");
    assertNotEquals(out.stringOrEmpty("StudyInstanceUID"), out.stringOrEmpty("SeriesInstanceUID"));
    assertEquals(ct.stringOrEmpty("SOPClassUID"), out.stringOrEmpty("SOPClassUID"), "class UIDs are kept");
  }

  @Test
  void seriesOfOnePatientShareUidsAndDateShift() throws Exception {
    List<DicomDataset> slices = new ArrayList<>();
    for (DicomFile f : Series.read(Series.PROSTATE)) {
      slices.add(deid.deidentify(f.dataset()));
    }
    String series = slices.get(0).stringOrEmpty("SeriesInstanceUID");
    String study = slices.get(0).stringOrEmpty("StudyDate");
    for (DicomDataset s : slices) {
      assertEquals(series, s.stringOrEmpty("SeriesInstanceUID"));
      assertEquals(study, s.stringOrEmpty("StudyDate"));
      assertEquals(slices.get(0).stringOrEmpty("PatientID"), s.stringOrEmpty("PatientID"));
    }
    assertEquals(19, slices.stream().map(s -> s.stringOrEmpty("SOPInstanceUID")).distinct().count() - 1);
  }

  @Test
  void datesAreShiftedPerPatientAndFlagged() throws Exception {
    DicomDataset ct = header("CT_small.dcm");
    DicomDataset out = deid.deidentify(ct);
    int days = deid.dateShiftDays(ct);
    assertTrue(days <= -1 && days >= -3650, "shift " + days);
    assertEquals(Deidentifier.shiftDate("19970430", days), out.stringOrEmpty("AcquisitionDate"));
    assertNotEquals("19970430", out.stringOrEmpty("AcquisitionDate"));
    assertEquals("MODIFIED", out.stringOrEmpty("LongitudinalTemporalInformationModified"));
    assertEquals("", out.stringOrEmpty("StudyTime"), "Z: zero length");
    assertFalse(out.contains("AcquisitionTime"), "X: removed");
    assertFalse(out.contains("InstanceCreationDate"));
    assertEquals("", out.stringOrEmpty("PatientBirthDate"));
  }

  @Test
  void patientIdentityRemovedAndMethodSet() throws Exception {
    DicomDataset out = deid.deidentify(header("MR_small.dcm"));
    assertEquals("YES", out.stringOrEmpty("PatientIdentityRemoved"));
    assertTrue(out.stringOrEmpty("DeidentificationMethod").contains("PS3.15 E Basic Profile"));
    assertEquals("", out.stringOrEmpty("PatientName"));
    assertTrue(out.stringOrEmpty("PatientID").matches("radmd-[0-9a-f]{16}"));
    assertFalse(out.contains("InstitutionName"));
    assertFalse(out.contains("NameOfPhysiciansReadingStudy"));
    assertEquals("MR", out.stringOrEmpty("Modality"));
    assertEquals("64", out.stringOrEmpty("Rows"));
  }

  @Test
  void privateAttributesAndSequencesAreRemoved() throws Exception {
    DicomDataset ct = header("CT_small.dcm");
    assertTrue(ct.elements().stream().anyMatch(DicomElement::isPrivate), "CT_small has private tags, e.g. (0043,104E)");
    DicomDataset out = deid.deidentify(ct);
    assertFalse(out.elements().stream().anyMatch(DicomElement::isPrivate));
    assertFalse(out.elements().stream().anyMatch(DicomElement::isSequence));
  }

  @Test
  void descriptorsAreCleanedNotDropped() throws Exception {
    DicomDataset rg3 = header("RG3_JPLY.dcm");
    assertEquals("Non-ossifying fibroma of distal tibia", deid.deidentify(rg3).stringOrEmpty("StudyDescription"));
    List<DicomElement> e = new ArrayList<>(rg3.elements());
    e.add(DicomElement.of(0x0008103E, "SeriesDescription", "LO",
        List.of("leg CompressedSamples 11RG3 19921225 N.C.C. HIGASHI")));
    DicomDataset out = deid.deidentify(DicomDataset.of(e));
    assertEquals("leg", out.stringOrEmpty("SeriesDescription"));
    Deidentifier basic = new Deidentifier(SECRET, new Deidentifier.Options(false, false, false, false));
    DicomDataset strict = basic.deidentify(rg3);
    assertFalse(strict.contains("StudyDescription"), "Basic Profile without options: X");
    assertFalse(strict.contains("AcquisitionDate"));
    assertEquals("", strict.stringOrEmpty("StudyDate"));
  }

  @Test
  void burnedInAnnotationIsRejectedUnlessPixelsAreCleaned() throws Exception {
    DicomDataset mr = header("MR_small.dcm");
    assertDoesNotThrow(() -> deid.checkPixels(mr));
    DicomDataset flagged = with(mr, DicomElement.of(0x00280301, "BurnedInAnnotation", "CS", List.of("YES")));
    DeidentificationException e = assertThrows(DeidentificationException.class, () -> deid.checkPixels(flagged));
    assertEquals(DeidentificationException.BURNED_IN_ANNOTATION, e.reason());
    DicomDataset ultrasound = with(mr, DicomElement.of(0x00080060, "Modality", "CS", List.of("US")));
    assertThrows(DeidentificationException.class, () -> deid.checkPixels(ultrasound));
    DicomDataset secondary = with(mr, DicomElement.of(0x00080016, "SOPClassUID", "UI",
        List.of("1.2.840.10008.5.1.4.1.1.7")));
    assertThrows(DeidentificationException.class, () -> deid.checkPixels(secondary));
    DicomDataset cleared = with(ultrasound, DicomElement.of(0x00280301, "BurnedInAnnotation", "CS", List.of("NO")));
    assertDoesNotThrow(() -> deid.checkPixels(cleared));
    Deidentifier cleaning = new Deidentifier(SECRET, new Deidentifier.Options(true, true, false, true));
    assertDoesNotThrow(() -> cleaning.checkPixels(flagged));
  }

  @Test
  void actionsFollowTableE11() {
    assertEquals(DeidAction.U, deid.action("SOPInstanceUID"));
    assertEquals(DeidAction.Z, deid.action("PatientName"));
    assertEquals(DeidAction.D, deid.action("PatientID"));
    assertEquals(DeidAction.X, deid.action("InstitutionName"));
    assertEquals(DeidAction.C, deid.action("StudyDescription"));
    assertEquals(DeidAction.K, deid.action("PixelSpacing"));
    assertEquals(DeidAction.X, deid.action("SomeAttributeRadmdDoesNotKnow"));
  }

  static DicomDataset with(DicomDataset ds, DicomElement e) {
    List<DicomElement> all = new ArrayList<>(ds.elements());
    all.add(e);
    return DicomDataset.of(all);
  }
}
