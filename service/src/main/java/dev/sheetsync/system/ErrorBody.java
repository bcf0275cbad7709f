package dev.sheetsync.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The one error shape of the API: {@code {"error": "…"}}, plus {@code "fields": {"name":
 * "message"}} for validation failures.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(String error, Map<String, String> fields) {

  public static ErrorBody of(String error) {
    return new ErrorBody(error, Map.of());
  }
}
