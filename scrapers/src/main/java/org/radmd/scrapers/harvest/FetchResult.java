package org.radmd.scrapers.harvest;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of fetching one URL, after robots.txt and retries.
 *
 * @param uri the address
 * @param outcome what happened
 * @param status the last HTTP status received, or -1 when none (disallowed, timeouts, connection errors)
 * @param headers the last response's headers (empty when none)
 * @param body the body of a successful response; empty otherwise
 * @param mediaType the detected type of the body ({@link TypeDetector}); null unless {@link Outcome#OK}
 * @param attempts requests sent for this URL (0 when disallowed)
 * @param error why it failed, or null
 */
public record FetchResult(URI uri, Outcome outcome, int status, Map<String, List<String>> headers, byte[] body,
    String mediaType, int attempts, String error) {

  /** What happened to a URL. */
  public enum Outcome {
    /** A 2xx response whose body passed the caller's check. */
    OK,
    /** robots.txt disallows the URL for our agent; no request was sent. */
    DISALLOWED,
    /** A permanent failure (e.g. 404), or retries exhausted, or a {@code Retry-After} beyond the limit. */
    FAILED
  }

  public FetchResult {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(outcome, "outcome");
    headers = headers == null ? Map.of() : headers;
    body = body == null ? new byte[0] : body;
  }

  /** True for {@link Outcome#OK}. */
  public boolean ok() {
    return outcome == Outcome.OK;
  }
}
