package org.radmd.scrapers.harvest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.radmd.core.Json;
import org.radmd.scrapers.medpix.MedPixCasePage;
import org.radmd.scrapers.radiopaedia.RadiopaediaCasePage;

/**
 * Harvests case pages of Radiopaedia or MedPix and their images with the polite {@link HttpFetcher} (robots.txt,
 * per-host rate, retries with {@code Retry-After}, every exchange archived as WARC), into the folder layouts the
 * offline readers take:
 *
 * <ul>
 *   <li>{@link Site#RADIOPAEDIA}: {@code <out>/rID-<rid>_<slug>/case.json} ({@link
 *       RadiopaediaCasePage.Page#toCaseJson}) and {@code <out>/rID-<rid>_<slug>/<N>/<series>/image-NNN.<ext>}
 *       (N = study number from 0, NNN = slice number from 1, ext from the detected image type), read by {@code
 *       RadiopaediaCaseReader};
 *   <li>{@link Site#MEDPIX}: {@code <out>/<U_id>/data_web.jsonl}, {@code descriptions_web.jsonl} ({@link
 *       MedPixCasePage.Page#dataRecord}, {@link MedPixCasePage.Page#descriptionRecords}) and {@code
 *       images/<image>.png} (non-PNG images are re-encoded losslessly as PNG), read by {@code MedPixReader}.
 * </ul>
 *
 * <p>Case pages come from a seed list and/or from search result pages: every {@code a[href]} of a result page
 * that is a case link ({@code /cases/...} for Radiopaedia, {@code id=MPXnnn} for MedPix) on the site's host, and
 * {@code a[rel=next]} followed to further result pages. State as for {@link PmcOaHarvester}: {@code warc/},
 * {@code .radmd-harvest/done.txt} (the {@link Checkpoint} of finished page URLs), {@code .radmd-harvest/tmp/};
 * a case is written into {@code tmp/}, moved into place with one rename, and then checkpointed.
 *
 * <p>A page that robots.txt disallows is counted as disallowed; a page that is not a case page (parser reject) or
 * whose images cannot all be fetched is counted as failed (retried next run) with a problem line; an image that
 * robots.txt disallows is left out with a problem line. Not thread-safe: one run at a time per output folder.
 */
public final class CaseSiteHarvester {
  /** The case sites. */
  public enum Site {
    /** radiopaedia.org case pages. */
    RADIOPAEDIA,
    /** MedPix case pages. */
    MEDPIX;

    /** Parses "radiopaedia" or "medpix" (any case). */
    public static Site of(String name) {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }
  }

  private static final int MAX_SEARCH_PAGES = 1_000;

  private final Site site;
  private final HarvestConfig config;
  private final Path out;

  /**
   * @param site which site's pages are harvested
   * @param config fetch settings
   * @param out the output folder (created when missing)
   */
  public CaseSiteHarvester(Site site, HarvestConfig config, Path out) {
    this.site = Objects.requireNonNull(site, "site");
    this.config = Objects.requireNonNull(config, "config");
    this.out = out.toAbsolutePath().normalize();
  }

  /**
   * The search page address for {@code query} on {@code base}: {@code <base>/search?q=<query>&scope=cases} for
   * Radiopaedia, {@code <base>/search?query=<query>&type=case} for MedPix (query URL-encoded).
   */
  public static URI searchUri(Site site, URI base, String query) {
    String q = URLEncoder.encode(query.strip(), StandardCharsets.UTF_8);
    String b = base.toString().replaceFirst("/+$", "");
    return URI.create(site == Site.RADIOPAEDIA ? b + "/search?q=" + q + "&scope=cases"
        : b + "/search?query=" + q + "&type=case");
  }

