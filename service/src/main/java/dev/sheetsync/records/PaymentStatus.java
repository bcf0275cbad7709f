package dev.sheetsync.records;

/** Whether a supplier has been paid. */
public enum PaymentStatus {
  UNPAID,
  PARTIAL,
  PAID
}
