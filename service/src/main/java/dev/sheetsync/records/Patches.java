package dev.sheetsync.records;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON merge for PATCH: the stored record is turned into JSON, the fields present in the body
 * replace its fields (an explicit null clears a nullable field), and the result is read back with
 * the same rules as a POST body (unknown fields, wrong types and bad enum values fail). Validation
 * follows in {@link RecordChanges}.
 */
@Component
class Patches {

  private final JsonMapper json;

  Patches(JsonMapper json) {
    this.json = json;
  }

  <T> T merge(T current, ObjectNode patch, Class<T> type) {
    ObjectNode merged = json.valueToTree(current);
    merged.setAll(patch);
    return json.treeToValue(merged, type);
  }
}