  /**
   * Reads a seed file: one case page URL per line, blank lines and lines starting with {@code #} ignored,
   * relative URLs resolved against {@code base}.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException for a line that is not a URI
   */
  public static List<URI> readSeeds(Path file, URI base) throws IOException {
    List<URI> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String s = line.strip();
      if (!s.isEmpty() && !s.startsWith("#")) {
        URI u = URI.create(s);
        out.add(u.isAbsolute() || base == null ? u : base.resolve(u));
      }
    }
    return out;
  }

  /**
   * Runs one harvest.
   *
   * @param seeds case page URLs (may be empty)
   * @param search the first search result page, or null
   * @param maxItems stop after this many cases are fetched in this run
   * @param progress called after each page
   * @return the counts of this run ({@code listed} = case pages seen)
   * @throws IOException when the output folder, checkpoint or WARC file cannot be written
   * @throws InterruptedException when interrupted; finished cases stay checkpointed
   */
  public HarvestReport run(List<URI> seeds, URI search, int maxItems, PmcOaHarvester.Progress progress)
      throws IOException, InterruptedException {
    Path state = Files.createDirectories(out.resolve(PmcOaHarvester.STATE_DIR));
    Path tmpRoot = state.resolve("tmp");
    if (Files.exists(tmpRoot)) {
      deleteTree(tmpRoot);
    }
    Files.createDirectories(tmpRoot);
    Checkpoint done = Checkpoint.open(state.resolve("done.txt"));
    int listed = 0;
    int fetched = 0;
    int skipped = 0;
    int failed = 0;
    int disallowed = 0;
    List<String> ids = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    boolean complete = true;
    try (WarcArchive warc = WarcArchive.create(out.resolve(PmcOaHarvester.WARC_DIR), config.userAgent())) {
      HttpFetcher fetcher = new HttpFetcher(config, warc);
      LinkedHashSet<URI> pages = new LinkedHashSet<>(seeds);
      URI next = search;
      int searchPages = 0;
      while (next != null && searchPages++ < MAX_SEARCH_PAGES) {
        FetchResult r = fetcher.fetch(next);
        if (!r.ok()) {
          problems.add("search " + next + ": " + r.outcome() + " " + r.error());
          complete = false;
          break;
        }
        Document doc = Jsoup.parse(new String(r.body(), StandardCharsets.UTF_8), next.toString());
        for (Element a : doc.select("a[href]")) {
          URI u = caseLink(a.absUrl("href"), next);
          if (u != null) {
            pages.add(u);
          }
        }
        Element n = doc.selectFirst("a[rel=next][href]");
        next = n == null ? null : URI.create(n.absUrl("href"));
      }
      for (URI page : pages) {
        if (fetched >= maxItems) {
          problems.add("stopped after " + maxItems + " fetched items (limit)");
          complete = false;
          break;
        }
        listed++;
        String key = page.toString();
        if (done.contains(key)) {
          skipped++;
        } else {
          Path tmp = tmpRoot.resolve("case-" + listed);
          String outcome = harvestCase(page, fetcher, tmp, problems);
          switch (outcome) {
            case "disallowed" -> disallowed++;
            case "failed" -> failed++;
            default -> {
              Path target = out.resolve(outcome);
              if (Files.exists(target)) {
                deleteTree(target);
              }
              move(tmp, target);
              done.add(key);
              fetched++;
              ids.add(outcome);
            }
          }
        }
        progress.update(new HarvestReport(listed, fetched, skipped, failed, disallowed, 0,
            fetcher.requestsSent(), ids, problems, false, warc.file()), page.toString());
      }
      return new HarvestReport(listed, fetched, skipped, failed, disallowed, 0, fetcher.requestsSent(), ids,
          problems, complete, warc.file());
    }
  }

  /** A case page URL on the search page's host, without fragment; else null. */
  private URI caseLink(String href, URI searchPage) {
    if (href == null || href.isEmpty()) {
      return null;
    }
    URI u;
    try {
      u = URI.create(href.replaceFirst("#.*$", ""));
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (u.getHost() == null || !u.getHost().equalsIgnoreCase(searchPage.getHost()) || u.getPath() == null) {
      return null;
    }
    boolean isCase = site == Site.RADIOPAEDIA ? u.getPath().matches(".*/cases/[^/]+/?")
        : u.getRawQuery() != null && u.getRawQuery().matches("(.*&)?id=MPX\\d+(&.*)?");
    return isCase ? u : null;
  }

  /** Fetches and writes one case into {@code tmp}; the case folder name, or "disallowed" / "failed". */
  private String harvestCase(URI page, HttpFetcher fetcher, Path tmp, List<String> problems)
      throws IOException, InterruptedException {
    FetchResult r = fetcher.fetch(page);
    if (r.outcome() == FetchResult.Outcome.DISALLOWED) {
      return "disallowed";
    }
    if (!r.ok()) {
      problems.add(page + ": " + r.error());
      return "failed";
    }
    String html = new String(r.body(), StandardCharsets.UTF_8);
    return site == Site.RADIOPAEDIA ? radiopaedia(page, html, fetcher, tmp, problems)
        : medpix(page, html, fetcher, tmp, problems);
  }

  private String radiopaedia(URI page, String html, HttpFetcher fetcher, Path tmp, List<String> problems)
      throws IOException, InterruptedException {
    RadiopaediaCasePage.Result parsed = RadiopaediaCasePage.parse(html, page);
    if (!parsed.ok()) {
      problems.add(page + ": " + parsed.rejectReason() + ": " + parsed.message());
      return "failed";
    }
    RadiopaediaCasePage.Page p = parsed.page();
    Files.createDirectories(tmp);
    for (RadiopaediaCasePage.Study s : p.studies()) {
      for (RadiopaediaCasePage.Series se : s.series()) {
        Path dir = tmp.resolve(String.valueOf(s.number())).resolve(safe(se.folder()));
        int slice = 0;
        for (URI img : se.imageUrls()) {
          FetchResult ir = fetcher.fetch(img);
          if (ir.outcome() == FetchResult.Outcome.DISALLOWED) {
            problems.add(page + ": image " + img + " disallowed by robots.txt (left out)");
            continue;
          }
          if (!ir.ok()) {
            problems.add(page + ": image " + img + ": " + ir.error());
            return "failed";
          }
          Files.createDirectories(dir);
          Files.write(dir.resolve(String.format(Locale.ROOT, "image-%03d.%s", ++slice, extension(ir))),
              ir.body());
        }
      }
    }
    Files.writeString(tmp.resolve("case.json"),
        Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(p.toCaseJson()), StandardCharsets.UTF_8);
    return p.folderName();
  }

  private String medpix(URI page, String html, HttpFetcher fetcher, Path tmp, List<String> problems)
      throws IOException, InterruptedException {
    MedPixCasePage.Result parsed = MedPixCasePage.parse(html, page);
    if (!parsed.ok()) {
      problems.add(page + ": " + parsed.rejectReason() + ": " + parsed.message());
      return "failed";
    }
    MedPixCasePage.Page p = parsed.page();
    Path images = Files.createDirectories(tmp.resolve("images"));
    for (MedPixCasePage.Image i : p.images()) {
      if (i.url() == null) {
        problems.add(page + ": image " + i.name() + " has no URL (left out)");
        continue;
      }
      FetchResult ir = fetcher.fetch(i.url());
      if (ir.outcome() == FetchResult.Outcome.DISALLOWED) {
        problems.add(page + ": image " + i.url() + " disallowed by robots.txt (left out)");
        continue;
      }
      if (!ir.ok()) {
        problems.add(page + ": image " + i.url() + ": " + ir.error());
        return "failed";
      }
      byte[] png = toPng(ir);
      if (png == null) {
        problems.add(page + ": image " + i.url() + " is not a readable image (" + ir.mediaType() + "; left out)");
        continue;
      }
      Files.write(images.resolve(i.name() + ".png"), png);
    }
    Files.writeString(tmp.resolve("data_web.jsonl"),
        Json.mapper().writeValueAsString(p.dataRecord()) + "\n", StandardCharsets.UTF_8);
    StringBuilder d = new StringBuilder();
    for (ObjectNode o : p.descriptionRecords()) {
      d.append(Json.mapper().writeValueAsString(o)).append('\n');
    }
    Files.writeString(tmp.resolve("descriptions_web.jsonl"), d.toString(), StandardCharsets.UTF_8);
    return p.uid();
  }

  /** The PNG bytes of a fetched image: the body when it is PNG, else decoded and re-encoded; null if unreadable. */
  static byte[] toPng(FetchResult r) throws IOException {
    if ("image/png".equals(r.mediaType())) {
      return r.body();
    }
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
    if (img == null) {
      return null;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(img, "png", bytes);
    return bytes.toByteArray();
  }

  private static String extension(FetchResult r) {
    String t = r.mediaType() == null ? "" : r.mediaType();
    return switch (t) {
      case "image/png" -> "png";
      case "image/gif" -> "gif";
      case "image/webp" -> "webp";
      case "image/bmp" -> "bmp";
      case "image/tiff" -> "tif";
      case "application/dicom" -> "dcm";
      default -> "jpg";
    };
  }

  /** A folder name without path separators or leading dots. */
  private static String safe(String name) {
    String s = name.replaceAll("[/\\\\\\x00]", "-").replaceFirst("^\\.+", "");
    return s.isEmpty() ? "series" : s;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
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
}
