package dev.sheetsync.records;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An operator (supplier service) as clients write it. */
public record OperatorInput(
    @NotNull UUID requestId,
    LocalDate serviceDate,
    @NotNull ServiceType serviceType,
    @NotBlank @Size(max = 200) String supplierName,
    @Size(max = 2000) String description,
    @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal cost,
    @NotNull PaymentStatus paymentStatus,
    @Size(max = 5000) String notes)
    implements RecordInput {

  OperatorInput withDefaults() {
    return new OperatorInput(
        requestId,
        serviceDate,
        serviceType,
        supplierName,
        description,
        cost == null ? BigDecimal.ZERO : cost,
        paymentStatus == null ? PaymentStatus.UNPAID : paymentStatus,
        notes);
  }
}
