package dev.sheetsync.testing;

import dev.sheetsync.records.RequestInput;
import dev.sheetsync.records.RequestStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A valid {@link RequestInput} to start from, so a test names only what it is about: {@code
 * aRequest().customer("Ada").build()}. Defaults: booking BK-1 for Ada (phone, email, Hanoi, 1–5
 * March 2026, 2 pax, 1234.50 USD, CONFIRMED), no seller, no notes. Not thread-safe; one per record.
 */
public final class RequestBuilder {

  private String bookingCode = "BK-1";
  private String customer = "Ada";
  private String phone = "+1 555 0100";
  private String email = "ada@example.com";
  private String destination = "Hanoi";
  private LocalDate startDate = LocalDate.of(2026, 3, 1);
  private LocalDate endDate = LocalDate.of(2026, 3, 5);
  private Integer pax = 2;
  private BigDecimal totalPrice = new BigDecimal("1234.50");
  private String currency = "USD";
  private RequestStatus status = RequestStatus.CONFIRMED;
  private UUID seller;
  private String notes;
  private String staffNotes;

  private RequestBuilder() {}

  public static RequestBuilder aRequest() {
    return new RequestBuilder();
  }

  /** Every field of {@code request}, to change some: the body of an update's change function. */
  public static RequestBuilder aRequestLike(RequestInput request) {
    RequestBuilder b = new RequestBuilder();
    b.bookingCode = request.bookingCode();
    b.customer = request.customerName();
    b.phone = request.customerPhone();
    b.email = request.customerEmail();
    b.destination = request.destination();
    b.startDate = request.startDate();
    b.endDate = request.endDate();
    b.pax = request.pax();
    b.totalPrice = request.totalPrice();
    b.currency = request.currency();
    b.status = request.status();
    b.seller = request.sellerId();
    b.notes = request.notes();
    b.staffNotes = request.staffNotes();
    return b;
  }

  /** The n-th booking of a test: booking code BK-n, guest email guest{n}@example.com. */
  public RequestBuilder numbered(int n) {
    return bookingCode("BK-" + n).email("guest" + n + "@example.com");
  }

  public RequestBuilder bookingCode(String bookingCode) {
    this.bookingCode = bookingCode;
    return this;
  }

  public RequestBuilder customer(String customer) {
    this.customer = customer;
    return this;
  }

  public RequestBuilder phone(String phone) {
    this.phone = phone;
    return this;
  }

  public RequestBuilder email(String email) {
    this.email = email;
    return this;
  }

  public RequestBuilder destination(String destination) {
    this.destination = destination;
    return this;
  }

  public RequestBuilder dates(LocalDate start, LocalDate end) {
    this.startDate = start;
    this.endDate = end;
    return this;
  }

  public RequestBuilder pax(Integer pax) {
    this.pax = pax;
    return this;
  }

  public RequestBuilder totalPrice(String totalPrice) {
    this.totalPrice = totalPrice == null ? null : new BigDecimal(totalPrice);
    return this;
  }

  public RequestBuilder currency(String currency) {
    this.currency = currency;
    return this;
  }

  public RequestBuilder status(RequestStatus status) {
    this.status = status;
    return this;
  }

  public RequestBuilder seller(UUID seller) {
    this.seller = seller;
    return this;
  }

  public RequestBuilder notes(String notes) {
    this.notes = notes;
    return this;
  }

  public RequestBuilder staffNotes(String staffNotes) {
    this.staffNotes = staffNotes;
    return this;
  }

  public RequestInput build() {
    return new RequestInput(
        bookingCode,
        customer,
        phone,
        email,
        destination,
        startDate,
        endDate,
        pax,
        totalPrice,
        currency,
        status,
        seller,
        notes,
        staffNotes);
  }
}
