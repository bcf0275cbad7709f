package dev.sheetsync.queue;

/** What happened to a record. */
public enum SyncAction {
  CREATE,
  UPDATE,
  DELETE
}
