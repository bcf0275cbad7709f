package dev.sheetsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fault injection, request counts, reset and the HTML view, from Java and over HTTP. */
class FaultsAndControlTest extends EmulatorTestSupport {

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> call(String method, String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void failNextFailsThatManyRequestsWithoutEffect() throws Exception {
    emulator.control().faults(Faults.NONE.withFailNext(2, 500));

    GoogleJsonResponseException first = apiError(() -> put("Sheet1!A1", "RAW", rows(row("x"))));
    GoogleJsonResponseException second = apiError(() -> get("Sheet1!A1", "FORMATTED_VALUE"));
    assertThat(first.getStatusCode()).isEqualTo(500);
    assertThat(first.getDetails().get("status")).isEqualTo("INTERNAL");
    assertThat(second.getStatusCode()).isEqualTo(500);
    assertThat(get("Sheet1!A1", "FORMATTED_VALUE")).isEmpty();
  }

  @Test
  void errorRateFailsReproduciblyWithASeed() throws Exception {
    List<Integer> runs = new java.util.ArrayList<>();
    for (int run = 0; run < 2; run++) {
      emulator.control().faults(Faults.NONE.withErrorRate(0.5, 503, 42L));
      int failures = 0;
      for (int i = 0; i < 20; i++) {
        try {
          get("Sheet1!A1", "FORMATTED_VALUE");
        } catch (GoogleJsonResponseException e) {
          assertThat(e.getStatusCode()).isEqualTo(503);
          assertThat(e.getDetails().getMessage())
              .isEqualTo("The service is currently unavailable.");
          assertThat(e.getDetails().get("status")).isEqualTo("UNAVAILABLE");
          failures++;
        }
      }
      runs.add(failures);
    }
    assertThat(runs.get(0)).isBetween(3, 17).isEqualTo(runs.get(1));
  }

  @Test
  void dropAfterWriteAppliesTheWriteThenAnswers503() throws Exception {
    emulator.control().faults(Faults.NONE.withDropAfterWrite(true));

    GoogleJsonResponseException e = apiError(() -> put("Sheet1!A1", "RAW", rows(row("kept"))));

    assertThat(e.getStatusCode()).isEqualTo(503);
    emulator.control().clearFaults();
    assertThat(get("Sheet1!A1", "FORMATTED_VALUE")).isEqualTo(rows(row("kept")));
  }

  @Test
  void latencyAboveTheClientTimeoutLooksLikeAHang() {
    emulator.control().faults(Faults.NONE.withLatencyMs(1_500));
    var impatient =
        new com.google.api.services.sheets.v4.Sheets.Builder(
                new com.google.api.client.http.javanet.NetHttpTransport(),
                com.google.api.client.json.gson.GsonFactory.getDefaultInstance(),
                request -> request.setReadTimeout(300))
            .setRootUrl(emulator.baseUrl())
            .build();

    long start = System.nanoTime();
    Throwable thrown = null;
    try {
      impatient.spreadsheets().get(BOOK).execute();
    } catch (Exception ex) {
      thrown = ex;
    }
    assertThat(thrown).isInstanceOf(SocketTimeoutException.class);
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
  }

  @Test
  void requestCountsByMethodWith429sAndBearerTokens() throws Exception {
    put("Sheet1!A1", "RAW", rows(row("x")));
    get("Sheet1!A1", "FORMATTED_VALUE");
    client(emulator, null).spreadsheets().values().get(BOOK, "Sheet1!A1").execute();

    RequestCounts counts = emulator.control().requestCounts();
    assertThat(counts.total()).isEqualTo(3);
    assertThat(counts.count("values.update")).isEqualTo(1);
    assertThat(counts.count("values.get")).isEqualTo(2);
    assertThat(counts.withBearerToken()).isEqualTo(2);
    assertThat(counts.status429()).isZero();
  }

  @Test
  void controlApiWorksOverHttpFromAnotherProcess() throws Exception {
    EmulatorControl remote = EmulatorControl.remote(emulator.baseUrl());
    remote.createSpreadsheet("remote", "Remote", Map.of("Requests", List.of("id", "name")));
    assertThat(emulator.values("remote", "Requests!A1:B1", ValueRender.FORMATTED_VALUE))
        .isEqualTo(rows(row("id", "name")));

    remote.faults(Faults.NONE.withFailNext(1, 503));
    assertThat(remote.currentFaults().failNext()).isEqualTo(1);
    assertThat(apiError(() -> get("Sheet1!A1", "FORMATTED_VALUE")).getStatusCode()).isEqualTo(503);
    remote.setNotShared(BOOK, true);
    assertThat(apiError(() -> get("Sheet1!A1", "FORMATTED_VALUE")).getStatusCode()).isEqualTo(403);
    remote.quota(7, 9);
    assertThat(call("GET", "emulator/quota", null).body())
        .contains("\"writeRequestsPerMinute\" : 7");
    assertThat(remote.requestCounts().count("values.get")).isEqualTo(2);

    remote.reset();
    assertThat(remote.requestCounts().total()).isZero();
    assertThat(apiError(() -> get("Sheet1!A1", "FORMATTED_VALUE")).getStatusCode()).isEqualTo(404);
  }

  @Test
  void faultsEndpointAcceptsTheIssuesJsonAndDeleteClearsIt() throws Exception {
    HttpResponse<String> set =
        call(
            "POST",
            "emulator/faults",
            "{\"latencyMs\":0,\"errorRate\":0,"
                + "\"errorStatus\":503,\"failNext\":3,\"failNextStatus\":500,\"dropAfterWrite\":false}");
    assertThat(set.statusCode()).isEqualTo(200);
    assertThat(emulator.control().currentFaults().failNext()).isEqualTo(3);

    assertThat(call("DELETE", "emulator/faults", null).statusCode()).isEqualTo(200);
    assertThat(emulator.control().currentFaults()).isEqualTo(Faults.NONE);
    assertThat(call("GET", "emulator/requests", null).body()).contains("\"status429\"");
  }

  @Test
  void htmlViewListsSpreadsheetsAndShowsEscapedCellsWithFormulasOnHover() throws Exception {
    put("Sheet1!A1", "USER_ENTERED", rows(row("<script>alert(1)</script>", "=1+1")));

    String index = call("GET", "", null).body();
    assertThat(index).contains("href=\"/view/book\"").contains("Test book");
    String view = call("GET", "view/book", null).body();
    assertThat(view).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
    assertThat(view)
        .contains("title=\"=1+1\">2</td>")
        .contains("<th>A</th>")
        .contains("<th>1</th>");
    assertThat(call("GET", "view/nothing", null).statusCode()).isEqualTo(404);
  }
}
