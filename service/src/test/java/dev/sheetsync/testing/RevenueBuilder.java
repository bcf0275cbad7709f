package dev.sheetsync.testing;

import dev.sheetsync.records.PaymentMethod;
import dev.sheetsync.records.RevenueInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A valid {@link RevenueInput} once it names its request: {@code
 * aRevenue().forRequest(id).amount("500").build()}. Defaults: 100.00 paid by CARD on 1 February
 * 2026, no reference, no notes. Not thread-safe; one per record.
 */
public final class RevenueBuilder {

  private UUID request;
  private LocalDate paymentDate = LocalDate.of(2026, 2, 1);
  private BigDecimal amount = new BigDecimal("100.00");
  private PaymentMethod method = PaymentMethod.CARD;
  private String reference;
  private String notes;

  private RevenueBuilder() {}

  public static RevenueBuilder aRevenue() {
    return new RevenueBuilder();
  }

  /** Every field of {@code revenue}, to change some: the body of an update's change function. */
  public static RevenueBuilder aRevenueLike(RevenueInput revenue) {
    RevenueBuilder b = new RevenueBuilder();
    b.request = revenue.requestId();
    b.paymentDate = revenue.paymentDate();
    b.amount = revenue.amount();
    b.method = revenue.method();
    b.reference = revenue.reference();
    b.notes = revenue.notes();
    return b;
  }

  public RevenueBuilder forRequest(UUID request) {
    this.request = request;
    return this;
  }

  public RevenueBuilder paymentDate(LocalDate paymentDate) {
    this.paymentDate = paymentDate;
    return this;
  }

  public RevenueBuilder amount(String amount) {
    this.amount = amount == null ? null : new BigDecimal(amount);
    return this;
  }

  public RevenueBuilder method(PaymentMethod method) {
    this.method = method;
    return this;
  }

  public RevenueBuilder reference(String reference) {
    this.reference = reference;
    return this;
  }

  public RevenueBuilder notes(String notes) {
    this.notes = notes;
    return this;
  }

  public RevenueInput build() {
    return new RevenueInput(request, paymentDate, amount, method, reference, notes);
  }
}
