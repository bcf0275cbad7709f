package dev.sheetsync.records;

import java.util.Map;

/** A record as written by clients: Bean Validation annotations plus checks across fields. */
public interface RecordInput {

  /** Field name to message, for rules that involve more than one field. */
  default Map<String, String> crossFieldErrors() {
    return Map.of();
  }
}
