package dev.sheetsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replays one gspread cassette against a running emulator: spreadsheets the recording creates
 * through Drive's {@code files.create} are created through the control API (under the recorded id),
 * every Sheets call is sent in order, and each answer is compared with Google's recorded one. Sheet
 * ids Google chose are mapped to the emulator's as they appear (addSheet replies, and tabs of the
 * same title in {@code spreadsheets.get}), in request bodies and before comparing.
 */
final class CassetteReplay {

  /** One replayed call: its method (with batchUpdate's request kinds) and the differences. */
  record Call(
      String cassette,
      String method,
      int googleStatus,
      int emulatorStatus,
      List<JsonDiff.Difference> differences) {
    boolean matches() {
      return googleStatus == emulatorStatus && differences.isEmpty();
    }
  }

  /** The calls replayed, and how many recorded Sheets calls were skipped (and why). */
  record Result(List<Call> calls, Map<String, Integer> skipped) {}

  private static final String SHEETS = "https://sheets.googleapis.com";
  private static final String DRIVE_FILES = "https://www.googleapis.com/drive/v3/files";
  private static final String DRIVE_UPLOAD = "https://www.googleapis.com/upload/drive/v2/files";

  private final SheetsEmulator emulator;
  private final HttpClient http;

  /**
   * Google's ids to the emulator's, keyed "field:value" (sheetId, namedRangeId, protectedRangeId).
   */
  private final Map<String, JsonNode> ids = new HashMap<>();

  private final Set<String> unmodelledCopies = new HashSet<>();
  private final Set<String> foundByListing = new HashSet<>();
  private final Set<String> created = new HashSet<>();

  private CassetteReplay(SheetsEmulator emulator, HttpClient http) {
    this.emulator = emulator;
    this.http = http;
  }

