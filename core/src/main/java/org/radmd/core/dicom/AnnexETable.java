package org.radmd.core.dicom;

import static org.radmd.core.dicom.DeidAction.C;
import static org.radmd.core.dicom.DeidAction.D;
import static org.radmd.core.dicom.DeidAction.K;
import static org.radmd.core.dicom.DeidAction.U;
import static org.radmd.core.dicom.DeidAction.X;
import static org.radmd.core.dicom.DeidAction.Z;

import java.util.Map;
import java.util.Set;

/**
 * The PS3.15 Annex E Table E.1-1 rows for the attributes radmd reads, writes or could meet in common CT, MR and
 * radiography headers, with the Basic Profile action (where the table offers a choice such as X/Z/D, the most
 * removing one is used), plus radmd's allow-list of technical attributes that the table does not list and that
 * radmd keeps in its JSON sidecar. Every other public attribute is removed (X): radmd keeps only what it
 * needs. Options (Retain Longitudinal Temporal Information with Modified Dates, Clean Descriptors, Retain
 * Patient Characteristics) are applied by {@link Deidentifier} on top of this table.
 */
final class AnnexETable {
  private AnnexETable() {}

  /** Basic Profile actions, by PS3.6 keyword (PS3.15 Table E.1-1). */
  static final Map<String, DeidAction> BASIC = Map.ofEntries(
      // Patient
      Map.entry("PatientName", Z), Map.entry("PatientID", Z), Map.entry("IssuerOfPatientID", X),
      Map.entry("PatientBirthDate", Z), Map.entry("PatientBirthTime", X), Map.entry("PatientSex", Z),
      Map.entry("OtherPatientIDs", X), Map.entry("OtherPatientNames", X), Map.entry("OtherPatientIDsSequence", X),
      Map.entry("PatientBirthName", X), Map.entry("PatientAge", X), Map.entry("PatientSize", X),
      Map.entry("PatientWeight", X), Map.entry("PatientAddress", X), Map.entry("PatientMotherBirthName", X),
      Map.entry("PatientTelephoneNumbers", X), Map.entry("EthnicGroup", X), Map.entry("Occupation", X),
      Map.entry("AdditionalPatientHistory", X), Map.entry("PatientComments", X), Map.entry("MedicalRecordLocator", X),
      Map.entry("MilitaryRank", X), Map.entry("BranchOfService", X), Map.entry("CountryOfResidence", X),
      Map.entry("RegionOfResidence", X), Map.entry("PregnancyStatus", X), Map.entry("SmokingStatus", X),
      Map.entry("ResponsiblePerson", X), Map.entry("PatientReligiousPreference", X),
      // Study / series / equipment
      Map.entry("StudyDate", Z), Map.entry("SeriesDate", X), Map.entry("AcquisitionDate", X),
      Map.entry("ContentDate", Z), Map.entry("AcquisitionDateTime", X), Map.entry("InstanceCreationDate", X),
      Map.entry("StudyTime", Z), Map.entry("SeriesTime", X), Map.entry("AcquisitionTime", X),
      Map.entry("ContentTime", Z), Map.entry("InstanceCreationTime", X), Map.entry("AccessionNumber", Z),
      Map.entry("StudyID", Z), Map.entry("InstitutionName", X), Map.entry("InstitutionAddress", X),
      Map.entry("InstitutionalDepartmentName", X), Map.entry("ReferringPhysicianName", Z),
      Map.entry("ReferringPhysicianAddress", X), Map.entry("ReferringPhysicianTelephoneNumbers", X),
      Map.entry("PhysiciansOfRecord", X), Map.entry("PerformingPhysicianName", X),
      Map.entry("NameOfPhysiciansReadingStudy", X), Map.entry("OperatorsName", X),
      Map.entry("RequestingPhysician", X), Map.entry("StationName", X), Map.entry("DeviceSerialNumber", X),
      Map.entry("DeviceUID", U), Map.entry("SoftwareVersions", X), Map.entry("ProtocolName", X),
      Map.entry("StudyDescription", X), Map.entry("SeriesDescription", X), Map.entry("ImageComments", X),
      Map.entry("AdmittingDiagnosesDescription", X), Map.entry("RequestedProcedureDescription", X),
      Map.entry("PerformedProcedureStepDescription", X), Map.entry("PerformedProcedureStepID", X),
      Map.entry("PerformedProcedureStepStartDate", X), Map.entry("PerformedProcedureStepStartTime", X),
      Map.entry("RequestAttributesSequence", X), Map.entry("ReferencedStudySequence", X),
      Map.entry("ReferencedPatientSequence", X), Map.entry("ReferencedImageSequence", X),
      Map.entry("SourceImageSequence", X), Map.entry("ContrastBolusAgent", Z), Map.entry("DerivationDescription", X),
      Map.entry("FrameComments", X), Map.entry("TextString", X), Map.entry("OverlayData", X),
      Map.entry("CurveData", X), Map.entry("InstanceCreatorUID", U), Map.entry("TimezoneOffsetFromUTC", X),
      Map.entry("ReasonForStudy", X), Map.entry("RequestedContrastAgent", X), Map.entry("VisitComments", X),
      // UIDs
      Map.entry("SOPInstanceUID", U), Map.entry("MediaStorageSOPInstanceUID", U), Map.entry("StudyInstanceUID", U),
      Map.entry("SeriesInstanceUID", U), Map.entry("FrameOfReferenceUID", U),
      Map.entry("SynchronizationFrameOfReferenceUID", U), Map.entry("ReferencedSOPInstanceUID", U),
      Map.entry("ReferencedFrameOfReferenceUID", U), Map.entry("IrradiationEventUID", U),
      Map.entry("DimensionOrganizationUID", U), Map.entry("ConcatenationUID", U),
      // De-identification flags: set by radmd afterwards
      Map.entry("PatientIdentityRemoved", K), Map.entry("DeidentificationMethod", K),
      Map.entry("BurnedInAnnotation", K));

