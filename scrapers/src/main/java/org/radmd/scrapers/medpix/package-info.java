/**
 * MedPix 2.0 (Siragusa et al., Data Science and Engineering 2025; CHILab1/MedPix-2.0) to MPx samples
 * (radfm-spec §1.4): one sample per case record of a {@code data_*.jsonl} file, its images described by the
 * sibling {@code descriptions_*.jsonl} file and stored as {@code images/<image>.png}.
 *
 * <p>Field names are those of the MedPix 2.0 split files: case level {@code U_id}, {@code TAC} (CT image
 * names), {@code MRI} (MR image names), {@code Case} ({@code Title}, {@code History}, {@code Exam}, {@code
 * Findings}, {@code Differential Diagnosis}, {@code Case Diagnosis}, {@code Diagnosis By}, {@code Treatment &
 * Follow Up}, {@code Discussion}), {@code Topic} ({@code Title}, {@code ACR Code}, {@code Category});
 * image level {@code image}, {@code Type}, {@code Location Category}, {@code Description} ({@code Caption},
 * {@code Modality}, {@code Plane}, {@code Age}, {@code Sex}).
 */
package org.radmd.scrapers.medpix;
