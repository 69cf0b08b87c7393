package org.radmd.core;

import java.util.Objects;

/**
 * Where a sample came from.
 *
 * @param origin the origin file relative to the input root (or a URL for harvested items)
 * @param originId the source's own id (PMCID, MedPix U_id, Radiopaedia rID)
 * @param doi DOI without the resolver prefix, or null
 * @param pmid PubMed id, or null
 * @param url canonical web address of the item, or null
 * @param parser the radmd reader that produced the sample (e.g. "JatsArticleReader")
 */
public record Provenance(String origin, String originId, String doi, String pmid, String url,
    String parser) {
  public Provenance {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(parser, "parser");
  }
}