  /** Descriptors kept, cleaned, under the Clean Descriptors Option (PS3.15 E.3.5). */
  static final Set<String> DESCRIPTORS = Set.of("StudyDescription", "SeriesDescription", "ProtocolName",
      "ImageComments", "ContrastBolusAgent");

  /** Dates shifted (not removed) under Retain Longitudinal Temporal Information with Modified Dates (E.3.6). */
  static final Set<String> SHIFTED_DATES = Set.of("StudyDate", "SeriesDate", "AcquisitionDate", "ContentDate",
      "AcquisitionDateTime");

  /** Kept under the Retain Patient Characteristics Option (E.3.7). */
  static final Set<String> PATIENT_CHARACTERISTICS = Set.of("PatientSex", "PatientAge", "PatientSize",
      "PatientWeight", "EthnicGroup", "SmokingStatus", "PregnancyStatus");

  /**
   * Technical attributes Table E.1-1 does not list (so the Basic Profile keeps them) and radmd writes to its
   * sidecar: acquisition and image description needed to use a volume. Everything outside this set and
   * {@link #BASIC} is removed.
   */
  static final Set<String> TECHNICAL = Set.of(
      "TransferSyntaxUID", "MediaStorageSOPClassUID", "SOPClassUID", "SpecificCharacterSet", "ImageType",
      "Modality", "Manufacturer", "ManufacturerModelName", "BodyPartExamined", "PatientPosition",
      "ViewPosition", "Laterality", "ImageLaterality", "SliceThickness", "SpacingBetweenSlices", "PixelSpacing",
      "ImagerPixelSpacing", "ImagePositionPatient", "ImageOrientationPatient", "Rows", "Columns",
      "NumberOfFrames", "SamplesPerPixel", "PhotometricInterpretation", "BitsAllocated", "BitsStored", "HighBit",
      "PixelRepresentation", "RescaleSlope", "RescaleIntercept", "RescaleType", "WindowCenter", "WindowWidth",
      "KVP", "XRayTubeCurrent", "ExposureTime", "Exposure", "ConvolutionKernel", "GantryDetectorTilt",
      "MagneticFieldStrength", "RepetitionTime", "EchoTime", "InversionTime", "FlipAngle", "EchoTrainLength",
      "MRAcquisitionType", "ScanningSequence", "SequenceVariant", "ScanOptions", "ImagingFrequency",
      "ImagedNucleus", "PixelBandwidth", "DiffusionBValue", "AcquisitionNumber", "SeriesNumber", "InstanceNumber",
      "LossyImageCompression", "LossyImageCompressionRatio", "LossyImageCompressionMethod",
      "PresentationLUTShape", "PositionReferenceIndicator", "VolumetricProperties", "AcquisitionContrast",
      "PixelPresentation", "PulseSequenceName", "ContrastBolusRoute", "PatientIdentityRemoved",
      "DeidentificationMethod", "LongitudinalTemporalInformationModified");
}
