package dev.sheetsync.reliability;

import java.util.List;
import java.util.Map;

/**
 * The sync queue and its log as the database holds them at the end of a run: every item, and per
 * item the number of SUCCESS log rows.
 */
record QueueState(List<Item> items, Map<Long, Integer> successLogs) {

  QueueState {
    items = List.copyOf(items);
    successLogs = Map.copyOf(successLogs);
  }

  record Item(long id, String status, String model, String action, String recordId, int retries) {}

  int successLogs(long itemId) {
    return successLogs.getOrDefault(itemId, 0);
  }

  int totalRetries() {
    return items.stream().mapToInt(Item::retries).sum();
  }
}
