package dev.sheetsync.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * An error answered in Google's JSON error shape; carries the HTTP code, the message and, where
 * Google sends them, the {@code details[]} (a {@code BadRequest} field violation for a value that
 * does not parse, an {@code ErrorInfo} for an exhausted quota).
 */
final class ApiException extends RuntimeException {

  private final int code;
  private final ArrayNode details;

  ApiException(int code, String message) {
    this(code, message, null);
  }

  private ApiException(int code, String message, ArrayNode details) {
    super(message, null, false, false);
    this.code = code;
    this.details = details;
  }

  int code() {
    return code;
  }

  /** Google's {@code details[]}, or null when Google sends none for this error. */
  ArrayNode details() {
    return details;
  }

  /**
   * A value that does not parse as its type ({@code type} is the proto name after {@code
   * google.apps.sheets.v4.} or a full {@code google.protobuf.} name), with the field violation.
   */
  static ApiException invalidValue(String field, String type, String value) {
    String full = type.startsWith("google.") ? type : "google.apps.sheets.v4." + type;
    String message =
        "Invalid value at '" + field + "' (type.googleapis.com/" + full + "), \"" + value + "\"";
    ArrayNode details = Json.MAPPER.createArrayNode();
    details
        .addObject()
        .put("@type", "type.googleapis.com/google.rpc.BadRequest")
        .putArray("fieldViolations")
        .addObject()
        .put("field", field)
        .put("description", message);
    return new ApiException(400, message, details);
  }

  /** A 429 with Google's ErrorInfo: reason RATE_LIMIT_EXCEEDED and the quota's metadata. */
  static ApiException rateLimited(String message, Map<String, String> metadata) {
    ArrayNode details = Json.MAPPER.createArrayNode();
    ObjectNode info =
        details
            .addObject()
            .put("@type", "type.googleapis.com/google.rpc.ErrorInfo")
            .put("reason", "RATE_LIMIT_EXCEEDED")
            .put("domain", "googleapis.com");
    ObjectNode meta = info.putObject("metadata");
    metadata.forEach(meta::put);
    details
        .addObject()
        .put("@type", "type.googleapis.com/google.rpc.Help")
        .putArray("links")
        .addObject()
        .put("description", "Request a higher quota limit.")
        .put("url", "https://cloud.google.com/docs/quotas/help/request_increase");
    return new ApiException(429, message, details);
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  static ApiException notFound() {
    return new ApiException(404, "Requested entity was not found.");
  }

  static ApiException permissionDenied() {
    return new ApiException(403, "The caller does not have permission");
  }

  /** Google's canonical status name for an HTTP code. */
  static String status(int code) {
    return switch (code) {
      case 400 -> "INVALID_ARGUMENT";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "PERMISSION_DENIED";
      case 404 -> "NOT_FOUND";
      case 409 -> "ABORTED";
      case 429 -> "RESOURCE_EXHAUSTED";
      case 500 -> "INTERNAL";
      case 501 -> "NOT_IMPLEMENTED";
      case 504 -> "DEADLINE_EXCEEDED";
      default -> code >= 500 ? "UNAVAILABLE" : "FAILED_PRECONDITION";
    };
  }

  /** The message Google sends for a status when nothing more specific applies. */
  static String defaultMessage(int code) {
    return switch (code) {
      case 500 -> "Internal error encountered.";
      case 503 -> "The service is currently unavailable.";
      case 504 -> "The request timed out. Please try again.";
      case 429 -> "Resource has been exhausted (e.g. check quota).";
      default -> code >= 500 ? "The service is currently unavailable." : "Request failed.";
    };
  }
}
