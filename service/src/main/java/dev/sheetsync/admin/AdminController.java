package dev.sheetsync.admin;

import dev.sheetsync.pause.SyncPauses;
import dev.sheetsync.queue.FailedItem;
import dev.sheetsync.queue.HourlyActivity;
import dev.sheetsync.queue.QueueStats;
import dev.sheetsync.queue.SyncLog;
import dev.sheetsync.queue.SyncQueue;
import dev.sheetsync.security.CurrentUser;
import dev.sheetsync.sheets.SpreadsheetTarget;
import dev.sheetsync.sync.ClusterLock;
import dev.sheetsync.users.Permissions;
import dev.sheetsync.users.SignedInUser;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console page. Everyone logged in sees the queue counts; admins also see the chart, the failed
 * items, the log, and the buttons (which call the sync API, so the console has no write paths of
 * its own). Unauthenticated browsers are sent to the login form by the security configuration.
 */
@Controller
class AdminController {

  static final int RECENT_FAILED = 10;
  static final int RECENT_LOGS = 20;

  private final SyncQueue queue;
  private final SyncLog syncLog;
  private final BacklogHistory backlog;
  private final ClusterLock lock;
  private final SpreadsheetTarget spreadsheet;
  private final SyncPauses pauses;

  AdminController(
      SyncQueue queue,
      SyncLog syncLog,
      BacklogHistory backlog,
      ClusterLock lock,
      SpreadsheetTarget spreadsheet,
      SyncPauses pauses) {
    this.queue = queue;
    this.syncLog = syncLog;
    this.backlog = backlog;
    this.lock = lock;
    this.spreadsheet = spreadsheet;
    this.pauses = pauses;
  }

  @GetMapping({"/admin", "/admin/"})
  String console(Model model) {
    boolean admin = CurrentUser.hasPermission(Permissions.ALL);
    QueueStats stats = queue.stats();
    model.addAttribute("user", CurrentUser.get().map(SignedInUser::email).orElse(""));
    model.addAttribute("admin", admin);
    model.addAttribute("stats", stats);
    model.addAttribute("paused", pauses.open());
    model.addAttribute("oldestPending", Ages.describe(stats.oldestPendingAgeSeconds()));
    model.addAttribute("lastProcessed", syncLog.lastProcessed().orElse(null));
    if (admin) {
      List<FailedItem> failed = queue.recentFailed(RECENT_FAILED);
      model.addAttribute("failed", failed);
      model.addAttribute("logs", syncLog.recentWriteBackLogs(RECENT_LOGS));
      model.addAttribute("chart", chart());
      model.addAttribute("running", lock.isHeldAnywhere(ClusterLock.Name.WRITE_BACK));
      model.addAttribute("spreadsheetUrl", spreadsheet.spreadsheetUrl());
      model.addAttribute("spreadsheetEmbedded", spreadsheet.embedded());
    }
    return "admin/index";
  }

  private ActivityChart chart() {
    List<HourlyActivity> hours = syncLog.hourlyActivity();
    Map<java.time.OffsetDateTime, Long> pending =
        hours.isEmpty()
            ? Map.of()
            : backlog.hourly(hours.get(0).hour(), hours.get(hours.size() - 1).hour());
    return ActivityChart.of(
        hours.stream()
            .map(
                h ->
                    new ActivityChart.Hour(
                        h.hour(), h.succeeded(), h.failed(), pending.getOrDefault(h.hour(), 0L)))
            .toList());
  }
}
