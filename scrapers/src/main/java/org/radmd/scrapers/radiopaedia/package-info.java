/**
 * Radiopaedia cases to RP3D samples (radfm-spec §1.3), from the layout written by the public
 * {@code prayge/radiopaedia-stack-scraper}: a case folder holding {@code case.json} ({@code citation},
 * {@code case_data} with {@code presentation} and {@code patient_data}, {@code containers} with per-study
 * {@code findings}) and one folder per study ({@code 0/}, {@code 1/}, ...) whose sub-folders are the series,
 * each a stack of {@code image-NNN.jpg} slices. Citation keys end in a colon at the origin
 * ({@code "rid:"}); both spellings are read.
 *
 * <p>Radiopaedia content is under a modified CC BY-NC-SA 3.0 licence (radiopaedia.org/licence) and, since
 * December 2024, AI-related use needs Radiopaedia's approval; see {@link
 * org.radmd.scrapers.radiopaedia.RadiopaediaLicence}.
 */
package org.radmd.scrapers.radiopaedia;
