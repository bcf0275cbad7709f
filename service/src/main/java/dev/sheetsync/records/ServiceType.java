package dev.sheetsync.records;

/** What a supplier provides for a request. */
public enum ServiceType {
  HOTEL,
  TRANSPORT,
  GUIDE,
  TICKET,
  MEAL,
  OTHER
}
