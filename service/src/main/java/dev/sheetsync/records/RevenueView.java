package dev.sheetsync.records;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A revenue as the API answers it, with its request's booking code for display. */
public record RevenueView(
    UUID id,
    UUID requestId,
    String bookingCode,
    LocalDate paymentDate,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
    PaymentMethod method,
    String reference,
    String notes,
    Integer sheetRowIndex,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    UUID updatedBy) {}
