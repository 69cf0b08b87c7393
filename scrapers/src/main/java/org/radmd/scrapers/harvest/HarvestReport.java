package org.radmd.scrapers.harvest;

import java.nio.file.Path;
import java.util.List;

/**
 * What one harvest run did. Immutable.
 *
 * @param listed records seen in the listing (all pages read)
 * @param fetched packages downloaded, checked and unpacked in this run
 * @param skipped records already finished in an earlier run (checkpoint)
 * @param failed records whose package could not be fetched or unpacked (retried next run)
 * @param disallowed records whose package URL robots.txt disallows (never requested)
 * @param withoutPackage records with no {@code tgz} link, or an unusable id
 * @param requests HTTP requests sent (listing, robots.txt, packages, retries)
 * @param fetchedIds ids fetched in this run, in order
 * @param problems one line per failure, listing error or stop reason
 * @param complete true when every listing page was read and every record dealt with (no item limit hit, no
 *     listing failure)
 * @param warc the WARC file of this run
 */
public record HarvestReport(int listed, int fetched, int skipped, int failed, int disallowed, int withoutPackage,
    long requests, List<String> fetchedIds, List<String> problems, boolean complete, Path warc) {
  public HarvestReport {
    fetchedIds = fetchedIds == null ? List.of() : List.copyOf(fetchedIds);
    problems = problems == null ? List.of() : List.copyOf(problems);
  }

  /** A one-line summary, e.g. {@code "12 listed, 3 fetched, 8 skipped, 1 failed, 0 disallowed"}. */
  public String summary() {
    return listed + " listed, " + fetched + " fetched, " + skipped + " skipped, " + failed + " failed, " + disallowed
        + " disallowed" + (withoutPackage > 0 ? ", " + withoutPackage + " without package" : "");
  }
}
