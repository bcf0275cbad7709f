package dev.sheetsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 6: a hostile corpus sent to every endpoint. Every answer is a 4xx JSON error or a
 * correct success, never a 5xx and never a stack trace; afterwards the database holds exactly the
 * records whose creation succeeded, with exactly the text sent, and the sheet shows them (the
 * consistency check), formula-injection strings as text.
 */
class HostileInputIT {

  static final List<String> FORMULAS =
      List.of("=HYPERLINK(\"http://evil\",\"x\")", "+cmd|' /C calc'!A0", "@SUM(1)", "-1+1", "=1+1");

  static final List<String> NASTY_TEXT =
      List.of(
          "Robert'); DROP TABLE requests;--",
          "' OR '1'='1",
          "Nguyễn 😀 👩‍👩‍👧 مرحبا بالعالم עברית",
          "\u202Egnp.exe",
          "<script>alert(1)</script>",
          "../../etc/passwd",
          "line1\nline2\ttab",
          "x".repeat(4_999));

  private final List<String> problems = new ArrayList<>();
  private int sent;

  @Test
  void everyHostileRequestGetsA4xxJsonErrorOrACorrectSuccess() {
    ReliabilityEnvironment env = ReliabilityEnvironment.get();
    try (Scenario scenario = env.scenario("hostile_input")) {
      ServiceProcess service = scenario.start("a");
      ApiClient admin = scenario.admin(service);
      ApiClient anonymous = ApiClient.of(service);
      Workload workload = new Workload(List.of(admin), 6, "hostile");
      workload.run(3);
      String parent = created(admin, "/api/requests", validButNasty("/api/requests", "", 9).get(0));
      Map<String, String> existing = new LinkedHashMap<>();
      existing.put("/api/requests", parent);
      for (String path : List.of("/api/operators", "/api/revenues")) {
        existing.put(path, created(admin, path, validButNasty(path, parent, 9).get(0)));
      }

      Map<String, Map<String, Object>> created = new LinkedHashMap<>();
      for (int repeat = 0; repeat < env.size.hostileRepeats(); repeat++) {
        for (String path : List.of("/api/requests", "/api/operators", "/api/revenues")) {
          for (byte[] body : bodies(path, parent)) {
            answer(admin, "POST", path, body, created);
            answer(admin, "PATCH", path + "/" + existing.get(path), body, created);
            answer(anonymous, "POST", path, body, created);
          }
          for (Map<String, Object> valid : validButNasty(path, parent, repeat)) {
            answer(admin, "POST", path, json(valid), created, valid);
          }
          for (String id : traversalIds()) {
            for (String method : List.of("GET", "PATCH", "DELETE")) {
              answer(admin, method, path + "/" + id, json(Map.of("notes", "x")), created);
            }
          }
          for (String query : queries()) {
            answer(admin, "GET", path + "?" + query, null, created);
          }
        }
        for (String header : authorizations()) {
          send(anonymous, "POST", "/api/sync/write-back", null, Map.of("Authorization", header));
          send(anonymous, "GET", "/api/sync/queue", null, Map.of("Authorization", header));
          send(anonymous, "GET", "/api/requests", null, Map.of("Authorization", header));
        }
        for (byte[] body : bodies("/api/users", parent)) {
          answer(admin, "POST", "/api/users", body, created);
        }
        for (String form : hostileLogins()) {
          send(
              anonymous,
              "POST",
              "/login",
              form.getBytes(StandardCharsets.UTF_8),
              Map.of("Content-Type", "application/x-www-form-urlencoded"));
        }
        answer(admin, "POST", "/api/sync/queue/abc/retry", null, created);
        answer(admin, "POST", "/api/sync/queue/99999999999999999999/retry", null, created);
      }
      assertThat(problems).as("answers that were neither a 4xx JSON error nor a success").isEmpty();

      for (Map.Entry<String, Map<String, Object>> record : created.entrySet()) {
        JsonNode stored = admin.get(record.getKey()).json();
        record
            .getValue()
            .forEach(
                (field, value) -> {
                  if (value instanceof String text) {
                    assertThat(stored.path(field).asString())
                        .as("%s %s", record.getKey(), field)
                        .isEqualTo(text);
                  }
                });
      }
      Scenario.requireWriteBack(service);
      scenario.drain(service, Duration.ofMinutes(3));
      Outcome.finish(
          scenario,
          workload,
          6,
          "6. hostile input",
          "%,d hostile requests".formatted(sent),
          "%d nasty-but-valid records stored exactly; no 5xx, no stack trace"
              .formatted(created.size()));
    }
  }

