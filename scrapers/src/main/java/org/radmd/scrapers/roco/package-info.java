/**
 * ROCO (Radiology Objects in COntext; Pelka et al., LABELS/CVII-STENT 2018; razorx89/roco-dataset) folders to
 * ROCO samples: {@code captions.txt}, {@code dlinks.txt}, {@code keywords.txt} and {@code licences.txt} of one
 * split folder, with the images that ROCO's {@code scripts/fetch.py} places in {@code images/}. ROCO ships links
 * only; an item whose image is not local is an {@code image-not-local} reject naming its PMC OA package.
 */
package org.radmd.scrapers.roco;
