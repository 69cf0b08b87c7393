package org.radmd.core;

import java.util.Objects;

/**
 * The licence under which a harvested sample may be used, recorded on every sample so that every output
 * row carries its terms.
 *
 * @param id short identifier, SPDX where one exists ("CC-BY-4.0", "CC-BY-NC-ND-4.0"), otherwise a
 *     descriptive id such as "Radiopaedia-CC-BY-NC-SA-3.0-modified" or {@link #UNKNOWN_ID}
 * @param url licence URL, or null
 * @param statement the licence or copyright text as the source states it, or null
 * @param attribution attribution the licence requires (e.g. "Case courtesy of A. Neto, Radiopaedia.org,
 *     rID 70432"), or null
 */
public record Licence(String id, String url, String statement, String attribution) {
  public static final String UNKNOWN_ID = "unknown";

  public Licence {
    Objects.requireNonNull(id, "id");
  }

  /** A licence the source does not state. */
  public static Licence unknown(String statement) {
    return new Licence(UNKNOWN_ID, null, statement, null);
  }
}
