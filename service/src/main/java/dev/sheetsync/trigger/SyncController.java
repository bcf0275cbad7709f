package dev.sheetsync.trigger;

import dev.sheetsync.pause.Pause;
import dev.sheetsync.pause.SyncPauses;
import dev.sheetsync.queue.DeadLetter;
import dev.sheetsync.queue.QueueStats;
import dev.sheetsync.queue.SyncLog;
import dev.sheetsync.queue.SyncLogEntry;
import dev.sheetsync.queue.SyncQueue;
import dev.sheetsync.queue.WaitingItem;
import dev.sheetsync.security.CurrentUser;
import dev.sheetsync.security.cron.CronCaller;
import dev.sheetsync.users.Permissions;
import dev.sheetsync.writeback.RunResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sync API of {@code docs/api-contract.md}: start a write-back, see the queue, retry failed
 * items. Errors are thrown as {@link SyncFailure} and written by {@link SyncErrors}.
 */
@RestController
@RequestMapping("/api/sync")
@Tag(name = "Sync", description = "Write-back runs and the sync queue")
class SyncController {

  private static final Logger log = LoggerFactory.getLogger(SyncController.class);

  static final int RECENT_FAILED = 10;
  static final int RECENT_LOGS = 20;
  static final int WAITING = 10;

  private final WriteBackTrigger trigger;
  private final SyncQueue queue;
  private final SyncLog syncLog;
  private final SyncPauses pauses;

  SyncController(WriteBackTrigger trigger, SyncQueue queue, SyncLog syncLog, SyncPauses pauses) {
    this.trigger = trigger;
    this.queue = queue;
    this.syncLog = syncLog;
    this.pauses = pauses;
  }

  @PostMapping("/write-back")
  @Operation(
      summary = "Run the write-back now",
      description =
          "Writes due queue items to the spreadsheet. Authorised by `Authorization: Bearer"
              + " <CRON_SECRET>` (outside schedulers) or an admin session. A request with an"
              + " Authorization header that does not match gets 401 even with a session cookie.",
      security = {
        @SecurityRequirement(name = "cronBearer"),
        @SecurityRequirement(name = "session")
      })
  @ApiResponse(responseCode = "200", description = "The run's counts and the queue afterwards")
  @ApiResponse(responseCode = "401", description = "No session and no matching bearer secret")
  @ApiResponse(responseCode = "403", description = "Logged in, but not an admin")
  @ApiResponse(responseCode = "409", description = "A run is already going (on any instance)")
  @ApiResponse(responseCode = "500", description = "The run failed; details only in the log")
  WriteBackResponse writeBack(Authentication authentication) {
    TriggerSource source;
    if (CronCaller.is(authentication)) {
      source = TriggerSource.CRON;
    } else {
      requireAdmin();
      source = TriggerSource.MANUAL;
    }
    WriteBackOutcome outcome = trigger.run(source);
    if (outcome instanceof WriteBackOutcome.Completed done) {
      return new WriteBackResponse(true, RunCounts.of(done.result()), done.queueStats());
    }
    throw new SyncFailure(
        outcome instanceof WriteBackOutcome.AlreadyRunning
            ? SyncError.ALREADY_RUNNING
            : SyncError.WRITE_BACK_FAILED);
  }

  @GetMapping("/write-back")
  @Operation(
      summary = "Run the write-back now (cron callers that can only GET)",
      description =
          "Vercel's cron calls its path with GET and `Authorization: Bearer <CRON_SECRET>`, so an"
              + " existing vercel.json works unchanged. Only the bearer secret is accepted here: a"
              + " state change on GET must never be reachable with a cookie.",
      security = @SecurityRequirement(name = "cronBearer"))
  @ApiResponse(responseCode = "200", description = "As POST")
  @ApiResponse(responseCode = "401", description = "No matching bearer secret")
  @ApiResponse(responseCode = "405", description = "A session is not enough on GET; use POST")
  WriteBackResponse writeBackByGet(Authentication authentication) {
    if (!(CronCaller.is(authentication))) {
      throw new SyncFailure(SyncError.USE_POST);
    }
    return writeBack(authentication);
  }

  @GetMapping("/queue")
  @Operation(
      summary = "Queue status",
      description =
          "Counts by status for any logged-in user; admins also get the last 10 FAILED items, the"
              + " 10 items waiting longest for a retry (next attempt first) and the last 20"
              + " write-back log rows, newest first. `paused` lists what makes sync wait (the"
              + " spreadsheet not shared or gone, a tab or layout header missing), each with a"
              + " reason and a hint; empty when all is well.",
      security = @SecurityRequirement(name = "session"))
  @ApiResponse(responseCode = "200", description = "Stats, recent items, last processed time")
  @ApiResponse(responseCode = "401", description = "Not logged in")
  @SyncFailure.OnDatabaseFailure(SyncError.QUEUE_STATUS_FAILED)
  QueueStatusResponse queueStatus() {
    boolean admin = CurrentUser.hasPermission(Permissions.ALL);
    List<FailedItemView> failed =
        admin
            ? queue.recentDeadLetters(RECENT_FAILED).stream().map(FailedItemView::of).toList()
            : List.of();
    List<WaitingItemView> waiting =
        admin ? queue.waiting(WAITING).stream().map(WaitingItemView::of).toList() : List.of();
    List<SyncLogEntry> logs = admin ? syncLog.recentWriteBackLogs(RECENT_LOGS) : List.of();
    // An admin's newest log row is the last write-back: one statement fewer.
    OffsetDateTime lastProcessed =
        (admin ? SyncLog.lastProcessed(logs) : syncLog.lastProcessed()).orElse(null);
    return new QueueStatusResponse(
        true, new QueueStatus(queue.stats(), failed, waiting, logs, lastProcessed, pauses.open()));
  }

