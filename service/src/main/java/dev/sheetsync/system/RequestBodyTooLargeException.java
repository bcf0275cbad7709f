package dev.sheetsync.system;

import java.io.IOException;

/** Raised while reading a request body that grows past the limit; answered with 413. */
class RequestBodyTooLargeException extends IOException {

  RequestBodyTooLargeException() {
    super("Request body exceeds " + RequestBodyLimitFilter.LIMIT_DESCRIPTION);
  }
}
