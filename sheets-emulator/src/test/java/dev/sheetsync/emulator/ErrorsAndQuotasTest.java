package dev.sheetsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every error status arrives as a GoogleJsonResponseException in Google's shape. */
class ErrorsAndQuotasTest extends EmulatorTestSupport {

  @Test
  void badRangeIs400InvalidArgumentInGooglesShape() {
    GoogleJsonResponseException e = apiError(() -> get("Nope!A1", "FORMATTED_VALUE"));

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getDetails().getCode()).isEqualTo(400);
    assertThat(e.getDetails().getMessage()).isEqualTo("Unable to parse range: Nope!A1");
    assertThat(e.getDetails().get("status")).isEqualTo("INVALID_ARGUMENT");
    // Google sends no legacy errors[] (and no details[] for a range it cannot parse).
    assertThat(e.getDetails().getErrors()).isNull();
    assertThat(e.getDetails().get("details")).isNull();
  }

  @Test
  void unknownSpreadsheetIs404NotFound() {
    GoogleJsonResponseException e = apiError(() -> sheets.spreadsheets().get("missing").execute());

    assertThat(e.getStatusCode()).isEqualTo(404);
    assertThat(e.getDetails().getMessage()).isEqualTo("Requested entity was not found.");
    assertThat(e.getDetails().get("status")).isEqualTo("NOT_FOUND");
  }

  @Test
  void notSharedSpreadsheetIs403PermissionDenied() {
    emulator.control().setNotShared(BOOK, true);

    GoogleJsonResponseException e = apiError(() -> get("Sheet1!A1", "FORMATTED_VALUE"));

    assertThat(e.getStatusCode()).isEqualTo(403);
    assertThat(e.getDetails().getMessage()).isEqualTo("The caller does not have permission");
    assertThat(e.getDetails().get("status")).isEqualTo("PERMISSION_DENIED");
  }

  @Test
  void writingBeyondTheGridIsRejectedAsGoogleDoes() {
    GoogleJsonResponseException e = apiError(() -> put("Sheet1!A1001", "RAW", rows(row("x"))));
    assertThat(e.getDetails().getMessage())
        .isEqualTo("Range ('Sheet1'!A1001) exceeds grid limits. Max rows: 1000, max columns: 26");

    GoogleJsonResponseException tooBig =
        apiError(() -> put("Sheet1!A1:B1", "RAW", rows(row("a", "b", "c"))));
    assertThat(tooBig.getDetails().getMessage())
        .isEqualTo(
            "Requested writing within range [Sheet1!A1:B1], but tried writing to column [C]");
  }

  @Test
  void missingValueInputOptionIs400() {
    GoogleJsonResponseException e =
        apiError(
            () ->
                sheets
                    .spreadsheets()
                    .values()
                    .update(BOOK, "Sheet1!A1", new ValueRange().setValues(rows(row("x"))))
                    .execute());

    assertThat(e.getDetails().getMessage())
        .isEqualTo("'valueInputOption' is required but not specified");
  }

  @Test
  void perUserWriteQuotaRollsAMinuteFromTheFirstRequestNotTheCalendarMinute() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2025-01-01T10:00:05Z"));
    try (SheetsEmulator limited =
        SheetsEmulator.start(
            EmulatorOptions.defaults().withClock(clock).withQuotas(new Quotas(300, 300, 60, 2)))) {
      limited.createSpreadsheet(BOOK, "q", Map.of("Sheet1", List.of()));
      Sheets alice = client(limited, "alice");
      ValueRange body = new ValueRange().setValues(rows(row("x")));
      alice
          .spreadsheets()
          .values()
          .update(BOOK, "Sheet1!A1", body)
          .setValueInputOption("RAW")
          .execute();
      alice
          .spreadsheets()
          .values()
          .update(BOOK, "Sheet1!A1", body)
          .setValueInputOption("RAW")
          .execute();

      GoogleJsonResponseException e =
          apiError(
              () ->
                  alice
                      .spreadsheets()
                      .values()
                      .update(BOOK, "Sheet1!A1", body)
                      .setValueInputOption("RAW")
                      .execute());
      assertThat(e.getStatusCode()).isEqualTo(429);
      assertThat(e.getDetails().get("status")).isEqualTo("RESOURCE_EXHAUSTED");
      assertThat(e.getDetails().getMessage())
          .startsWith(
              "Quota exceeded for quota metric "
                  + "'Write requests' and limit 'Write requests per minute per user' of service "
                  + "'sheets.googleapis.com' for consumer 'project_number:");
      // Reads and other users have their own quota.
      alice.spreadsheets().values().get(BOOK, "Sheet1!A1").execute();
      client(limited, "bob")
          .spreadsheets()
          .values()
          .update(BOOK, "Sheet1!A1", body)
          .setValueInputOption("RAW")
          .execute();

      // 10:01:00 starts a new calendar minute, but both writes were made less than 60 s ago.
      clock.advance(Duration.ofSeconds(55));
      assertThat(
              apiError(
                      () ->
                          alice
                              .spreadsheets()
                              .values()
                              .update(BOOK, "Sheet1!A1", body)
                              .setValueInputOption("RAW")
                              .execute())
                  .getStatusCode())
          .isEqualTo(429);
      clock.advance(Duration.ofSeconds(5));
      alice
          .spreadsheets()
          .values()
          .update(BOOK, "Sheet1!A1", body)
          .setValueInputOption("RAW")
          .execute();
      assertThat(limited.control().requestCounts().status429()).isEqualTo(2);
    }
  }

  @Test
  void perProjectReadQuotaCountsAllUsersAndABatchCountsOnce() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2025-01-01T10:00:00Z"));
    try (SheetsEmulator limited =
        SheetsEmulator.start(
            EmulatorOptions.defaults().withClock(clock).withQuotas(new Quotas(2, 0, 0, 0)))) {
      limited.createSpreadsheet(BOOK, "q", Map.of("Sheet1", List.of()));
      client(limited, "a")
          .spreadsheets()
          .values()
          .batchGet(BOOK)
          .setRanges(List.of("Sheet1!A1", "Sheet1!B1", "Sheet1!C1"))
          .execute();
      client(limited, null).spreadsheets().get(BOOK).execute();

      GoogleJsonResponseException e =
          apiError(
              () -> client(limited, "c").spreadsheets().values().get(BOOK, "Sheet1!A1").execute());
      assertThat(e.getDetails().getMessage()).contains("limit 'Read requests per minute'");
    }
  }

  @Test
  void zeroQuotaMeansUnlimited() throws Exception {
    emulator.control().quota(0, 0);
    for (int i = 0; i < 70; i++) {
      get("Sheet1!A1", "FORMATTED_VALUE");
    }
    assertThat(emulator.control().requestCounts().count("values.get")).isEqualTo(70);
  }

  /** A settable clock for quota windows. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
