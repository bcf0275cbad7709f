package dev.sheetsync.records;

import java.util.Arrays;

/** The record types mirrored into the spreadsheet, with the names the queue table stores. */
public enum SyncModel {
  REQUEST("Request"),
  OPERATOR("Operator"),
  REVENUE("Revenue");

  private final String dbName;

  SyncModel(String dbName) {
    this.dbName = dbName;
  }

  /**
   * The value stored in {@code sync_queue.model}, as {@code docs/api-contract.md} names it ({@code
   * Request}, …).
   */
  public String dbName() {
    return dbName;
  }

  public static SyncModel fromDbName(String name) {
    return Arrays.stream(values())
        .filter(m -> m.dbName.equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown model: " + name));
  }
}
