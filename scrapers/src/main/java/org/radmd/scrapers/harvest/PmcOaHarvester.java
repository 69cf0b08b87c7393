package org.radmd.scrapers.harvest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.radmd.core.Json;
import org.xml.sax.SAXException;

/**
 * Harvests PubMed Central open-access packages: reads the OA web service listing (all pages, following {@code
 * resumption} links; {@link OaListing}), downloads each record's {@code tgz} package with the polite {@link
 * HttpFetcher}, checks it completely ({@link OaPackages#check}; a truncated gzip is refetched) and unpacks its
 * {@code .nxml} and images into {@code <out>/<PMCID>/}, the layout {@code radmd build --input <out>} reads with the
 * JATS reader.
 *
 * <p>Output folder layout:
 *
 * <ul>
 *   <li>{@code <PMCID>/} one folder per finished article;
 *   <li>{@code warc/radmd-*.warc.gz} every HTTP exchange of every run ({@link WarcArchive});
 *   <li>{@code .radmd-harvest/done.txt} the {@link Checkpoint} of finished PMC ids;
 *   <li>{@code .radmd-harvest/manifest.jsonl} one JSON line per finished article: {@code pmcid}, {@code url},
 *       {@code license} (as the listing states it), {@code nxml} (whether the package has an article {@code
 *       .nxml}), {@code warc}, {@code files} ({@code name}, {@code type}, {@code bytes});
 *   <li>{@code <PMCID>/<name>.pdf.txt} the text of each PDF of the package ({@link #pdfTextSidecars}), in place of
 *       the PDF;
 *   <li>{@code .radmd-harvest/tmp/} unpacking in progress (cleared at the start of a run).
 * </ul>
 *
 * <p>Resumability: an article is unpacked into {@code tmp/}, moved into place with one rename, and only then added
 * to the checkpoint. A run that is stopped (item limit, interrupt, kill) therefore leaves finished articles
 * finished and nothing half-written in place; the next run skips the finished ones without requesting their
 * packages again and fetches the rest. A folder that exists without a checkpoint entry (killed between rename and
 * checkpoint) is replaced.
 *
 * <p>{@code ftp://} package links (as the service gives them) are fetched over {@code https://} from the same host
 * and path (NCBI serves its FTP tree over HTTPS); relative links resolve against the listing page. Not
 * thread-safe: one run at a time per instance and output folder.
 */
public final class PmcOaHarvester {
  /** Default OA web service address. */
  public static final URI OA_SERVICE = URI.create("https://www.ncbi.nlm.nih.gov/pmc/utils/oa/oa.fcgi");
  /** The state folder inside the output folder. */
  public static final String STATE_DIR = ".radmd-harvest";
  /** The WARC folder inside the output folder. */
  public static final String WARC_DIR = "warc";
  private static final int MAX_PAGES = 100_000;

  /** Receives progress after each record; called on the harvesting thread. */
  @FunctionalInterface
  public interface Progress {
    /**
     * @param soFar the counts so far
     * @param current the PMC id just dealt with, or a listing page address
     */
    void update(HarvestReport soFar, String current);

    /** Ignores progress. */
    Progress NONE = (r, c) -> { };
  }

  private final HarvestConfig config;
  private final Path out;

  /**
   * @param config fetch settings
   * @param out the output folder (created when missing)
   */
  public PmcOaHarvester(HarvestConfig config, Path out) {
    this.config = Objects.requireNonNull(config, "config");
    this.out = out.toAbsolutePath().normalize();
  }

  /** The listing URL for a query string such as {@code "from=2024-01-01&format=tgz"} on {@code service}. */
  public static URI listingUri(URI service, String query) {
    String base = service.toString();
    if (query == null || query.isBlank()) {
      return service;
    }
    return URI.create(base + (base.contains("?") ? "&" : "?") + query.strip().replaceFirst("^\\?", ""));
  }

  /**
   * Runs one harvest.
   *
   * @param listing the first listing page (see {@link #listingUri})
   * @param maxItems stop after this many packages are fetched in this run ({@link Integer#MAX_VALUE} for no limit)
   * @param progress called after each record
   * @return the counts of this run
   * @throws IOException when the output folder, checkpoint or WARC file cannot be written
   * @throws InterruptedException when interrupted; finished articles stay checkpointed
   */
  public HarvestReport run(URI listing, int maxItems, Progress progress) throws IOException, InterruptedException {
    return run(f -> new Listings(List.of(listing), null), maxItems, progress);
  }

