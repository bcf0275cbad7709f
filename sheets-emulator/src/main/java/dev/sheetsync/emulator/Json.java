package dev.sheetsync.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one JSON mapper and the error body in Google's shape. */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** {@code {"error":{"code","message","status","errors":[{"message","domain","reason"}]}}}. */
  static ObjectNode error(int code, String message) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("code", code).put("message", message).put("status", ApiException.status(code));
    error
        .putArray("errors")
        .addObject()
        .put("message", message)
        .put("domain", "global")
        .put("reason", ApiException.reason(code));
    return root;
  }
}
