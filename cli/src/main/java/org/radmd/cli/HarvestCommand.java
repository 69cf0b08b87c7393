package org.radmd.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radmd.scrapers.harvest.CaseSiteHarvester;
import org.radmd.scrapers.harvest.EutilsSearch;
import org.radmd.scrapers.harvest.HarvestConfig;
import org.radmd.scrapers.harvest.HarvestReport;
import org.radmd.scrapers.harvest.PmcOaHarvester;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code radmd harvest}: fetches fresh source data politely into a folder that {@code radmd build --input} reads.
 * Sources: {@code pmc} (PMC OA web service listing + tar.gz packages, {@link PmcOaHarvester}; the listing is an OA
 * service query ({@code --query}) or the PMC ids an E-utilities search finds ({@code --esearch}, {@link
 * EutilsSearch})), {@code radiopaedia} and {@code medpix} (case pages and their images, {@link CaseSiteHarvester};
 * pages from {@code --seeds} and/or the site search for {@code --query}). A progress line (counts so far and the
 * current item) is rewritten in place on stderr. Exit codes: 0 when every listed item is finished or skipped (an
 * item limit is not a failure), 1 when items failed or the listing/search could not be read (rerun to retry just
 * those), 2 for usage errors.
 */
@Command(name = "harvest", mixinStandardHelpOptions = true,
    description = "Harvest open-access articles or case pages (robots.txt honoured, rate-limited, retried, archived "
        + "as WARC, resumable) into --out, ready for radmd build --input.")
final class HarvestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--source", required = true, description = "pmc, radiopaedia or medpix.")
  String source;

  @Option(names = "--base-url", description = "pmc: OA web service address (default "
      + "https://www.ncbi.nlm.nih.gov/pmc/utils/oa/oa.fcgi); radiopaedia / medpix: the site address that "
      + "--query searches and relative --seeds resolve against (default https://radiopaedia.org, "
      + "https://medpix.nlm.nih.gov).")
  URI baseUrl;

  @Option(names = "--query", description = "pmc: OA service query, e.g. 'from=2024-01-01&until=2024-01-02&format=tgz'"
      + " or 'id=PMC3003633'; radiopaedia / medpix: search words whose result pages list case pages.")
  String query;

  @Option(names = "--esearch", description = "pmc: an Entrez query for E-utilities esearch (db=pmc) instead of "
      + "--query, e.g. '\"case reports\"[Publication Type] AND open access[filter] AND (radiograph* OR CT OR MRI)'.")
  String esearch;

  @Option(names = "--eutils-url", defaultValue = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/",
      description = "E-utilities base address (default ${DEFAULT-VALUE}).")
  URI eutilsUrl;

  @Option(names = "--api-key", description = "NCBI API key (default: $NCBI_API_KEY); raises the E-utilities rate "
      + "from 3 to 10 requests/s.")
  String apiKey;

  @Option(names = "--seeds", description = "radiopaedia / medpix: a file of case page URLs, one per line.")
  Path seeds;

  @Option(names = "--out", required = true, description = "Output folder (cases, warc/, .radmd-harvest/).")
  Path out;

  @Option(names = "--rate", defaultValue = "3", description = "Requests/s per host (default ${DEFAULT-VALUE}, NCBI's "
      + "limit without an API key).")
  double rate;

  @Option(names = "--max", defaultValue = "2147483647", description = "Stop after N items fetched in this run.")
  int max;

  @Option(names = "--attempts", defaultValue = "5", description = "Attempts per URL (default ${DEFAULT-VALUE}).")
  int attempts;

  @Option(names = "--timeout-ms", defaultValue = "60000", description = "Per-request limit, ms (default "
      + "${DEFAULT-VALUE}).")
  long timeoutMs;

  @Option(names = "--user-agent", description = "User-Agent header (default: radmd-harvest/0.1 ...).")
  String userAgent;

  @Override
  public Integer call() throws Exception {
    String src = source.toLowerCase(Locale.ROOT);
    if (!src.equals("pmc") && !src.equals("radiopaedia") && !src.equals("medpix")) {
      throw usage("--source " + source + " is not one of pmc, radiopaedia, medpix");
    }
    if (!(rate > 0) || max < 1 || attempts < 1 || timeoutMs < 1) {
      throw usage("--rate, --max, --attempts and --timeout-ms must be positive");
    }
    HarvestConfig config = HarvestConfig.defaults().withRate(rate).withRequestTimeout(timeoutMs);
    config = config.withRetries(attempts, config.initialBackoffMs(), config.maxBackoffMs());
    if (userAgent != null) {
      config = config.withUserAgent(userAgent);
    }
    PrintWriter err = spec.commandLine().getErr();
    PmcOaHarvester.Progress progress = (soFar, current) -> {
      err.print("\rradmd harvest: " + soFar.summary() + " [" + shorten(current) + "]\u001B[K");
      err.flush();
    };
    HarvestReport r;
    if (src.equals("pmc")) {
      if ((query == null) == (esearch == null) || seeds != null) {
        throw usage("--source pmc takes exactly one of --query and --esearch (and no --seeds)");
      }
      URI service = baseUrl != null ? baseUrl : PmcOaHarvester.OA_SERVICE;
      if (esearch != null) {
        String key = apiKey != null ? apiKey : System.getenv("NCBI_API_KEY");
        EutilsSearch search = new EutilsSearch(eutilsUrl, key, 500);
        r = new PmcOaHarvester(search.config(config), out).runIds(search, esearch, service, max, progress);
      } else {
        r = new PmcOaHarvester(config, out).run(PmcOaHarvester.listingUri(service, query), max, progress);
      }
    } else {
      if (seeds == null && query == null) {
        throw usage("--source " + src + " needs --seeds FILE and/or --query WORDS");
      }
      if (esearch != null) {
        throw usage("--esearch is for --source pmc");
      }
      CaseSiteHarvester.Site site = CaseSiteHarvester.Site.of(src);
      URI base = baseUrl != null ? baseUrl
          : URI.create(site == CaseSiteHarvester.Site.RADIOPAEDIA ? "https://radiopaedia.org/"
              : "https://medpix.nlm.nih.gov/");
      List<URI> pages = seeds == null ? List.of() : CaseSiteHarvester.readSeeds(seeds, base);
      URI search = query == null ? null : CaseSiteHarvester.searchUri(site, base, query);
      r = new CaseSiteHarvester(site, config, out).run(pages, search, max, progress);
    }
    err.println();
    err.println("radmd harvest: " + r.summary() + ", " + r.requests() + " requests -> " + out.toAbsolutePath());
    err.println("  warc: " + r.warc());
    r.problems().forEach(p -> err.println("  " + p));
    err.flush();
    boolean listingFailed = r.problems().stream().anyMatch(p -> p.startsWith("listing ") || p.startsWith("search "));
    return r.failed() > 0 || listingFailed ? 1 : 0;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : "..." + s.substring(s.length() - 57);
  }
}
