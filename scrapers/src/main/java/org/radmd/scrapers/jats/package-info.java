/**
 * PubMed Central JATS articles to PMC-Inline samples (radfm-spec §1.1): one sample per figure, holding its
 * caption, the body sentences that cite it and its image file; and, for articles that present a case, to
 * PMC-CaseReport question/answer samples (radfm-spec §1.2) built with documented templates from the case
 * presentation ({@code sec} titled "Case report"/"Case presentation"/... or of a case {@code sec-type}), the
 * radiology figures' captions and citing sentences ({@code CaseReports}, {@link
 * org.radmd.scrapers.jats.CaseReportRow}).
 *
 * <p>Element and attribute names follow JATS 1.3 (ANSI/NISO Z39.96-2021, Archiving and Interchange and
 * Journal Publishing tag sets), which PMC {@code .nxml} files and Europe PMC full-text XML both use:
 * {@code article}, {@code front/article-meta/article-id[@pub-id-type]}, {@code title-group/article-title},
 * {@code journal-meta}, {@code pub-date}, {@code article-categories//subject}, {@code kwd-group/kwd},
 * {@code permissions} ({@code copyright-statement}, {@code license}, {@code license-p},
 * {@code ali:license_ref}), {@code body}, {@code back/ack}, {@code fig}, {@code fig-group}, {@code caption},
 * {@code label}, {@code graphic/@xlink:href} and {@code xref[@ref-type='fig']/@rid}.
 *
 * <p>XML is parsed with DTD loading, external entities and XInclude disabled ({@link
 * org.radmd.scrapers.jats.SecureXml}); the DOCTYPE that PMC files carry is never fetched.
 */
package org.radmd.scrapers.jats;
