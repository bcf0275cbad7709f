package dev.sheetsync.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * People using the API: creates, updates (many on the same few records) and deletes of requests,
 * operators and revenues, spread over the given clients in turn. Every write carries a fresh {@code
 * notes} text, so the end state tells which write won. Tracks what each client was told: {@link
 * #verifyAcknowledged} proves that no acknowledged write is missing from the database. Thread-safe;
 * changes are counted only when the service acknowledged them (2xx).
 */
final class Workload {

  private static final String NOTES_SQL = "select id::text as id, notes from %s";

  private final List<ApiClient> clients;
  private final Random random;
  private final String tag;
  private final AtomicInteger acknowledged = new AtomicInteger();
  private final AtomicInteger unanswered = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private final AtomicInteger sequence = new AtomicInteger();
  private final Map<String, Tracked> records = new ConcurrentHashMap<>();
  private final List<String> requests = new ArrayList<>();
  private final List<String> children = new ArrayList<>();
  private int turn;

  Workload(List<ApiClient> clients, long seed, String tag) {
    this.clients = List.copyOf(clients);
    this.random = new Random(seed);
    this.tag = tag;
  }

  int acknowledged() {
    return acknowledged.get();
  }

  /** Writes that got no answer at all (the process was killed or down). */
  int unanswered() {
    return unanswered.get();
  }

  /** Writes answered with 5xx (503 while the database is away). */
  int refused() {
    return refused.get();
  }

  /** Sends writes until {@code count} more were acknowledged (gives up after 20× attempts). */
  void run(int count) {
    int target = acknowledged.get() + count;
    int attempts = 0;
    while (acknowledged.get() < target && attempts++ < count * 20) {
      step();
    }
  }

  /** One write. Returns whether the service acknowledged it. */
  synchronized boolean step() {
    ApiClient client = clients.get(turn++ % clients.size());
    int dice = random.nextInt(100);
    if (requests.isEmpty() || dice < 22) {
      return createRequest(client);
    }
    if (dice < 42) {
      return createChild(client, random.nextBoolean() ? "operators" : "revenues");
    }
    if (dice < 90) {
      return update(client);
    }
    return delete(client);
  }

  private boolean createRequest(ApiClient client) {
    int n = sequence.incrementAndGet();
    String notes = notes(n);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("bookingCode", "BK-" + tag + "-" + n);
    body.put("customerName", "Customer " + tag + " " + n);
    body.put("customerPhone", "+84 90 " + (1_000_000 + n));
    body.put("customerEmail", "c" + n + "@" + tag + ".test");
    body.put("destination", List.of("Hanoi", "Hue", "Da Nang", "Sapa").get(n % 4));
    body.put("startDate", "2026-03-" + (10 + n % 10));
    body.put("endDate", "2026-03-" + (20 + n % 8));
    body.put("pax", 1 + n % 9);
    body.put(
        "totalPrice",
        new java.math.BigDecimal(n).movePointLeft(2).add(java.math.BigDecimal.valueOf(500)));
    body.put("currency", "USD");
    body.put("status", "NEW");
    body.put("notes", notes);
    ApiClient.Response response = send(() -> client.post("/api/requests", body));
    if (response == null) {
      return false;
    }
    String id = response.json().path("id").asString();
    records.put(id, new Tracked("requests", id, notes));
    requests.add(id);
    return true;
  }

  private boolean createChild(ApiClient client, String path) {
    int n = sequence.incrementAndGet();
    String requestId = requests.get(random.nextInt(requests.size()));
    String notes = notes(n);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("requestId", requestId);
    if (path.equals("operators")) {
      body.put("serviceDate", "2026-04-" + (10 + n % 18));
      body.put("serviceType", List.of("HOTEL", "TRANSPORT", "GUIDE", "TICKET", "MEAL").get(n % 5));
      body.put("supplierName", "Supplier " + tag + " " + n);
      body.put("description", "Service " + n);
      body.put("cost", java.math.BigDecimal.valueOf(n, 2).add(java.math.BigDecimal.TEN));
      body.put("paymentStatus", "UNPAID");
    } else {
      body.put("paymentDate", "2026-02-" + (10 + n % 18));
      body.put("amount", java.math.BigDecimal.valueOf(n, 2).add(java.math.BigDecimal.ONE));
      body.put("method", List.of("CASH", "BANK_TRANSFER", "CARD").get(n % 3));
      body.put("reference", "REF-" + tag + "-" + n);
    }
    body.put("notes", notes);
    ApiClient.Response response = send(() -> client.post("/api/" + path, body));
    if (response == null) {
      return false;
    }
    String id = response.json().path("id").asString();
    Tracked child = new Tracked(path, id, notes);
    child.parent = requestId;
    records.put(id, child);
    children.add(id);
    return true;
  }

  /** Updates favour a small hot set, so that coalescing and row reuse get exercised. */
  private boolean update(ApiClient client) {
    List<String> pool = random.nextInt(3) == 0 && !children.isEmpty() ? children : requests;
    int window = Math.min(pool.size(), 12);
    String id =
        random.nextInt(4) == 0
            ? pool.get(random.nextInt(pool.size()))
            : pool.get(pool.size() - 1 - random.nextInt(window));
    Tracked record = records.get(id);
    if (record == null || record.deleted) {
      return false;
    }
    int n = sequence.incrementAndGet();
    String notes = notes(n);
    Map<String, Object> body = new HashMap<>();
    body.put("notes", notes);
    switch (record.path) {
      case "requests" -> {
        body.put("customerName", "Customer " + tag + " " + n);
        body.put("status", List.of("NEW", "CONFIRMED", "COMPLETED").get(n % 3));
      }
      case "operators" ->
          body.put("paymentStatus", List.of("UNPAID", "PARTIAL", "PAID").get(n % 3));
      default -> body.put("reference", "REF-" + tag + "-" + n);
    }
    record.attempted(notes);
    ApiClient.Response response = send(() -> client.patch("/api/" + record.path + "/" + id, body));
    if (response == null) {
      if (lastStatus == 404) {
        // a cascade delete that went through without an answer took this record with it
        record.deleted = true;
      }
      return false;
    }
    record.acknowledged(notes);
    return true;
  }

  private boolean delete(ApiClient client) {
    boolean parent = children.isEmpty() || random.nextInt(4) == 0;
    List<String> pool = parent ? requests : children;
    if (pool.size() < 3) {
      return false;
    }
    String id = pool.remove(random.nextInt(pool.size()));
    Tracked record = records.get(id);
    record.deleteAttempted = true;
    String path = "/api/" + record.path + "/" + id + (parent ? "?cascade=true" : "");
    ApiClient.Response response = send(() -> client.delete(path));
    if (response == null && lastStatus != 404) {
      return false;
    }
    record.deleted = true;
    if (parent) {
      for (Tracked child : records.values()) {
        if (id.equals(child.parent)) {
          child.deleted = true;
          children.remove(child.id);
        }
      }
    }
    return response != null;
  }

  private int lastStatus;

  /** The answer if acknowledged; null (and counted) when unanswered or refused. */
  private ApiClient.Response send(java.util.function.Supplier<ApiClient.Response> call) {
    lastStatus = 0;
    try {
      ApiClient.Response response = call.get();
      lastStatus = response.status();
      if (response.ok()) {
        acknowledged.incrementAndGet();
        return response;
      }
      if (response.status() >= 500) {
        refused.incrementAndGet();
        return null;
      }
      if (response.status() == 404 || response.status() == 409) {
        return null;
      }
      throw new AssertionError("a valid write was rejected: " + response);
    } catch (ApiClient.NoAnswer e) {
      unanswered.incrementAndGet();
      ServiceProcess.sleep(java.time.Duration.ofMillis(50));
      return null;
    }
  }

  private String notes(int n) {
    return "note " + tag + " " + n;
  }

  /**
   * Every acknowledged write is in the database: each acknowledged record still exists unless a
   * delete was sent for it, and holds the notes of its last acknowledged write or of a later write
   * that got no answer. Violations are reported as lost changes.
   */
  void verifyAcknowledged(JdbcClient jdbc, ConsistencyReport report) {
    Map<String, String> notes = new HashMap<>();
    for (String table : Set.of("requests", "operators", "revenues")) {
      jdbc.sql(NOTES_SQL.formatted(table))
          .query(
              (org.springframework.jdbc.core.RowCallbackHandler)
                  rs -> notes.put(rs.getString("id"), rs.getString("notes")));
    }
    for (Tracked record : records.values()) {
      String stored = notes.get(record.id);
      if (stored == null) {
        if (!record.deleted && !record.deleteAttempted && !parentDeleteAttempted(record)) {
          report.lost("acknowledged " + record.path + " " + record.id + " is not in the database");
        }
      } else if (record.deleted) {
        report.lost("acknowledged delete of " + record.path + " " + record.id + " did not happen");
      } else if (!record.possible().contains(stored)) {
        report.lost(
            "%s %s holds '%s', acknowledged '%s'"
                .formatted(record.path, record.id, stored, record.acknowledgedNotes));
      }
    }
  }

  private boolean parentDeleteAttempted(Tracked record) {
    Tracked parent = record.parent == null ? null : records.get(record.parent);
    return parent != null && parent.deleteAttempted;
  }

  /** What one client was told about one record. */
  private static final class Tracked {
    final String path;
    final String id;
    String parent;
    volatile String acknowledgedNotes;
    final List<String> unacknowledgedSince = new ArrayList<>();
    volatile boolean deleted;
    volatile boolean deleteAttempted;

    Tracked(String path, String id, String notes) {
      this.path = path;
      this.id = id;
      this.acknowledgedNotes = notes;
    }

    synchronized void attempted(String notes) {
      unacknowledgedSince.add(notes);
    }

    synchronized void acknowledged(String notes) {
      acknowledgedNotes = notes;
      unacknowledgedSince.clear();
    }

    synchronized Set<String> possible() {
      Set<String> possible = new java.util.HashSet<>(unacknowledgedSince);
      possible.add(acknowledgedNotes);
      return possible;
    }
  }

  static String newTag() {
    return UUID.randomUUID().toString().substring(0, 6);
  }
}
