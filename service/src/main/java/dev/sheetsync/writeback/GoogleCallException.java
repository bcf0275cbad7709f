package dev.sheetsync.writeback;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import java.io.IOException;

/**
 * A Sheets call that failed for good within this run: a permanent error (400, 403, 404, …), or a
 * transient one (429, 5xx, timeout) that outlasted the retries or the run's time.
 */
class GoogleCallException extends Exception {

  private final int status;
  private final boolean outOfBudget;

  GoogleCallException(String method, IOException cause) {
    this(method, cause, false);
  }

  GoogleCallException(String method, IOException cause, boolean outOfBudget) {
    super(method + ": " + describe(cause), cause);
    this.status = status(cause);
    this.outOfBudget = outOfBudget || status == 429;
  }

  /**
   * The quota or the run's time ran out before the call could succeed: no evidence against the
   * items, which are released for the next run instead of failed.
   */
  boolean outOfBudget() {
    return outOfBudget;
  }

  /** HTTP status, or -1 for timeouts and other I/O failures. */
  int status() {
    return status;
  }

  /** Retrying later may help (429, 5xx, I/O); the items keep their retries for another run. */
  boolean isTransient() {
    return isTransient(status);
  }

  /** The whole spreadsheet is unusable (not shared, gone): later batches would fail alike. */
  boolean stopsTheRun() {
    return isTransient() || status == 401 || status == 403 || status == 404;
  }

  /**
   * The spreadsheet itself is unusable (credentials rejected, not shared, gone): not any change's
   * fault, so the write-back pauses instead of failing items.
   */
  boolean pausesSpreadsheet() {
    return status == 401 || status == 403 || status == 404;
  }

  /** Google could not parse a range: a tab named in it was renamed or deleted since it was read. */
  boolean unparsableRange() {
    return status == 400
        && getCause() != null
        && String.valueOf(getCause().getMessage()).contains("Unable to parse range");
  }

  static boolean isTransient(int status) {
    return status == -1 || status == 429 || status >= 500;
  }

  static int status(IOException e) {
    return e instanceof HttpResponseException http ? http.getStatusCode() : -1;
  }

  /** Google's own message: {@code 403 PERMISSION_DENIED: The caller does not have permission}. */
  static String describe(IOException e) {
    if (e instanceof GoogleJsonResponseException json && json.getDetails() != null) {
      Object status = json.getDetails().get("status");
      return json.getStatusCode()
          + (status == null ? "" : " " + status)
          + ": "
          + json.getDetails().getMessage();
    }
    if (e instanceof HttpResponseException http) {
      return http.getStatusCode() + " " + http.getStatusMessage();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
