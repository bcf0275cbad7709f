package dev.sheetsync.records;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A revenue (customer payment) as clients write it; refunds are not modelled as negatives. */
public record RevenueInput(
    @NotNull UUID requestId,
    LocalDate paymentDate,
    @NotNull @DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 12, fraction = 2)
        BigDecimal amount,
    @NotNull PaymentMethod method,
    @Size(max = 200) String reference,
    @Size(max = 5000) String notes)
    implements RecordInput {

  RevenueInput withDefaults() {
    return new RevenueInput(
        requestId,
        paymentDate,
        amount,
        method == null ? PaymentMethod.BANK_TRANSFER : method,
        reference,
        notes);
  }
}