  @PostMapping("/queue/{id}/retry")
  @Operation(
      summary = "Retry one FAILED or waiting item",
      description =
          "Admin only. A FAILED item goes back to PENDING with its retries reset; a PENDING item"
              + " waiting for a later attempt becomes due now, its attempts kept.",
      security = @SecurityRequirement(name = "session"))
  @ApiResponse(responseCode = "200", description = "The item is PENDING and due now")
  @ApiResponse(responseCode = "404", description = "No such queue item")
  @ApiResponse(responseCode = "409", description = "The item is neither FAILED nor waiting")
  RetryResponse retry(@PathVariable long id) {
    requireAdmin();
    switch (queue.retry(id)) {
      case NOT_FOUND -> throw new SyncFailure(SyncError.ITEM_NOT_FOUND);
      case NOT_FAILED -> throw new SyncFailure(SyncError.NOTHING_TO_RETRY);
      case RETRIED -> log.info("Queue item {} retried by {}", id, currentEmail());
    }
    return new RetryResponse(true, 1);
  }

  @PostMapping("/queue/retry-waiting")
  @Operation(
      summary = "Retry every waiting item now",
      description =
          "Admin only. Makes every PENDING item that waits for a later attempt due now, attempts"
              + " kept: after fixing the cause of an outage, the next run writes them at once.",
      security = @SecurityRequirement(name = "session"))
  @ApiResponse(responseCode = "200", description = "How many items became due")
  RetryResponse retryWaiting() {
    requireAdmin();
    int retried = queue.retryAllWaitingNow();
    log.info("{} waiting queue items made due by {}", retried, currentEmail());
    return new RetryResponse(true, retried);
  }

  @PostMapping("/queue/retry-failed")
  @Operation(
      summary = "Retry every FAILED item",
      description = "Admin only. Puts every FAILED item back to PENDING with retries reset.",
      security = @SecurityRequirement(name = "session"))
  @ApiResponse(responseCode = "200", description = "How many items were retried")
  RetryResponse retryAllFailed() {
    requireAdmin();
    int retried = queue.retryAllDeadLetters();
    log.info("{} failed queue items retried by {}", retried, currentEmail());
    return new RetryResponse(true, retried);
  }

  private static String currentEmail() {
    return CurrentUser.get().map(u -> u.email()).orElse("?");
  }

  private static void requireAdmin() {
    if (!CurrentUser.hasPermission(Permissions.ALL)) {
      throw new SyncFailure(SyncError.ADMIN_ONLY);
    }
  }

  record WriteBackResponse(boolean success, RunCounts result, QueueStats queueStats) {}

  /** The contract's four counts; the run's other figures go to the log and the metrics. */
  record RunCounts(int processed, int succeeded, int failed, int skipped) {

    static RunCounts of(RunResult run) {
      return new RunCounts(run.processed(), run.succeeded(), run.failed(), run.skipped());
    }
  }

  record QueueStatusResponse(boolean success, QueueStatus data) {}

  record QueueStatus(
      QueueStats stats,
      List<FailedItemView> recentFailed,
      List<WaitingItemView> waiting,
      List<SyncLogEntry> recentLogs,
      OffsetDateTime lastProcessed,
      List<Pause> paused) {}

  /** A FAILED item as the contract shows it: model and action by their database names. */
  record FailedItemView(
      long id,
      String model,
      String action,
      UUID recordId,
      String bookingCode,
      String customer,
      String lastError,
      int retries,
      OffsetDateTime createdAt) {

    static FailedItemView of(DeadLetter item) {
      return new FailedItemView(
          item.id(),
          item.model().dbName(),
          item.action().name(),
          item.recordId(),
          item.bookingCode(),
          item.customer(),
          item.lastError(),
          item.retries(),
          item.createdAt());
    }
  }

  /** An item waiting for its next attempt, named as {@link FailedItemView} names things. */
  record WaitingItemView(
      long id,
      String model,
      String action,
      UUID recordId,
      String bookingCode,
      String customer,
      int attempt,
      int maxAttempts,
      OffsetDateTime nextAttemptAt,
      String lastError,
      OffsetDateTime createdAt) {

    static WaitingItemView of(WaitingItem item) {
      return new WaitingItemView(
          item.id(),
          item.model().dbName(),
          item.action().name(),
          item.recordId(),
          item.bookingCode(),
          item.customer(),
          item.attempt(),
          item.maxAttempts(),
          item.nextAttemptAt(),
          item.lastError(),
          item.createdAt());
    }
  }

  record RetryResponse(boolean success, int retried) {}
}
