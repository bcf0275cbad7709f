package dev.sheetsync.reliability;

import static org.awaitility.Awaitility.await;

import dev.sheetsync.emulator.ValueRender;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One scenario's world: its own database and spreadsheet on the shared servers, the service
 * processes it starts, and the moves every scenario needs (trigger a write-back, drain the queue,
 * read the sheet, run the consistency check). Closing it kills its processes.
 */
final class Scenario implements AutoCloseable {

  static final String ADMIN_EMAIL = "admin@reliability.test";
  static final String ADMIN_PASSWORD = "reliability-admin-password";
  static final String CRON_SECRET = "reliability-cron-secret-0123456789abcdef0123456789";

  private static final String QUEUE_SQL =
      """
      select id, status, model, action, record_id::text as record_id, retries from sync_queue
      """;

  private static final String SUCCESS_LOGS_SQL =
      """
      select queue_item_id, count(*) as successes
        from sync_log
       where status = 'SUCCESS' and queue_item_id is not null
       group by queue_item_id
      """;

  private static final String UNFINISHED_SQL =
      """
      select count(*) from sync_queue where status in ('PENDING', 'PROCESSING')
      """;

  final ReliabilityEnvironment env;
  final String name;
  final String spreadsheetId;
  final JdbcClient jdbc;
  private final List<ServiceProcess> services =
      java.util.Collections.synchronizedList(new ArrayList<>());
  private final Instant started = Instant.now();

  Scenario(ReliabilityEnvironment env, String name) {
    this.env = env;
    this.name = name;
    this.spreadsheetId = name;
    env.postgres.createDatabase(name);
    this.jdbc = env.postgres.jdbc(name);
    // one scenario at a time: a clean emulator, so that its counters are this scenario's
    env.emulator.control().reset();
    env.emulator.createSpreadsheet(spreadsheetId, name, env.layout.headers());
  }

