package dev.sheetsync.records;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An operator as the API answers it, with its request's booking code for display. */
public record OperatorView(
    UUID id,
    UUID requestId,
    String bookingCode,
    LocalDate serviceDate,
    ServiceType serviceType,
    String supplierName,
    String description,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal cost,
    PaymentStatus paymentStatus,
    String notes,
    Integer sheetRowIndex,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    UUID updatedBy) {}
