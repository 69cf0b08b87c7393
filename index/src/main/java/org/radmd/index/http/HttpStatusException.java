package org.radmd.index.http;

/**
 * A request the server refuses or cannot answer, with the HTTP status to send; {@link GuardedHandler} turns it
 * into a JSON error response. The message is shown to the client, so it must not reveal file-system paths.
 */
final class HttpStatusException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int status;

  HttpStatusException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  static HttpStatusException badRequest(String message) {
    return new HttpStatusException(400, message);
  }

  static HttpStatusException notFound(String message) {
    return new HttpStatusException(404, message);
  }

  /** The HTTP status code, e.g. 404. */
  int status() {
    return status;
  }
}
