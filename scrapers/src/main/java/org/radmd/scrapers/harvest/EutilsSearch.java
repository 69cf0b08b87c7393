package org.radmd.scrapers.harvest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.radmd.scrapers.jats.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * An NCBI E-utilities {@code esearch} client for PMC ({@code db=pmc}): finds the PMC ids of articles matching an
 * Entrez query (e.g. {@value #CASE_REPORTS}) so that their OA packages can be fetched ({@link
 * PmcOaHarvester#runIds}).
 *
 * <p>Requests: {@code <base>/esearch.fcgi?db=pmc&term=<term>&usehistory=y&retmax=<page>&retstart=<k>} and, when
 * an API key is given, {@code &api_key=<key>}; after the first page the history server's {@code WebEnv} and
 * {@code query_key} are sent along so that all pages come from the same result set. Pages are requested until
 * {@code Count} ids (or the caller's limit) are read. Responses ({@code <eSearchResult><Count/><RetMax/>
 * <RetStart/><QueryKey/><WebEnv/><IdList><Id>123</Id>...</IdList></eSearchResult>}, or {@code <ERROR>}) are parsed
 * with {@link SecureXml}. PMC's esearch ids are the numeric part of the PMCID; they are returned as {@code
 * PMC<id>}.
 *
 * <p>Rate: NCBI allows 3 requests/s without an API key and 10 requests/s with one (E-utilities usage guidelines);
 * {@link #config} sets the E-utilities host's rate accordingly. All requests go through the caller's {@link
 * HttpFetcher} (robots.txt, politeness, retries, WARC). Immutable and thread-safe.
 */
public final class EutilsSearch {
  /** The E-utilities base address. */
  public static final URI EUTILS = URI.create("https://eutils.ncbi.nlm.nih.gov/entrez/eutils/");
  /** A query for open-access radiology case reports. */
  public static final String CASE_REPORTS =
      "\"case reports\"[Publication Type] AND open access[filter] AND (radiograph* OR CT OR MRI)";
  /** NCBI's limit with an API key, requests/s. */
  public static final double NCBI_API_KEY_RATE = 10.0;
  /** The largest {@code retmax} esearch accepts. */
  public static final int MAX_RETMAX = 10_000;

  private final URI base;
  private final String apiKey;
  private final int pageSize;

  /** The result of a search. */
  public record Result(int count, List<String> pmcids, String error) {
    public Result {
      pmcids = List.copyOf(pmcids);
    }
  }

  /**
   * @param base the E-utilities base address (ending in {@code /}; e.g. {@link #EUTILS})
   * @param apiKey the NCBI API key, or null
   * @param pageSize ids per request, 1 to {@value #MAX_RETMAX}
   * @throws IllegalArgumentException for a page size out of range
   */
  public EutilsSearch(URI base, String apiKey, int pageSize) {
    this.base = Objects.requireNonNull(base, "base");
    this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    if (pageSize < 1 || pageSize > MAX_RETMAX) {
      throw new IllegalArgumentException("pageSize must be 1.." + MAX_RETMAX + ": " + pageSize);
    }
    this.pageSize = pageSize;
  }

  /** {@code config} with the E-utilities host at 10 requests/s when an API key is set, else unchanged (3/s). */
  public HarvestConfig config(HarvestConfig config) {
    return apiKey == null ? config : config.withHostRate(base.getHost(), NCBI_API_KEY_RATE);
  }

  /** The esearch address of one page. */
  URI pageUri(String term, int retstart, String webEnv, String queryKey) {
    StringBuilder q = new StringBuilder(base.toString().replaceFirst("/*$", "/")).append("esearch.fcgi?db=pmc&term=")
        .append(enc(term)).append("&usehistory=y&retmax=").append(pageSize).append("&retstart=").append(retstart);
    if (webEnv != null && queryKey != null) {
      q.append("&WebEnv=").append(enc(webEnv)).append("&query_key=").append(enc(queryKey));
    }
    if (apiKey != null) {
      q.append("&api_key=").append(enc(apiKey));
    }
    return URI.create(q.toString());
  }

  /**
   * Runs the search.
   *
   * @param fetcher the polite fetcher
   * @param term the Entrez query
   * @param limit the most ids wanted
   * @return the total count, the PMC ids read (at most {@code limit}, in result order, no repeats) and an error
   *     message when a page could not be fetched or parsed (the ids read before it are kept)
   * @throws InterruptedException when interrupted
   */
  public Result search(HttpFetcher fetcher, String term, int limit) throws InterruptedException {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    String webEnv = null;
    String queryKey = null;
    int count = -1;
    int start = 0;
    while (ids.size() < limit && (count < 0 || start < count)) {
      URI u = pageUri(term, start, webEnv, queryKey);
      FetchResult r = fetcher.fetch(u);
      if (!r.ok()) {
        return new Result(Math.max(count, 0), limit(ids, limit), "esearch " + u + ": " + r.outcome() + " "
            + r.error());
      }
      Document doc;
      try {
        doc = SecureXml.parse(r.body(), u.toString());
      } catch (SAXException e) {
        return new Result(Math.max(count, 0), limit(ids, limit), "esearch " + u + " is not XML: " + e.getMessage());
      }
      Element root = doc.getDocumentElement();
      String error = child(root, "ERROR");
      if (!root.getTagName().equals("eSearchResult") || error != null) {
        return new Result(Math.max(count, 0), limit(ids, limit), "esearch " + u + ": "
            + (error != null ? error : "root element " + root.getTagName()));
      }
      count = parseInt(child(root, "Count"));
      webEnv = child(root, "WebEnv");
      queryKey = child(root, "QueryKey");
      NodeList idNodes = root.getElementsByTagName("Id");
      if (idNodes.getLength() == 0) {
        break;
      }
      for (int i = 0; i < idNodes.getLength(); i++) {
        String id = idNodes.item(i).getTextContent().strip();
        if (id.matches("\\d+")) {
          ids.add("PMC" + id);
        } else if (id.matches("PMC\\d+")) {
          ids.add(id);
        }
      }
      start += idNodes.getLength();
    }
    return new Result(Math.max(count, 0), limit(ids, limit), null);
  }

  private static List<String> limit(LinkedHashSet<String> ids, int limit) {
    return new ArrayList<>(ids).subList(0, Math.min(limit, ids.size()));
  }

  /** The text of the first direct child element named {@code name}, or null. */
  private static String child(Element e, String name) {
    for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && c.getTagName().equals(name)) {
        String t = c.getTextContent().strip();
        return t.isEmpty() ? null : t;
      }
    }
    return null;
  }

  private static int parseInt(String s) {
    try {
      return s == null ? 0 : Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
