package dev.sheetsync.console;

import dev.sheetsync.conflicts.Conflict;
import dev.sheetsync.conflicts.Conflicts;
import dev.sheetsync.pause.SyncPauses;
import dev.sheetsync.queue.HourlyActivity;
import dev.sheetsync.queue.QueueStats;
import dev.sheetsync.queue.SyncLog;
import dev.sheetsync.queue.SyncLogEntry;
import dev.sheetsync.queue.SyncQueue;
import dev.sheetsync.reconcile.ReconcileReports;
import dev.sheetsync.runs.RunHistory;
import dev.sheetsync.security.CurrentUser;
import dev.sheetsync.sheets.SpreadsheetTarget;
import dev.sheetsync.system.ClusterLock;
import dev.sheetsync.system.Paging;
import dev.sheetsync.users.Permissions;
import dev.sheetsync.users.SignedInUser;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console page. Everyone logged in sees the queue counts; admins also see the chart, the items
 * waiting for a retry, the failed items, the log, the runs and the buttons (which call the sync
 * API, so the console has no write paths of its own). Unauthenticated browsers are sent to the
 * login form by the security configuration.
 *
 * <p>The page's script refreshes by fetching this page again and swapping its live part, so every
 * number and time is rendered here, in one format, whether on load, on the timer or after a run.
 */
@Controller
class AdminController {

  static final int RECENT_FAILED = 10;
  static final int WAITING = 10;
  static final int RECENT_LOGS = 20;
  static final int RECENT_RUNS = 10;
  static final int OPEN_CONFLICTS = 20;

  private final SyncQueue queue;
  private final SyncLog syncLog;
  private final RunHistory runs;
  private final ClusterLock lock;
  private final SpreadsheetTarget spreadsheet;
  private final SyncPauses pauses;
  private final Conflicts conflicts;
  private final ReconcileReports reconcileReports;

  AdminController(
      SyncQueue queue,
      SyncLog syncLog,
      RunHistory runs,
      ClusterLock lock,
      SpreadsheetTarget spreadsheet,
      SyncPauses pauses,
      Conflicts conflicts,
      ReconcileReports reconcileReports) {
    this.queue = queue;
    this.syncLog = syncLog;
    this.runs = runs;
    this.lock = lock;
    this.spreadsheet = spreadsheet;
    this.pauses = pauses;
    this.conflicts = conflicts;
    this.reconcileReports = reconcileReports;
  }

  @GetMapping({"/admin", "/admin/"})
  String console(Model model) {
    boolean admin = CurrentUser.hasPermission(Permissions.ALL);
    QueueStats stats = queue.stats();
    model.addAttribute("user", CurrentUser.get().map(SignedInUser::email).orElse(""));
    model.addAttribute("admin", admin);
    model.addAttribute("times", Times.INSTANCE);
    model.addAttribute("stats", stats);
    model.addAttribute("paused", pauses.open());
    model.addAttribute("oldestPending", Ages.describe(stats.oldestPendingAgeSeconds()));
    if (admin) {
      List<SyncLogEntry> logs = syncLog.recentWriteBackLogs(RECENT_LOGS);
      // The newest log row is the last write-back: one statement fewer per load.
      model.addAttribute("lastProcessed", SyncLog.lastProcessed(logs).orElse(null));
      model.addAttribute("waiting", queue.waiting(WAITING));
      model.addAttribute("failed", queue.recentDeadLetters(RECENT_FAILED));
      model.addAttribute("logs", logs);
      model.addAttribute("runs", runs.latest(RECENT_RUNS));
      model.addAttribute("conflicts", conflicts.page(Conflict.OPEN, new Paging(0, OPEN_CONFLICTS)));
      model.addAttribute("chart", chart(queue.hourlyActivity()));
      model.addAttribute("running", lock.isHeldAnywhere(ClusterLock.Name.WRITE_BACK));
      model.addAttribute("spreadsheetUrl", spreadsheet.spreadsheetUrl());
      model.addAttribute("spreadsheetEmbedded", spreadsheet.embedded());
      model.addAttribute("lastReconcile", reconcileReports.last().orElse(null));
    } else {
      model.addAttribute("lastProcessed", syncLog.lastProcessed().orElse(null));
    }
    return "admin/index";
  }

  private static ActivityChart chart(List<HourlyActivity> hours) {
    return ActivityChart.of(
        hours.stream()
            .map(h -> new ActivityChart.Hour(h.hour(), h.succeeded(), h.failed(), h.waiting()))
            .toList());
  }
}