  /**
   * Runs one harvest of the articles an E-utilities search finds: the search runs first (through the same
   * fetcher, so with the same robots.txt, rate limits and WARC archive), then each PMC id's OA service record
   * ({@code <oaService>?id=<PMCID>}) is read and its package fetched as in {@link #run(URI, int, Progress)}.
   *
   * @param search the esearch client
   * @param term the Entrez query (e.g. {@link EutilsSearch#CASE_REPORTS})
   * @param oaService the OA web service address
   * @param maxItems stop after this many packages are fetched in this run; also the most ids asked of esearch
   * @param progress called after each record
   * @return the counts of this run; an esearch failure is a problem line and makes the run incomplete
   * @throws IOException when the output folder, checkpoint or WARC file cannot be written
   * @throws InterruptedException when interrupted; finished articles stay checkpointed
   */
  public HarvestReport runIds(EutilsSearch search, String term, URI oaService, int maxItems, Progress progress)
      throws IOException, InterruptedException {
    return run(f -> {
      EutilsSearch.Result r = search.search(f, term, maxItems);
      List<URI> pages = r.pmcids().stream().map(id -> listingUri(oaService, "id=" + id)).toList();
      return new Listings(pages, r.error());
    }, maxItems, progress);
  }

  /** The listing pages to read and a problem met while finding them (or null). */
  private record Listings(List<URI> firstPages, String problem) {}

  @FunctionalInterface
  private interface ListingSource {
    Listings find(HttpFetcher fetcher) throws InterruptedException;
  }

  private HarvestReport run(ListingSource source, int maxItems, Progress progress)
      throws IOException, InterruptedException {
    Path state = Files.createDirectories(out.resolve(STATE_DIR));
    clearTmp(state.resolve("tmp"));
    Checkpoint done = Checkpoint.open(state.resolve("done.txt"));
    Counts c = new Counts();
    try (WarcArchive warc = WarcArchive.create(out.resolve(WARC_DIR), config.userAgent())) {
      c.warc = warc.file();
      HttpFetcher fetcher = new HttpFetcher(config, warc);
      c.fetcher = fetcher;
      Listings listings = source.find(fetcher);
      boolean complete = listings.problem() == null;
      if (!complete) {
        c.problems.add("listing search: " + listings.problem());
      }
      listingLoop:
      for (URI listing : listings.firstPages()) {
        URI page = listing;
        int pages = 0;
        while (page != null && pages++ < MAX_PAGES) {
          FetchResult r = fetcher.fetch(page);
          progress.update(c.report(false), page.toString());
          if (!r.ok()) {
            c.problems.add("listing " + page + ": " + r.outcome() + " " + r.error());
            complete = false;
            break;
          }
          OaListing l;
          try {
            l = OaListing.parse(r.body(), page);
          } catch (SAXException e) {
            c.problems.add("listing " + page + " is not an OA service response: " + e.getMessage());
            complete = false;
            break;
          }
          if (l.errorCode() != null) {
            c.problems.add("listing " + page + ": service error " + l.errorCode() + ": " + l.errorMessage());
            complete = false;
            break;
          }
          for (OaListing.Record rec : l.records()) {
            if (c.fetched >= maxItems) {
              c.problems.add("stopped after " + maxItems + " fetched items (limit)");
              complete = false;
              break listingLoop;
            }
            c.listed++;
            harvest(rec, page, fetcher, done, state, c, warc.file());
            progress.update(c.report(false), rec.pmcid());
          }
          page = l.next();
        }
      }
      return c.report(complete);
    }
  }

