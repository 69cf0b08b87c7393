package org.radmd.radfm.serve;

/**
 * A request the server refuses, with the HTTP status to send as a JSON error {@code {"status", "error"}}. The
 * message is shown to the client, so it must not reveal file-system paths outside what the client sent.
 */
final class HttpError extends Exception {
  private static final long serialVersionUID = 1L;
  private final int status;

  HttpError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  static HttpError badRequest(String message) {
    return new HttpError(400, message);
  }

  static HttpError tooLarge(String message) {
    return new HttpError(413, message);
  }

  int status() {
    return status;
  }
}
