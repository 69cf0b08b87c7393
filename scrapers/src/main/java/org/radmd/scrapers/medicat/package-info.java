/**
 * MedICaT (Subramanian et al., Findings of EMNLP 2020; allenai/medicat) figure records (JSON Lines) with their
 * {@code figures/<pdf_hash>_<fig_uri>} images to MedICaT samples: caption, inline references (the paper's citing
 * sentences), MedICaT's {@code radiology} label and the Unpaywall OA licence of the paper.
 */
package org.radmd.scrapers.medicat;
