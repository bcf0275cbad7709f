package dev.sheetsync.conflicts;

import dev.sheetsync.records.SyncModel;
import java.util.Map;
import java.util.UUID;

/**
 * Cells a batch wrote into one record's row: merged into the record's {@link WrittenRow} (a header
 * not written keeps its earlier value).
 *
 * @param cells header → displayed value written
 * @param deleted the write applied the record's deletion
 */
public record Written(SyncModel model, UUID recordId, Map<String, String> cells, boolean deleted) {}