  private void answer(
      ApiClient client,
      String method,
      String path,
      byte[] body,
      Map<String, Map<String, Object>> created) {
    answer(client, method, path, body, created, null);
  }

  private void answer(
      ApiClient client,
      String method,
      String path,
      byte[] body,
      Map<String, Map<String, Object>> created,
      Map<String, Object> valid) {
    ApiClient.Response response =
        send(client, method, path, body, Map.of("Content-Type", "application/json"));
    if (response != null && response.ok() && method.equals("POST") && path.startsWith("/api/")) {
      String id = response.json().path("id").asString();
      if (!id.isEmpty()) {
        created.put(path + "/" + id, valid == null ? Map.of() : valid);
      }
    }
    if (valid != null && (response == null || !response.ok())) {
      problems.add("valid " + path + " " + valid.keySet() + " refused: " + response);
    }
  }

  private ApiClient.Response send(
      ApiClient client, String method, String path, byte[] body, Map<String, String> headers) {
    ApiClient.Response response;
    try {
      response = client.raw(method, path, body, headers);
    } catch (IllegalArgumentException e) {
      return null; // the JDK client refuses to send it (illegal header or URI): nothing to judge
    } catch (ApiClient.NoAnswer e) {
      problems.add(
          "no answer: %s %s (%d bytes): %s"
              .formatted(method, path, body == null ? 0 : body.length, e.getMessage()));
      return null;
    }
    sent++;
    String what = method + " " + path + " -> " + response;
    if (response.status() >= 500) {
      problems.add("5xx: " + what);
    } else if (response.status() >= 400) {
      if (!response.contentType().contains("json") || !isJsonObject(response.body())) {
        problems.add("4xx without a JSON error: " + what);
      }
    } else if (response.status() >= 300) {
      problems.add("redirect: " + what);
    }
    String text = response.body();
    if (text.contains("Exception") || text.contains("\tat ") || text.contains("java.")) {
      problems.add("stack trace: " + what);
    }
    return response;
  }

