/**
 * Local DICOM collections as a MedMD source: one study folder becomes one {@link org.radmd.core.SourceDataset#DICOM}
 * sample whose images are its series and whose text is its report (text file or DICOM Structured Report),
 * de-identified by PS3.15 Annex E ({@link org.radmd.core.dicom.Deidentifier}). Decoding, assembly and NIfTI
 * output live in {@link org.radmd.core.dicom}.
 */
package org.radmd.scrapers.dicom;
