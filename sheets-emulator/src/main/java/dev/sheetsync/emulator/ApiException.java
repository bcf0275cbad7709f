package dev.sheetsync.emulator;

/** An error answered in Google's JSON error shape; carries the HTTP code and the message. */
final class ApiException extends RuntimeException {

  private final int code;

  ApiException(int code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  int code() {
    return code;
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

  /** The legacy {@code errors[].reason} Google still sends beside the status. */
  static String reason(int code) {
    return switch (code) {
      case 400 -> "badRequest";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "notFound";
      case 429 -> "rateLimitExceeded";
      default -> code >= 500 ? "backendError" : "failedPrecondition";
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
