package dev.sheetsync.records;

/** How a customer paid. */
public enum PaymentMethod {
  CASH,
  BANK_TRANSFER,
  CARD,
  OTHER
}
