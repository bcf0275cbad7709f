package dev.sheetsync.records;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A booking request as the API answers it. Money is a JSON string with exact decimals. */
public record RequestView(
    UUID id,
    String bookingCode,
    String customerName,
    String customerPhone,
    String customerEmail,
    String destination,
    LocalDate startDate,
    LocalDate endDate,
    Integer pax,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalPrice,
    String currency,
    RequestStatus status,
    UUID sellerId,
    String sellerName,
    String notes,
    String staffNotes,
    Integer sheetRowIndex,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    UUID updatedBy) {}
