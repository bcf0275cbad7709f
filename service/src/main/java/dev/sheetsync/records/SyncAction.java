package dev.sheetsync.records;

/** What happened to a record. */
public enum SyncAction {
  CREATE,
  UPDATE,
  DELETE
}
