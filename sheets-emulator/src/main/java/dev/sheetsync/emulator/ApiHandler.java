package dev.sheetsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Answers Google's REST paths under {@code /v4/spreadsheets}: counts the request, applies faults
 * and quotas, runs the method against {@link Workbooks} and writes the JSON (or Google's error).
 */
final class ApiHandler {

  /** A matched API call; range is decoded, null when the path has none. */
  record Route(String method, boolean write, String spreadsheetId, String range) {}

  private final Workbooks workbooks;
  private final Traffic traffic;
  private final String baseUrl;

  ApiHandler(Workbooks workbooks, Traffic traffic, String baseUrl) {
    this.workbooks = workbooks;
    this.traffic = traffic;
    this.baseUrl = baseUrl;
  }

  void handle(HttpExchange exchange) throws IOException {
    String verb = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    Route route = route(verb, path);
    if (route == null) {
      Http.json(exchange, 404, Json.error(404, "Method not found: " + verb + " " + path));
      return;
    }
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    boolean bearer = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7);
    traffic.count(route.method(), bearer);
    Faults faults = traffic.faults();
    try {
      if (faults.latencyMs() > 0) {
        Thread.sleep(faults.latencyMs());
      }
      int injected = traffic.injectedFailure();
      if (injected != 0) {
        throw new ApiException(injected, ApiException.defaultMessage(injected));
      }
      traffic.acquire(route.write(), bearer ? auth.substring(7).trim() : "anonymous");
      JsonNode body = Json.camelCaseNames(Http.body(exchange));
      Map<String, List<String>> query = Http.query(exchange);
      ObjectNode result = execute(route, query, body);
      String fields = Http.first(query, "fields", null);
      if (fields != null && !fields.isBlank()) {
        result = FieldMask.select(result, fields);
      }
      if (route.write() && faults.dropAfterWrite()) {
        throw new ApiException(503, ApiException.defaultMessage(503));
      }
      Http.json(exchange, 200, result);
    } catch (ApiException e) {
      Http.json(exchange, e.code(), Json.error(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      Http.json(exchange, 503, Json.error(503, ApiException.defaultMessage(503)));
    } catch (RuntimeException e) {
      Http.json(exchange, 500, Json.error(500, "Internal error encountered: " + e));
    }
  }

  static Route route(String verb, String rawPath) {
    String prefix = "/v4/spreadsheets";
    if (!rawPath.startsWith(prefix)) {
      return null;
    }
    String rest = rawPath.substring(prefix.length());
    if (rest.isEmpty() || rest.equals("/")) {
      return verb.equals("POST") ? new Route("spreadsheets.create", true, null, null) : null;
    }
    rest = rest.substring(1);
    int slash = rest.indexOf('/');
    String head = slash < 0 ? rest : rest.substring(0, slash);
    if (slash < 0) {
      if (head.endsWith(":batchUpdate") && verb.equals("POST")) {
        return new Route("spreadsheets.batchUpdate", true, id(head, ":batchUpdate"), null);
      }
      return verb.equals("GET")
          ? new Route("spreadsheets.get", false, Http.decodePath(head), null)
          : null;
    }
    String id = Http.decodePath(head);
    String tail = rest.substring(slash + 1);
    switch (tail) {
      case "values:batchGet":
        return verb.equals("GET") ? new Route("values.batchGet", false, id, null) : null;
      case "values:batchUpdate":
        return verb.equals("POST") ? new Route("values.batchUpdate", true, id, null) : null;
      case "values:batchClear":
        return verb.equals("POST") ? new Route("values.batchClear", true, id, null) : null;
      default:
        break;
    }
    if (!tail.startsWith("values/") || tail.length() == "values/".length()) {
      return null;
    }
    String range = tail.substring("values/".length());
    if (verb.equals("POST") && range.endsWith(":append")) {
      return new Route("values.append", true, id, Http.decodePath(id(range, ":append")));
    }
    if (verb.equals("POST") && range.endsWith(":clear")) {
      return new Route("values.clear", true, id, Http.decodePath(id(range, ":clear")));
    }
    return switch (verb) {
      case "GET" -> new Route("values.get", false, id, Http.decodePath(range));
      case "PUT" -> new Route("values.update", true, id, Http.decodePath(range));
      default -> null;
    };
  }

  private static String id(String text, String suffix) {
    return Http.decodePath(text.substring(0, text.length() - suffix.length()));
  }

  private ObjectNode execute(Route route, Map<String, List<String>> q, JsonNode body) {
    String id = route.spreadsheetId();
    return switch (route.method()) {
      case "spreadsheets.create" -> create(body);
      case "spreadsheets.get" ->
          workbooks.read(
              id,
              book ->
                  GridData.resource(
                      book, baseUrl, q.getOrDefault("ranges", List.of()), gridData(q)));
      case "spreadsheets.batchUpdate" ->
          workbooks.write(id, book -> SpreadsheetOps.batchUpdate(book, body));
      case "values.get" ->
          workbooks.read(
              id,
              book ->
                  ValuesOps.get(
                      book,
                      route.range(),
                      Options.columns(Http.first(q, "majorDimension", null), "major_dimension"),
                      Options.reading(q)));
      case "values.batchGet" -> workbooks.read(id, book -> batchGet(book, q));
      case "values.update" ->
          workbooks.write(
              id,
              book ->
                  withData(
                      book,
                      q,
                      ValuesOps.update(
                          book,
                          route.range(),
                          body,
                          userEntered(Http.first(q, "valueInputOption", null)))));
      case "values.batchUpdate" -> workbooks.write(id, book -> batchUpdate(book, body));
      case "values.append" -> workbooks.write(id, book -> append(book, route.range(), q, body));
      case "values.clear" ->
          workbooks.write(
              id,
              book ->
                  Json.MAPPER
                      .createObjectNode()
                      .put("spreadsheetId", id)
                      .put("clearedRange", ValuesOps.clear(book, route.range())));
      case "values.batchClear" -> workbooks.write(id, book -> batchClear(book, body));
      default -> throw new IllegalStateException(route.method());
    };
  }

  /** Grid data is answered when asked for, or when a {@code fields} mask selects it. */
  private static boolean gridData(Map<String, List<String>> q) {
    if (Boolean.parseBoolean(Http.first(q, "includeGridData", "false"))) {
      return true;
    }
    String fields = Http.first(q, "fields", "");
    return !fields.isBlank()
        && FieldMask.paths(fields).stream()
            .anyMatch(p -> p.equals("*") || p.equals("sheets") || p.startsWith("sheets.data"));
  }

  private ObjectNode create(JsonNode body) {
    String id = UUID.randomUUID().toString().replace("-", "");
    String title = body.path("properties").path("title").asText("Untitled spreadsheet");
    workbooks.create(id, title);
    return workbooks.write(
        id,
        book -> {
          SpreadsheetOps.initialize(book, body);
          return SpreadsheetOps.resource(book, baseUrl);
        });
  }

  static boolean userEntered(String option) {
    if (option == null || option.isEmpty() || option.equals("INPUT_VALUE_OPTION_UNSPECIFIED")) {
      throw ApiException.badRequest("'valueInputOption' is required but not specified");
    }
    return switch (option) {
      case "USER_ENTERED" -> true;
      case "RAW" -> false;
      default -> throw ApiException.invalidValue("value_input_option", "ValueInputOption", option);
    };
  }

  private ObjectNode batchGet(Spreadsheet book, Map<String, List<String>> q) {
    ObjectNode out = Json.MAPPER.createObjectNode().put("spreadsheetId", book.spreadsheetId);
    ArrayNode ranges = out.putArray("valueRanges");
    boolean major = Options.columns(Http.first(q, "majorDimension", null), "major_dimension");
    Options.Rendering render = Options.reading(q);
    for (String range : q.getOrDefault("ranges", List.of())) {
      ranges.add(ValuesOps.get(book, range, major, render));
    }
    return out;
  }

  private ObjectNode batchUpdate(Spreadsheet book, JsonNode body) {
    boolean userEntered = userEntered(body.path("valueInputOption").asText(null));
    ObjectNode out = Json.MAPPER.createObjectNode().put("spreadsheetId", book.spreadsheetId);
    ArrayNode responses = Json.MAPPER.createArrayNode();
    // Google counts the distinct rows and columns written (two ranges A10:D10 and A13:D13 are 2
    // rows and 4 columns, as recorded), summed over the sheets.
    Set<String> rows = new HashSet<>();
    Set<String> columns = new HashSet<>();
    int cells = 0;
    Set<String> sheets = new HashSet<>();
    JsonNode data = body.path("data");
    for (int i = 0; i < data.size(); i++) {
      JsonNode vr = data.get(i);
      String range = vr.path("range").asText("");
      ObjectNode r = ValuesOps.update(book, range, vr, userEntered);
      Options.Rendering rendering =
          Options.response(
              body.path("responseValueRenderOption").asText(null),
              body.path("responseDateTimeRenderOption").asText(null));
      if (body.path("includeValuesInResponse").asBoolean(false)) {
        r.set("updatedData", ValuesOps.get(book, r.get("updatedRange").asText(), false, rendering));
      }
      responses.add(r);
      cells += r.path("updatedCells").asInt();
      if (r.path("updatedCells").asInt() > 0) {
        String updated = r.get("updatedRange").asText();
        String sheet = updated.replaceAll("![^!]*$", "");
        sheets.add(sheet);
        ValuesOps.Area area = ValuesOps.area(book, updated);
        for (int row = area.startRow();
            row < area.startRow() + r.path("updatedRows").asInt();
            row++) {
          rows.add(sheet + "!" + row);
        }
        for (int col = area.startCol(); col < area.endCol(); col++) {
          columns.add(sheet + "!" + col);
        }
      }
    }
    if (cells > 0) {
      out.put("totalUpdatedRows", rows.size())
          .put("totalUpdatedColumns", columns.size())
          .put("totalUpdatedCells", cells)
          .put("totalUpdatedSheets", sheets.size());
    }
    out.set("responses", responses);
    return out;
  }

  private ObjectNode withData(Spreadsheet book, Map<String, List<String>> q, ObjectNode r) {
    // Validated even when unused, as Google parses every option (the write is undone on a 400).
    Options.Rendering rendering =
        Options.response(
            Http.first(q, "responseValueRenderOption", null),
            Http.first(q, "responseDateTimeRenderOption", null));
    if (Boolean.parseBoolean(Http.first(q, "includeValuesInResponse", "false"))) {
      r.set("updatedData", ValuesOps.get(book, r.get("updatedRange").asText(), false, rendering));
    }
    return r;
  }

  private ObjectNode append(
      Spreadsheet book, String range, Map<String, List<String>> q, JsonNode body) {
    boolean userEntered = userEntered(Http.first(q, "valueInputOption", null));
    String insert = Http.first(q, "insertDataOption", "OVERWRITE");
    if (!insert.equals("OVERWRITE") && !insert.equals("INSERT_ROWS")) {
      throw ApiException.invalidValue("insert_data_option", "InsertDataOption", insert);
    }
    ObjectNode out = Append.append(book, range, body, userEntered, insert.equals("INSERT_ROWS"));
    withData(book, q, (ObjectNode) out.get("updates"));
    return out;
  }

  private ObjectNode batchClear(Spreadsheet book, JsonNode body) {
    ObjectNode out = Json.MAPPER.createObjectNode().put("spreadsheetId", book.spreadsheetId);
    ArrayNode cleared = out.putArray("clearedRanges");
    for (JsonNode range : body.path("ranges")) {
      cleared.add(ValuesOps.clear(book, range.asText()));
    }
    return out;
  }
}
