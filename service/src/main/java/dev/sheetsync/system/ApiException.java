package dev.sheetsync.system;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure the client caused, answered by {@link ApiErrors} as JSON {@code {"error": message}}
 * (plus {@code "fields"} when not empty) with {@link #status()}. Throw it from any layer; the
 * message is shown to the client, so never put secrets or SQL in it.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final Map<String, String> fields;

  public ApiException(HttpStatus status, String message, Map<String, String> fields) {
    super(message);
    this.status = status;
    this.fields = Map.copyOf(fields);
  }

  public static ApiException notFound(String message) {
    return new ApiException(HttpStatus.NOT_FOUND, message, Map.of());
  }

  public static ApiException conflict(String message) {
    return new ApiException(HttpStatus.CONFLICT, message, Map.of());
  }

  public static ApiException forbidden(String message) {
    return new ApiException(HttpStatus.FORBIDDEN, "Forbidden: " + message, Map.of());
  }

  public static ApiException badRequest(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, message, Map.of());
  }

  /** A 400 naming each offending field with its message. */
  public static ApiException invalid(Map<String, String> fields) {
    return new ApiException(HttpStatus.BAD_REQUEST, "Validation failed", fields);
  }

  public HttpStatus status() {
    return status;
  }

  public Map<String, String> fields() {
    return fields;
  }
}
