package dev.sheetsync.testing;

import dev.sheetsync.records.OperatorInput;
import dev.sheetsync.records.PaymentStatus;
import dev.sheetsync.records.ServiceType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A valid {@link OperatorInput} once it names its request: {@code
 * anOperator().forRequest(id).cost("240").build()}. Defaults: a HOTEL, Lotus Hotel, "2 nights" on 2
 * March 2026, costing 300.00, UNPAID, no notes. Not thread-safe; one per record.
 */
public final class OperatorBuilder {

  private UUID request;
  private LocalDate serviceDate = LocalDate.of(2026, 3, 2);
  private ServiceType serviceType = ServiceType.HOTEL;
  private String supplier = "Lotus Hotel";
  private String description = "2 nights";
  private BigDecimal cost = new BigDecimal("300.00");
  private PaymentStatus paymentStatus = PaymentStatus.UNPAID;
  private String notes;

  private OperatorBuilder() {}

  public static OperatorBuilder anOperator() {
    return new OperatorBuilder();
  }

  /** Every field of {@code operator}, to change some: the body of an update's change function. */
  public static OperatorBuilder anOperatorLike(OperatorInput operator) {
    OperatorBuilder b = new OperatorBuilder();
    b.request = operator.requestId();
    b.serviceDate = operator.serviceDate();
    b.serviceType = operator.serviceType();
    b.supplier = operator.supplierName();
    b.description = operator.description();
    b.cost = operator.cost();
    b.paymentStatus = operator.paymentStatus();
    b.notes = operator.notes();
    return b;
  }

  public OperatorBuilder forRequest(UUID request) {
    this.request = request;
    return this;
  }

  public OperatorBuilder serviceDate(LocalDate serviceDate) {
    this.serviceDate = serviceDate;
    return this;
  }

  public OperatorBuilder serviceType(ServiceType serviceType) {
    this.serviceType = serviceType;
    return this;
  }

  public OperatorBuilder supplier(String supplier) {
    this.supplier = supplier;
    return this;
  }

  public OperatorBuilder description(String description) {
    this.description = description;
    return this;
  }

  public OperatorBuilder cost(String cost) {
    this.cost = cost == null ? null : new BigDecimal(cost);
    return this;
  }

  public OperatorBuilder paymentStatus(PaymentStatus paymentStatus) {
    this.paymentStatus = paymentStatus;
    return this;
  }

  public OperatorBuilder notes(String notes) {
    this.notes = notes;
    return this;
  }

  public OperatorInput build() {
    return new OperatorInput(
        request, serviceDate, serviceType, supplier, description, cost, paymentStatus, notes);
  }
}
