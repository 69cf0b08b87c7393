package org.radmd.scrapers.roco;

import java.util.List;

/**
 * One ROCO figure as its four side files describe it. Strings are whitespace-collapsed; null when the file
 * has no entry for the id.
 *
 * @param rocoId the ROCO id, e.g. {@code "ROCO_00001"}
 * @param caption the caption ({@code captions.txt})
 * @param packageUrl the PMC OA package the figure comes from ({@code dlinks.txt}, third word of the wget
 *     command), e.g. {@code ftp://ftp.ncbi.nlm.nih.gov/pub/pmc/oa_package/8d/34/PMC4608653.tar.gz}
 * @param imageName the figure's file name inside the package ({@code dlinks.txt}, last column)
 * @param pmcid the article's PMC id: from {@code licences.txt} ({@code PMC_ID} column, up to the first
 *     {@code '_'}), else from the package file name
 * @param licenceCode the {@code CC} column of {@code licences.txt} as written (e.g. {@code "CC BY-NC"},
 *     {@code "NO-CC CODE"})
 * @param keywords the keywords of {@code keywords.txt}, in file order, blanks dropped; never null
 */
public record RocoItem(String rocoId, String caption, String packageUrl, String imageName, String pmcid,
    String licenceCode, List<String> keywords) {
  public RocoItem {
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
  }

  /**
   * The image's file name as ROCO's {@code scripts/fetch.py} stores it in the {@code images/} folder beside
   * {@code dlinks.txt}: {@code <pmcid>_<imageName>}; null when either part is unknown.
   */
  public String localImageName() {
    return pmcid == null || imageName == null ? null : pmcid + "_" + imageName;
  }
}
