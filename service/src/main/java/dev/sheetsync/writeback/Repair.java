package dev.sheetsync.writeback;

import dev.sheetsync.records.SyncModel;
import dev.sheetsync.sheets.TabLayout;
import java.util.Optional;
import java.util.UUID;

/** A record to write again because its row may have received another record's values. */
record Repair(SyncModel model, UUID recordId) {

  /** For the id read from a key cell; empty for blank or foreign (non-uuid) keys. */
  static Optional<Repair> of(TabLayout tab, String key) {
    try {
      return key.isBlank()
          ? Optional.empty()
          : Optional.of(new Repair(tab.model(), UUID.fromString(key)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
