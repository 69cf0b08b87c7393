/**
 * DICOM input for radmd: reading, series assembly, volumes, NIfTI output and de-identification.
 *
 * <ul>
 *   <li>{@link org.radmd.core.dicom.DicomReader} reads DICOM Part 10 files into {@link org.radmd.core.dicom.DicomFile}s
 *       (data set by PS3.6 keyword, frame geometry, decoded {@link org.radmd.core.dicom.PixelFrames}); the
 *       implementation is PixelMed (Debian {@code libpixelmed-java}) behind this interface. Transfer syntaxes:
 *       see {@link org.radmd.core.dicom.TransferSyntax} (PS3.5 Annex A); JPEG-LS is rejected naming the syntax.
 *   <li>{@link org.radmd.core.dicom.SeriesAssembler} groups frames into {@link org.radmd.core.dicom.DicomSeries}
 *       and orders slices by position along the slice normal (PS3.3 C.7.6.2.1.1), reporting
 *       {@link org.radmd.core.dicom.SeriesIssue}s (missing slices, uneven spacing, gantry tilt, ...).
 *   <li>{@link org.radmd.core.dicom.DicomVolume} is a series as voxels {@code [x, y, z] = [Columns, Rows, slices]}
 *       with an RAS affine in dcm2niix's convention, values after the Modality LUT (Hounsfield units for CT),
 *       written as NIfTI-1 int16, uint16 or float32.
 *   <li>{@link org.radmd.core.dicom.Deidentifier} applies the PS3.15 Annex E Basic Application Level
 *       Confidentiality Profile; {@link org.radmd.core.dicom.DicomSeriesExporter} writes de-identified NIfTI plus
 *       a JSON sidecar whose names, headers and values carry no original identifier.
 * </ul>
 *
 * <p>Units: lengths in mm in the DICOM patient coordinate system (LPS) unless a method says RAS; angles in
 * degrees. Errors: reading fails only with {@link org.radmd.core.dicom.DicomDecodeException} (its
 * {@link org.radmd.core.dicom.DicomDecodeException.Failure#code()} is the reject reason); burned-in text with
 * {@link org.radmd.core.dicom.DeidentificationException}. Every public type is immutable or stateless and
 * thread-safe. Parameters are non-null unless documented otherwise.
 */
package org.radmd.core.dicom;