  static Result replay(Path cassette, SheetsEmulator emulator, HttpClient http) {
    try {
      return new CassetteReplay(emulator, http).run(cassette);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Result run(Path cassette) throws IOException {
    String name = cassette.getFileName().toString().replace(".json", "");
    List<Call> calls = new ArrayList<>();
    Map<String, Integer> skipped = new HashMap<>();
    for (JsonNode it : Json.MAPPER.readTree(cassette.toFile()).path("interactions")) {
      String uri = it.path("uri").asText();
      if (uri.startsWith(DRIVE_FILES) || uri.startsWith(DRIVE_UPLOAD)) {
        drive(it);
        continue;
      }
      if (!uri.startsWith(SHEETS)) {
        continue;
      }
      if (unmodelledCopies.stream().anyMatch(uri::contains)) {
        skipped.merge(
            "spreadsheet filled by Drive copy or CSV import (not modelled)", 1, Integer::sum);
        continue;
      }
      if (foundByListing.stream().anyMatch(uri::contains)) {
        skipped.merge(
            "spreadsheet made before the recording (found by Drive files.list)", 1, Integer::sum);
        continue;
      }
      notSharedWithCaller(it);
      calls.add(call(name, it));
    }
    return new Result(calls, skipped);
  }

  /** Drive's files.create of a spreadsheet becomes a control-API create under the same id. */
  private void drive(JsonNode it) throws IOException {
    if (it.path("status").asInt() != 200) {
      return;
    }
    String method = it.path("method").asText();
    String uri = it.path("uri").asText();
    String path =
        uri.substring(uri.startsWith(DRIVE_FILES) ? DRIVE_FILES.length() : DRIVE_UPLOAD.length())
            .replaceAll("\\?.*", "");
    JsonNode response = parse(it.path("response").asText(""));
    if (method.equals("POST") && path.isEmpty()) {
      JsonNode body = parse(it.path("body").asText(""));
      if ("application/vnd.google-apps.spreadsheet".equals(body.path("mimeType").asText())) {
        created.add(response.path("id").asText());
        emulator.createSpreadsheet(
            response.path("id").asText(), body.path("name").asText(), Map.of("Sheet1", List.of()));
      }
    } else if (method.equals("POST") && path.endsWith("/copy")) {
      unmodelledCopies.add(response.path("id").asText("?"));
    } else if (method.equals("PUT") && uri.contains("/upload/drive/")) {
      unmodelledCopies.add(path.substring(path.lastIndexOf('/') + 1));
    } else if (method.equals("GET") && path.isEmpty()) {
      for (JsonNode file : response.path("files")) {
        if (!created.contains(file.path("id").asText())) {
          foundByListing.add(file.path("id").asText());
        }
      }
    }
  }

  /**
   * A recording of a 403 on a spreadsheet it never created reads someone else's spreadsheet: the
   * same precondition is set up through the control API (a spreadsheet not shared with the caller).
   */
  private void notSharedWithCaller(JsonNode it) {
    if (it.path("status").asInt() != 403) {
      return;
    }
    String id = URI.create(it.path("uri").asText()).getRawPath().split("/")[3].split(":")[0];
    if (!created.contains(id)) {
      created.add(id);
      emulator.createSpreadsheet(id, "someone else's", Map.of("Sheet1", List.of()));
      emulator.control().setNotShared(id, true);
    }
  }

  private Call call(String cassette, JsonNode it) throws IOException {
    String verb = it.path("method").asText();
    String uri = it.path("uri").asText();
    String rawPath = URI.create(uri).getRawPath();
    ApiHandler.Route route = ApiHandler.route(verb, rawPath);
    String body = it.path("body").isTextual() ? it.path("body").asText() : null;
    JsonNode request = body == null ? MissingNode.getInstance() : parse(body);
    if (request.isContainerNode()) {
      mapIds(request, ids);
      body = Json.MAPPER.writeValueAsString(request);
    }
    HttpRequest.Builder send =
        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + uri.substring(SHEETS.length() + 1)))
            .header("Authorization", "Bearer replay")
            .header("Content-Type", "application/json");
    send.method(
        verb,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> answer;
    try {
      answer = http.send(send.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    JsonNode google = parse(it.path("response").asText(""));
    JsonNode actual = parse(answer.body());
    learnIds(google, actual);
    mapIds(google, ids);
    List<JsonDiff.Difference> differences = new ArrayList<>();
    for (JsonDiff.Difference d : JsonDiff.diff(google, actual)) {
      if (!Unmodelled.ignored(d.path())) {
        differences.add(d);
      }
    }
    return new Call(
        cassette,
        methodName(route, verb, request),
        it.path("status").asInt(),
        answer.statusCode(),
        differences);
  }

  private static String methodName(ApiHandler.Route route, String verb, JsonNode request) {
    if (route == null) {
      return verb + " (no route)";
    }
    if (!route.method().equals("spreadsheets.batchUpdate")) {
      return route.method();
    }
    Set<String> kinds = new LinkedHashSet<>();
    JsonNode requests = request.path("requests");
    for (JsonNode r : requests.isObject() ? List.of(requests) : requests) {
      for (JsonNode one : r.isArray() ? r : List.of(r)) {
        one.fieldNames().forEachRemaining(kinds::add);
      }
    }
    return "spreadsheets.batchUpdate(" + String.join(",", kinds) + ")";
  }

  /**
   * Pairs Google's ids with the emulator's: from replies that create something (addSheet,
   * addNamedRange, addProtectedRange), then tabs of the same title in {@code spreadsheets.get}.
   */
  private void learnIds(JsonNode google, JsonNode actual) {
    JsonNode replies = google.path("replies");
    for (int i = 0; i < replies.size(); i++) {
      JsonNode e = actual.path("replies").path(i);
      learn(
          replies.get(i).at("/addSheet/properties/sheetId"),
          e.at("/addSheet/properties/sheetId"),
          "sheetId");
      learn(
          replies.get(i).at("/addNamedRange/namedRange/namedRangeId"),
          e.at("/addNamedRange/namedRange/namedRangeId"),
          "namedRangeId");
      learn(
          replies.get(i).at("/addProtectedRange/protectedRange/protectedRangeId"),
          e.at("/addProtectedRange/protectedRange/protectedRangeId"),
          "protectedRangeId");
    }
    for (JsonNode g : google.path("sheets")) {
      for (JsonNode e : actual.path("sheets")) {
        JsonNode gp = g.path("properties");
        JsonNode ep = e.path("properties");
        if (gp.path("title").asText().equals(ep.path("title").asText(null))) {
          learn(gp.path("sheetId"), ep.path("sheetId"), "sheetId");
        }
      }
    }
  }

  private void learn(JsonNode google, JsonNode emulator, String field) {
    if (google.isValueNode() && emulator.isValueNode()) {
      ids.putIfAbsent(field + ":" + google.asText(), emulator);
    }
  }

  /** Replaces mapped ids in place, wherever an id field holds one Google chose. */
  static void mapIds(JsonNode node, Map<String, JsonNode> ids) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      for (String field : List.of("sheetId", "sheet_id", "namedRangeId", "protectedRangeId")) {
        JsonNode v = object.get(field);
        String key =
            (field.equals("sheet_id") ? "sheetId" : field) + ":" + (v == null ? "" : v.asText());
        if (v != null && v.isValueNode() && ids.containsKey(key)) {
          object.set(field, ids.get(key));
        }
      }
    }
    node.elements().forEachRemaining(child -> mapIds(child, ids));
  }

  private static JsonNode parse(String text) throws IOException {
    if (text == null || text.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return Json.MAPPER.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return Json.MAPPER.getNodeFactory().textNode(text);
    }
  }

  static List<Path> cassettes(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }
}
