/**
 * Polite, resumable, archived harvesting of fresh source data.
 *
 * <ul>
 *   <li>{@link org.radmd.scrapers.harvest.HttpFetcher}: HTTP GET with robots.txt per RFC 9309 (crawler-commons;
 *       {@code RobotsPolicy}), per-host {@link org.radmd.scrapers.harvest.TokenBucket} politeness (default 3
 *       requests/s, NCBI's limit without an API key), retries with exponential backoff and jitter on 429 / 5xx /
 *       timeouts / unusable bodies, {@code Retry-After} honoured (RFC 9110 §10.2.3), and every response archived
 *       ({@link org.radmd.scrapers.harvest.WarcArchive}, WARC 1.1 = ISO 28500:2017, via jwarc);
 *   <li>{@link org.radmd.scrapers.harvest.TypeDetector}: media type of fetched bytes (DICOM by its {@code DICM}
 *       magic, then Apache Tika);
 *   <li>{@link org.radmd.scrapers.harvest.Checkpoint}: finished item keys, persisted atomically;
 *   <li>{@link org.radmd.scrapers.harvest.PmcOaHarvester}: the PMC OA web service listing ({@link
 *       org.radmd.scrapers.harvest.OaListing}) and package download and unpacking ({@link
 *       org.radmd.scrapers.harvest.OaPackages}) into a folder that {@code radmd build --input} reads; PDFs of a
 *       package become text sidecars ({@link org.radmd.scrapers.harvest.PdfText}, Apache Tika);
 *   <li>{@link org.radmd.scrapers.harvest.EutilsSearch}: NCBI E-utilities {@code esearch} (db=pmc, history server,
 *       paged; API key raises the rate from 3 to 10 requests/s) whose PMC ids feed {@code PmcOaHarvester#runIds};
 *   <li>{@link org.radmd.scrapers.harvest.CaseSiteHarvester}: Radiopaedia and MedPix case pages (seeds or search
 *       result pages) and their images, parsed with jsoup ({@code RadiopaediaCasePage}, {@code MedPixCasePage})
 *       into the folder layouts the offline readers take.
 * </ul>
 *
 * <p>Units: rates in requests/s, times in ms (configuration) or ns (clocks), sizes in bytes. All network access
 * goes through {@link java.net.http.HttpClient}; tests run against a loopback server only.
 */
package org.radmd.scrapers.harvest;
