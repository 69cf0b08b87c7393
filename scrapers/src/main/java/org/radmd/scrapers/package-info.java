/**
 * Source readers: turn one input file of a public radiology source into MedMD {@link org.radmd.core.Sample}s
 * and {@link org.radmd.core.Reject}s.
 *
 * <p>The pipeline uses three entry points: {@link org.radmd.scrapers.Readers#discover} lists the input files
 * some reader accepts, {@link org.radmd.scrapers.Readers#readerFor} picks the reader of a file, and
 * {@link org.radmd.scrapers.SourceReader#read} parses it. Readers:
 *
 * <ul>
 *   <li>{@link org.radmd.scrapers.jats.JatsArticleReader}: PubMed Central / Europe PMC JATS articles to
 *       PMC-Inline figure samples (radfm-spec §1.1);
 *   <li>{@link org.radmd.scrapers.medpix.MedPixReader}: MedPix 2.0 JSONL case records to MPx case samples
 *       (radfm-spec §1.4);
 *   <li>{@link org.radmd.scrapers.radiopaedia.RadiopaediaCaseReader}: scraped Radiopaedia case folders to RP3D
 *       study samples with 3D series (radfm-spec §1.3);
 *   <li>{@link org.radmd.scrapers.roco.RocoReader}, {@link org.radmd.scrapers.medicat.MedicatReader} and {@link
 *       org.radmd.scrapers.covid.CovidCtCxrReader}: the existing data sets merged into MedMD (ROCO, MedICaT,
 *       COVID-19-CT-CXR), keeping their ids, licences and labels.
 * </ul>
 *
 * <p>{@link org.radmd.scrapers.jats.JatsArticleReader} also forms PMC-CaseReport question/answer samples
 * (radfm-spec §1.2) from case-report articles. Fresh data comes from {@link org.radmd.scrapers.harvest}: a polite,
 * resumable, WARC-archiving HTTP harvester and the PMC OA package client, whose output folder is an input root
 * for the same readers.
 *
 * <p>Contract shared by all readers: they are stateless (hence thread-safe and {@link java.io.Serializable}
 * for Beam workers), deterministic (equal input gives equal output in the same order), never throw for bad
 * input (a {@link org.radmd.core.Reject} with {@link org.radmd.core.Stage#PARSE} instead), and emit
 * <em>unresolved</em> {@link org.radmd.core.ImageRef}s whose {@code path} is the absolute source file (2D) or
 * slice folder (3D); decoding is the pipeline's job. A referenced image that does not exist is rejected as
 * {@code "image-missing"}.
 */
package org.radmd.scrapers;
