package dev.sheetsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The control API under {@code /emulator}: {@code GET requests}, {@code GET|POST|DELETE faults},
 * {@code GET|POST quota}, {@code POST reset}, {@code POST spreadsheets}, {@code POST sharing}.
 */
final class ControlHandler {

  private final EmulatorControl control;

  ControlHandler(EmulatorControl control) {
    this.control = control;
  }

  void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String verb = exchange.getRequestMethod();
    try {
      JsonNode body = Http.body(exchange);
      Object result =
          switch (verb + " " + path) {
            case "GET /emulator/requests" -> counts(control.requestCounts());
            case "GET /emulator/faults" -> faultsJson(control.currentFaults());
            case "POST /emulator/faults" -> {
              control.faults(faults(body));
              yield faultsJson(control.currentFaults());
            }
            case "DELETE /emulator/faults" -> {
              control.clearFaults();
              yield faultsJson(control.currentFaults());
            }
            case "GET /emulator/quota" -> quotaJson(((LocalControl) control).quotas());
            case "POST /emulator/quota" -> {
              control.quota(quotas(((LocalControl) control).quotas(), body));
              yield quotaJson(((LocalControl) control).quotas());
            }
            case "POST /emulator/reset" -> {
              control.reset();
              yield Json.MAPPER.createObjectNode().put("reset", true);
            }
            case "POST /emulator/spreadsheets" -> {
              Map<String, List<String>> tabs = new LinkedHashMap<>();
              body.path("tabs")
                  .fields()
                  .forEachRemaining(
                      e -> {
                        List<String> header = new ArrayList<>();
                        e.getValue().forEach(h -> header.add(h.asText()));
                        tabs.put(e.getKey(), header);
                      });
              String id = required(body, "spreadsheetId");
              control.createSpreadsheet(id, body.path("title").asText(id), tabs);
              yield Json.MAPPER.createObjectNode().put("spreadsheetId", id);
            }
            case "POST /emulator/sharing" -> {
              String id = required(body, "spreadsheetId");
              boolean shared = body.path("shared").asBoolean(true);
              control.setNotShared(id, !shared);
              yield Json.MAPPER.createObjectNode().put("spreadsheetId", id).put("shared", shared);
            }
            default -> throw new ApiException(404, "No control endpoint " + verb + " " + path);
          };
      Http.json(exchange, 200, result);
    } catch (ApiException e) {
      Http.json(exchange, e.code(), Json.error(e.code(), e.getMessage()));
    } catch (IllegalArgumentException e) {
      Http.json(exchange, 400, Json.error(400, e.getMessage()));
    }
  }

  private static String required(JsonNode body, String field) {
    if (!body.path(field).isTextual()) {
      throw ApiException.badRequest("'" + field + "' is required");
    }
    return body.get(field).asText();
  }

  static ObjectNode counts(RequestCounts counts) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("total", counts.total());
    out.set("byMethod", Json.MAPPER.valueToTree(counts.byMethod()));
    out.put("status429", counts.status429()).put("withBearerToken", counts.withBearerToken());
    return out;
  }

  static RequestCounts counts(JsonNode json) {
    Map<String, Long> byMethod = new LinkedHashMap<>();
    json.path("byMethod")
        .fields()
        .forEachRemaining(e -> byMethod.put(e.getKey(), e.getValue().asLong()));
    return new RequestCounts(
        json.path("total").asLong(),
        byMethod,
        json.path("status429").asLong(),
        json.path("withBearerToken").asLong());
  }

  static ObjectNode faultsJson(Faults f) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("latencyMs", f.latencyMs())
        .put("errorRate", f.errorRate())
        .put("errorStatus", f.errorStatus())
        .put("failNext", f.failNext())
        .put("failNextStatus", f.failNextStatus())
        .put("dropAfterWrite", f.dropAfterWrite());
    if (f.seed() != null) {
      out.put("seed", f.seed());
    }
    return out;
  }

  /** Faults from JSON; absent fields take their "no fault" defaults. */
  static Faults faults(JsonNode json) {
    return new Faults(
        json.path("latencyMs").asLong(0),
        json.path("errorRate").asDouble(0),
        json.path("errorStatus").asInt(503),
        json.path("failNext").asInt(0),
        json.path("failNextStatus").asInt(503),
        json.path("dropAfterWrite").asBoolean(false),
        json.hasNonNull("seed") ? json.get("seed").asLong() : null);
  }

  static ObjectNode quotaJson(Quotas q) {
    return Json.MAPPER
        .createObjectNode()
        .put("writeRequestsPerMinute", q.writeRequestsPerMinutePerUser())
        .put("readRequestsPerMinute", q.readRequestsPerMinutePerUser())
        .put("writeRequestsPerMinutePerProject", q.writeRequestsPerMinutePerProject())
        .put("readRequestsPerMinutePerProject", q.readRequestsPerMinutePerProject());
  }

  /** Per-user limits from {@code write/readRequestsPerMinute}; absent fields keep their value. */
  static Quotas quotas(Quotas current, JsonNode json) {
    return new Quotas(
        json.path("readRequestsPerMinutePerProject")
            .asInt(current.readRequestsPerMinutePerProject()),
        json.path("writeRequestsPerMinutePerProject")
            .asInt(current.writeRequestsPerMinutePerProject()),
        json.path("readRequestsPerMinute").asInt(current.readRequestsPerMinutePerUser()),
        json.path("writeRequestsPerMinute").asInt(current.writeRequestsPerMinutePerUser()));
  }
}
