package dev.sheetsync.records;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A booking request as clients write it (POST body, and the result of applying a PATCH to the
 * stored request). Validated by {@link RecordChanges} before any SQL runs.
 */
public record RequestInput(
    @NotBlank @Size(max = 64) String bookingCode,
    @NotBlank @Size(max = 200) String customerName,
    @Size(max = 50) String customerPhone,
    @Email @Size(max = 254) String customerEmail,
    @Size(max = 200) String destination,
    LocalDate startDate,
    LocalDate endDate,
    @NotNull @Min(1) @Max(10_000) Integer pax,
    @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal totalPrice,
    @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be a 3-letter ISO 4217 code")
        String currency,
    @NotNull RequestStatus status,
    UUID sellerId,
    @Size(max = 5000) String notes,
    @Size(max = 5000) String staffNotes)
    implements RecordInput {

  /** A request without staff notes (they are typed by staff in the sheet, read in from there). */
  public RequestInput(
      String bookingCode,
      String customerName,
      String customerPhone,
      String customerEmail,
      String destination,
      LocalDate startDate,
      LocalDate endDate,
      Integer pax,
      BigDecimal totalPrice,
      String currency,
      RequestStatus status,
      UUID sellerId,
      String notes) {
    this(
        bookingCode,
        customerName,
        customerPhone,
        customerEmail,
        destination,
        startDate,
        endDate,
        pax,
        totalPrice,
        currency,
        status,
        sellerId,
        notes,
        null);
  }

  /** Defaults for fields a POST may omit; {@code seller} is used when no sellerId was given. */
  RequestInput withDefaults(UUID seller) {
    return new RequestInput(
        bookingCode,
        customerName,
        customerPhone,
        customerEmail,
        destination,
        startDate,
        endDate,
        pax,
        totalPrice == null ? BigDecimal.ZERO : totalPrice,
        currency == null ? "USD" : currency,
        status == null ? RequestStatus.NEW : status,
        sellerId == null ? seller : sellerId,
        notes,
        staffNotes);
  }

  @Override
  public Map<String, String> crossFieldErrors() {
    if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
      return Map.of("endDate", "must be on or after startDate");
    }
    return Map.of();
  }
}
