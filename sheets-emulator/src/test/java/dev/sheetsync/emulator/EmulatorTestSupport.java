package dev.sheetsync.emulator;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;

/**
 * Shared fixture: one emulator per test class (port 0, no quotas), reset before each test, with a
 * spreadsheet {@code book} holding tabs {@code Sheet1} and {@code Data}, and Google's own client.
 */
abstract class EmulatorTestSupport {

  static final String BOOK = "book";

  static SheetsEmulator emulator;
  Sheets sheets;

  @BeforeAll
  static void startEmulator() {
    emulator = SheetsEmulator.start(EmulatorOptions.defaults().withQuotas(Quotas.UNLIMITED));
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @BeforeEach
  void resetEmulator() {
    emulator.control().reset();
    emulator.control().quota(Quotas.UNLIMITED);
    Map<String, List<String>> tabs = new LinkedHashMap<>();
    tabs.put("Sheet1", List.of());
    tabs.put("Data", List.of());
    emulator.createSpreadsheet(BOOK, "Test book", tabs);
    sheets = client(emulator, "test-token");
  }

  /** Google's Java client pointed at the emulator; token null sends no Authorization header. */
  static Sheets client(SheetsEmulator emulator, String token) {
    return client(emulator.baseUrl(), token);
  }

  /** A client for an emulator at a base URL, with a bearer token. */
  static Sheets clientFor(String baseUrl) {
    return client(baseUrl, "test-token");
  }

  private static Sheets client(String baseUrl, String token) {
    return new Sheets.Builder(
            new NetHttpTransport(),
            GsonFactory.getDefaultInstance(),
            request -> {
              if (token != null) {
                request.getHeaders().setAuthorization("Bearer " + token);
              }
              request.setConnectTimeout(5_000).setReadTimeout(5_000);
            })
        .setRootUrl(baseUrl)
        .setApplicationName("sheetsync-emulator-test")
        .build();
  }

  static List<Object> row(Object... cells) {
    return new ArrayList<>(Arrays.asList(cells));
  }

  @SafeVarargs
  static List<List<Object>> rows(List<Object>... rows) {
    return new ArrayList<>(Arrays.asList(rows));
  }

  void put(String range, String inputOption, List<List<Object>> values) throws IOException {
    sheets
        .spreadsheets()
        .values()
        .update(BOOK, range, new ValueRange().setValues(values))
        .setValueInputOption(inputOption)
        .execute();
  }

  List<List<Object>> get(String range, String render) throws IOException {
    List<List<Object>> values =
        sheets
            .spreadsheets()
            .values()
            .get(BOOK, range)
            .setValueRenderOption(render)
            .execute()
            .getValues();
    return values == null ? List.of() : values;
  }

  /** The error the call fails with; fails the test if it succeeds. */
  static GoogleJsonResponseException apiError(Executable call) {
    try {
      call.execute();
    } catch (GoogleJsonResponseException e) {
      return e;
    } catch (Throwable t) {
      throw new AssertionError("expected GoogleJsonResponseException, got " + t, t);
    }
    throw new AssertionError("expected the call to fail");
  }
}
