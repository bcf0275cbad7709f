package dev.sheetsync.records;

/** A booking request's state. */
public enum RequestStatus {
  NEW,
  CONFIRMED,
  COMPLETED,
  CANCELLED
}