  private void harvest(OaListing.Record rec, URI page, HttpFetcher fetcher, Checkpoint done, Path state, Counts c,
      Path warcFile) throws IOException, InterruptedException {
    if (rec.pmcid() == null || !rec.pmcid().matches("PMC\\d+") || rec.packageHref() == null) {
      c.withoutPackage++;
      return;
    }
    if (done.contains(rec.pmcid())) {
      c.skipped++;
      return;
    }
    URI pkg;
    try {
      pkg = packageUri(page, rec.packageHref());
    } catch (IllegalArgumentException e) {
      c.failed++;
      c.problems.add(rec.pmcid() + ": bad package link " + rec.packageHref());
      return;
    }
    FetchResult r = fetcher.fetch(pkg, OaPackages::check);
    switch (r.outcome()) {
      case DISALLOWED -> c.disallowed++;
      case FAILED -> {
        c.failed++;
        c.problems.add(rec.pmcid() + ": " + r.error());
      }
      case OK -> {
        List<OaPackages.Entry> entries = pdfTextSidecars(OaPackages.read(r.body()), rec.pmcid(), c.problems);
        Path tmp = state.resolve("tmp").resolve(rec.pmcid());
        OaPackages.write(entries, tmp);
        Path target = out.resolve(rec.pmcid());
        if (Files.exists(target)) {
          deleteTree(target);
        }
        move(tmp, target);
        manifest(state, rec, pkg, entries, warcFile);
        done.add(rec.pmcid());
        c.fetched++;
        c.fetchedIds.add(rec.pmcid());
      }
      default -> throw new IllegalStateException(r.outcome().toString());
    }
  }

  /**
   * Replaces every PDF of a package by a UTF-8 text sidecar {@code <name>.txt} ({@link PdfText}, default limits):
   * the text is what remains usable of a package whose {@code .nxml} is missing or unusable, and of supplementary
   * case PDFs; no reader consumes the sidecars yet (they are listed in the manifest). A PDF whose text cannot be
   * extracted is dropped with a problem line. Other entries are kept in order.
   */
  static List<OaPackages.Entry> pdfTextSidecars(List<OaPackages.Entry> entries, String pmcid, List<String> problems)
      throws InterruptedException {
    List<OaPackages.Entry> out = new ArrayList<>();
    for (OaPackages.Entry e : entries) {
      boolean pdf = "application/pdf".equals(e.mediaType()) || e.name().toLowerCase(Locale.ROOT).endsWith(".pdf");
      if (!pdf) {
        out.add(e);
        continue;
      }
      PdfText.Result t = PdfText.extract(e.bytes());
      if (t.ok()) {
        out.add(new OaPackages.Entry(e.name() + ".txt", t.text().getBytes(StandardCharsets.UTF_8), "text/plain"));
      } else {
        problems.add(pmcid + ": no text from " + e.name() + ": " + t.error());
      }
    }
    return out;
  }

  /** The package address: {@code ftp://host/path} becomes {@code https://host/path}; relative links resolve. */
  static URI packageUri(URI page, String href) {
    URI u = page.resolve(href.strip());
    if ("ftp".equalsIgnoreCase(u.getScheme())) {
      try {
        return new URI("https", u.getAuthority(), u.getPath(), u.getQuery(), u.getFragment());
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(e);
      }
    }
    return u;
  }

  private void manifest(Path state, OaListing.Record rec, URI pkg, List<OaPackages.Entry> entries, Path warc)
      throws IOException {
    ObjectNode line = Json.mapper().createObjectNode();
    line.put("pmcid", rec.pmcid());
    line.put("url", pkg.toString());
    line.put("license", rec.license());
    line.put("nxml", entries.stream().anyMatch(e -> e.name().toLowerCase(Locale.ROOT).endsWith(".nxml")));
    line.put("warc", out.relativize(warc).toString().replace('\\', '/'));
    ArrayNode files = line.putArray("files");
    for (OaPackages.Entry e : entries) {
      files.addObject().put("name", e.name()).put("type", e.mediaType()).put("bytes", e.bytes().length);
    }
    Files.writeString(state.resolve("manifest.jsonl"), Json.mapper().writeValueAsString(line) + "\n",
        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void clearTmp(Path tmp) throws IOException {
    if (Files.exists(tmp)) {
      deleteTree(tmp);
    }
    Files.createDirectories(tmp);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Mutable counts of a run; confined to the harvesting thread. */
  private static final class Counts {
    int listed;
    int fetched;
    int skipped;
    int failed;
    int disallowed;
    int withoutPackage;
    final List<String> fetchedIds = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    Path warc;
    HttpFetcher fetcher;

    HarvestReport report(boolean complete) {
      return new HarvestReport(listed, fetched, skipped, failed, disallowed, withoutPackage,
          fetcher == null ? 0 : fetcher.requestsSent(), fetchedIds, problems, complete, warc);
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "PmcOaHarvester[out=%s, rate=%.2f/s]", out, config.requestsPerSecond());
  }
}