  /**
   * The environment of one instance. Retries, backoff and leases are shortened so that a crash or a
   * fault costs the suite seconds rather than the production defaults' minutes; the write-back's
   * run limit stays below the lease, as the service requires.
   */
  Map<String, String> environment(String instance) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DATABASE_URL", this.env.postgres.url(name));
    env.put("DATA_DIR", this.env.dir.resolve(name).resolve(instance).toString());
    env.put("ADMIN_EMAIL", ADMIN_EMAIL);
    env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("CRON_SECRET", CRON_SECRET);
    env.put("SHEETS_EMULATOR_HOST", this.env.emulatorHost());
    env.put("SHEETS_SPREADSHEET_ID", spreadsheetId);
    env.put("SYNC_SCHEDULER_ENABLED", "false");
    env.put("SHEETSYNC_QUEUE_BACKOFFBASE", "500ms");
    env.put("SHEETSYNC_QUEUE_BACKOFFMAX", "3s");
    env.put("SHEETSYNC_QUEUE_LEASE", "30s");
    env.put("SHEETSYNC_WRITEBACK_MAXRUNDURATION", "20s");
    // Google retries: short waits, and no self-imposed quota (the emulator's quotas are off).
    env.put("SHEETSYNC_WRITEBACK_GOOGLE_INITIALBACKOFF", "100ms");
    env.put("SHEETSYNC_WRITEBACK_GOOGLE_MAXBACKOFF", "1s");
    env.put("SHEETSYNC_WRITEBACK_GOOGLE_QUOTAWINDOW", "2s");
    env.put("SHEETSYNC_WRITEBACK_GOOGLE_WRITEREQUESTSPERMINUTE", "0");
    env.put("SHEETSYNC_WRITEBACK_GOOGLE_READREQUESTSPERMINUTE", "0");
    env.put("SHEETSYNC_SHEETS_READTIMEOUT", "5s");
    env.put("SHEETSYNC_SHEETS_CONNECTTIMEOUT", "2s");
    // The console's warm-up before readiness (up to 20 s on a loaded machine) is about the first
    // page loads, not the sync; scenarios restart instances many times and would only wait longer.
    env.put("SHEETSYNC_CONSOLE_WARMUP", "false");
    return env;
  }

  /** Starts an instance and waits for it to be healthy. */
  ServiceProcess start(String instance, Consumer<Map<String, String>> tweak) {
    Map<String, String> environment = environment(instance);
    tweak.accept(environment);
    ServiceProcess service =
        new ServiceProcess(name + "-" + instance, env.jar, env.dir.resolve("logs"), environment);
    services.add(service);
    return service.start();
  }

  ServiceProcess start(String instance) {
    return start(instance, e -> {});
  }

  ApiClient admin(ServiceProcess service) {
    return ApiClient.of(service).login(ADMIN_EMAIL, ADMIN_PASSWORD);
  }

  /** {@code POST /api/sync/write-back} with the cron secret, as an outside cron would call it. */
  static ApiClient.Response triggerWriteBack(ServiceProcess service) {
    return new ApiClient(service::baseUri)
        .raw(
            "POST", "/api/sync/write-back", null, Map.of("Authorization", "Bearer " + CRON_SECRET));
  }

  /**
   * The write-back endpoint answers the cron secret (200, or 409 when a scheduled run holds the
   * lock). Once skipped while the endpoint had not landed; now a 401, 403 or 404 fails the
   * scenario, so a broken endpoint cannot pass the suite by skipping it.
   */
  static void requireWriteBack(ServiceProcess service) {
    int status = triggerWriteBack(service).status();
    org.assertj.core.api.Assertions.assertThat(status)
        .as("POST /api/sync/write-back with the cron secret")
        .isIn(200, 409);
  }

  long unfinished() {
    return jdbc.sql(UNFINISHED_SQL).query(Long.class).single();
  }

  /**
   * Triggers write-backs on {@code service} until nothing is PENDING or PROCESSING (items waiting
   * for their backoff are waited for).
   */
  void drain(ServiceProcess service, Duration timeout) {
    await("queue of " + name + " drained")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              try {
                triggerWriteBack(service);
              } catch (ApiClient.NoAnswer e) {
                return false;
              }
              return unfinished() == 0;
            });
  }

  QueueState queueState() {
    List<QueueState.Item> items =
        jdbc.sql(QUEUE_SQL)
            .query(
                (rs, n) ->
                    new QueueState.Item(
                        rs.getLong("id"),
                        rs.getString("status"),
                        rs.getString("model"),
                        rs.getString("action"),
                        rs.getString("record_id"),
                        rs.getInt("retries")))
            .list();
    Map<Long, Integer> successes = new HashMap<>();
    jdbc.sql(SUCCESS_LOGS_SQL)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> successes.put(rs.getLong("queue_item_id"), rs.getInt("successes")));
    return new QueueState(items, successes);
  }

  /** The sheet now, read in-process: faults, quotas and counters do not apply to this read. */
  Map<String, SheetTab> readSheet() {
    Map<String, SheetTab> tabs = new LinkedHashMap<>();
    for (String tab : env.layout.headers().keySet()) {
      tabs.put(
          tab,
          new SheetTab(
              tab,
              read(tab, ValueRender.UNFORMATTED_VALUE),
              read(tab, ValueRender.FORMATTED_VALUE),
              read(tab, ValueRender.FORMULA)));
    }
    return tabs;
  }

  private List<List<String>> read(String tab, ValueRender render) {
    return env.emulator.values(spreadsheetId, "'" + tab.replace("'", "''") + "'", render).stream()
        .map(row -> row.stream().map(Cells::text).toList())
        .toList();
  }

  /** The consistency check on the current state, with the scenario's own additions. */
  ConsistencyReport check(Consumer<Expectations> adjust) {
    Expectations expected = env.layout.expectations(jdbc);
    adjust.accept(expected);
    return new ConsistencyCheck(env.layout.shapes()).check(readSheet(), expected, queueState());
  }

  Duration elapsed() {
    return Duration.between(started, Instant.now());
  }

  Path dir() {
    return env.dir;
  }

  @Override
  public void close() {
    synchronized (services) {
      services.forEach(ServiceProcess::kill);
    }
  }
}
