package org.radmd.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
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
 * Only {@code --source pmc} (PMC OA web service listing + tar.gz packages, {@link PmcOaHarvester}) is implemented.
 * A progress line (counts so far and the current item) is rewritten in place on stderr. Exit codes: 0 when every
 * listed item is finished or skipped (an item limit is not a failure), 1 when items failed or the listing could
 * not be read (rerun to retry just those), 2 for usage errors.
 */
@Command(name = "harvest", mixinStandardHelpOptions = true,
    description = "Harvest open-access articles (robots.txt honoured, rate-limited, retried, archived as WARC, "
        + "resumable) into --out, ready for radmd build --input.")
final class HarvestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--source", required = true, description = "pmc (radiopaedia and medpix are not implemented).")
  String source;

  @Option(names = "--base-url", description = "OA web service address (default: ${DEFAULT-VALUE}).",
      defaultValue = "https://www.ncbi.nlm.nih.gov/pmc/utils/oa/oa.fcgi")
  URI baseUrl;

  @Option(names = "--query", required = true,
      description = "OA service query, e.g. 'from=2024-01-01&until=2024-01-02&format=tgz' or 'id=PMC3003633'.")
  String query;

  @Option(names = "--out", required = true, description = "Output folder (packages, warc/, .radmd-harvest/).")
  Path out;

  @Option(names = "--rate", defaultValue = "3", description = "Requests/s per host (default ${DEFAULT-VALUE}, NCBI's "
      + "limit without an API key).")
  double rate;

  @Option(names = "--max", defaultValue = "2147483647", description = "Stop after N packages fetched in this run.")
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
    if (!source.toLowerCase(Locale.ROOT).equals("pmc")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--source " + source + " is not implemented; only pmc is");
    }
    if (!(rate > 0) || max < 1 || attempts < 1 || timeoutMs < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--rate, --max, --attempts and --timeout-ms must be positive");
    }
    HarvestConfig config = HarvestConfig.defaults().withRate(rate).withRequestTimeout(timeoutMs);
    config = config.withRetries(attempts, config.initialBackoffMs(), config.maxBackoffMs());
    if (userAgent != null) {
      config = config.withUserAgent(userAgent);
    }
    PrintWriter err = spec.commandLine().getErr();
    URI listing = PmcOaHarvester.listingUri(baseUrl, query);
    HarvestReport r = new PmcOaHarvester(config, out).run(listing, max, (soFar, current) -> {
      err.print("\rradmd harvest: " + soFar.summary() + " [" + shorten(current) + "]\u001B[K");
      err.flush();
    });
    err.println();
    err.println("radmd harvest: " + r.summary() + ", " + r.requests() + " requests -> " + out.toAbsolutePath());
    err.println("  warc: " + r.warc());
    r.problems().forEach(p -> err.println("  " + p));
    err.flush();
    boolean listingFailed = r.problems().stream().anyMatch(p -> p.startsWith("listing "));
    return r.failed() > 0 || listingFailed ? 1 : 0;
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : "..." + s.substring(s.length() - 57);
  }
}
