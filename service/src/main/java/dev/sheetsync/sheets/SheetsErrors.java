package dev.sheetsync.sheets;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;

/** Google's errors as one line of text, and whether retrying could help. */
final class SheetsErrors {

  private SheetsErrors() {}

  /** HTTP status of a failed call, or -1 for timeouts and other I/O failures. */
  static int status(Exception e) {
    return e instanceof HttpResponseException http ? http.getStatusCode() : -1;
  }

  /** {@code 403 PERMISSION_DENIED: The caller does not have permission}, or the I/O failure. */
  static String describe(Exception e) {
    if (e instanceof GoogleJsonResponseException json && json.getDetails() != null) {
      GoogleJsonError details = json.getDetails();
      String status = details.get("status") == null ? "" : " " + details.get("status");
      return json.getStatusCode() + status + ": " + details.getMessage();
    }
    if (e instanceof HttpResponseException http) {
      return http.getStatusCode() + " " + http.getStatusMessage();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /** 429, 5xx and I/O failures may pass; anything else will answer the same next time. */
  static boolean transientFailure(Exception e) {
    int status = status(e);
    return status == -1 || status == 429 || status >= 500;
  }
}