  private static boolean isJsonObject(String body) {
    try {
      return ApiClient.JSON.readTree(body).isObject();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String created(ApiClient admin, String path, Map<String, Object> body) {
    ApiClient.Response response = admin.post(path, body);
    assertThat(response.status()).as("%s %s", path, response).isEqualTo(201);
    return response.json().path("id").asString();
  }

  static byte[] json(Object value) {
    return ApiClient.JSON.writeValueAsBytes(value);
  }

  /** Bodies that must all be refused (or, for the ones that happen to be valid, succeed). */
  static List<byte[]> bodies(String path, String parent) {
    List<byte[]> bodies = new ArrayList<>();
    for (String text :
        List.of(
            "",
            "{",
            "{\"bookingCode\":",
            "[1,2",
            "nul",
            "null",
            "[]",
            "\"text\"",
            "123",
            "{\"a\":1}}",
            "{\"pax\":\"many\",\"totalPrice\":\"abc\"}",
            "{\"pax\":1.5}",
            "{\"pax\":1e309}",
            "{\"totalPrice\":1e400}",
            "{\"totalPrice\":[1]}",
            "{\"startDate\":\"31/12/2026\"}",
            "{\"status\":\"WHATEVER\"}",
            "{\"requestId\":\"not-a-uuid\"}",
            "{\"requestId\":\"" + parent + "\",\"amount\":-5,\"cost\":-5}",
            "{\"sellerId\":12}",
            "{\"id\":\"00000000-0000-0000-0000-000000000001\",\"sheetRowIndex\":5,\"hack\":true}",
            "{\"customerName\":\"" + "y".repeat(100_000) + "\"}",
            "{\"role\":\"SUPERUSER\",\"email\":\"not-an-email\"}",
            // Issue 13: dates PostgreSQL stores as -infinity or refuses, fractional integers,
            // passwords past bcrypt's 72 bytes, control characters in an email.
            "{\"startDate\":\"-4714-01-01\",\"serviceDate\":\"-4714-01-01\"}",
            "{\"endDate\":\"+5874898-01-01\",\"paymentDate\":\"+5874898-01-01\"}",
            "{\"pax\":2.0000001}",
            "{\"email\":\"e@example.com\",\"name\":\"E\",\"role\":\"SELLER\",\"password\":\""
                + "\u00e9".repeat(40)
                + "\"}",
            "{\"email\":\"e@example.com\\u0000\",\"name\":\"E\",\"role\":\"SELLER\","
                + "\"password\":\"long enough\"}")) {
      bodies.add(text.getBytes(StandardCharsets.UTF_8));
    }
    bodies.add(
        new byte[] {'{', '"', 'n', 'o', 't', 'e', 's', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'});
    bodies.add(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0});
    bodies.add(("{\"notes\":\"" + "z".repeat(10 * 1024 * 1024) + "\"}").getBytes());
    return bodies;
  }

  /**
   * Login forms the login must refuse with a 4xx JSON error (issue 13): control characters (NUL,
   * CR/LF that would forge log lines, U+0001 that got around the lock), an over-long name, a
   * password past bcrypt's 72 bytes, the Turkish dotted capital I.
   */
  static List<String> hostileLogins() {
    String password = "&password=whatever+it+is";
    return List.of(
        "username=admin%40localhost%00" + password,
        "username=admin%40localhost%0D%0A2026-01-01+INFO+forged+line" + password,
        "username=admin%40localhost%01" + password,
        "username=" + "a".repeat(400) + password,
        "username=admin%40localhost&password=" + "%C3%A9".repeat(40),
        "username=ADM%C4%B0N%40LOCALHOST" + password,
        "username=%F0%9F%98%80%40localhost" + password);
  }

  /** Valid records carrying the nastiest text the fields accept: they must be stored exactly. */
  static List<Map<String, Object>> validButNasty(String path, String parent, int repeat) {
    List<Map<String, Object>> records = new ArrayList<>();
    List<String> texts = new ArrayList<>(FORMULAS);
    texts.addAll(NASTY_TEXT);
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      String shortText = text.length() > 190 ? text.substring(0, 190) : text;
      Map<String, Object> body = new LinkedHashMap<>();
      switch (path) {
        case "/api/requests" -> {
          body.put(
              "bookingCode",
              "H"
                  + repeat
                  + "-"
                  + i
                  + "-"
                  + shortText.substring(0, Math.min(20, shortText.length())));
          body.put("customerName", shortText);
          body.put("destination", shortText);
          body.put("pax", 2);
          body.put("totalPrice", "10.50");
          body.put("currency", "USD");
          body.put("status", "NEW");
        }
        case "/api/operators" -> {
          body.put("requestId", parent);
          body.put("serviceType", "OTHER");
          body.put("supplierName", shortText);
          body.put("description", shortText);
          body.put("cost", "1.00");
          body.put("paymentStatus", "UNPAID");
        }
        default -> {
          body.put("requestId", parent);
          body.put("amount", "2.50");
          body.put("method", "OTHER");
          body.put("reference", shortText);
        }
      }
      body.put("notes", text);
      records.add(body);
    }
    return records;
  }

  static List<String> traversalIds() {
    return List.of(
        "..%2F..%2Fetc%2Fpasswd",
        "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "..;",
        "not-a-uuid",
        "00000000-0000-0000-0000-000000000000",
        "'%20OR%20'1'='1",
        "%00",
        "%F0%9F%98%80",
        "1e309");
  }

  static List<String> queries() {
    return List.of(
        "q=%27%20OR%201%3D1--",
        "status=%27%20OR%201%3D1",
        "page=-1&size=100000000",
        "page=abc",
        "requestId=not-a-uuid",
        "startDateFrom=yesterday",
        "sort=password_hash");
  }

  static List<String> authorizations() {
    return List.of(
        "Bearer",
        "Bearer ",
        "Bearer undefined",
        "Bearer null",
        "bearer " + Scenario.CRON_SECRET.toUpperCase(),
        "Bearer " + Scenario.CRON_SECRET + "x",
        "Bearer " + Scenario.CRON_SECRET.substring(1),
        "Basic YWRtaW46YWRtaW4=",
        "Token abc",
        "Bearer " + "a".repeat(20_000),
        "Bearer \u00e9\u00e8",
        "Bearer a b c");
  }
}
