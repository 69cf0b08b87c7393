package org.radmd.scrapers.radiopaedia;

import org.radmd.core.Licence;

/** The licence of a Radiopaedia case (see shared/corpus/PROVENANCE.md, "radiopaedia/"). Thread-safe. */
final class RadiopaediaLicence {
  static final String ID = "Radiopaedia-CC-BY-NC-SA-3.0-modified";
  static final String URL = "https://radiopaedia.org/licence";
  static final String STATEMENT = "Radiopaedia.org licenses its content under a modified Creative Commons "
      + "Attribution-NonCommercial-ShareAlike 3.0 Unported licence (radiopaedia.org/licence): attribution to the "
      + "case contributor with a link, non-commercial use only, share-alike. Since 6 Dec 2024 Radiopaedia requires "
      + "an application and approval for non-commercial AI-related use (training or evaluating models); check "
      + "radiopaedia.org/licence before any ML use.";

  private RadiopaediaLicence() {}

  /** The licence with attribution "Case courtesy of {author}, Radiopaedia.org, rID {rid}". */
  static Licence of(String author, String rid) {
    String who = author == null ? "the contributor" : author;
    return new Licence(ID, URL, STATEMENT, "Case courtesy of " + who + ", Radiopaedia.org, rID " + rid);
  }
}
