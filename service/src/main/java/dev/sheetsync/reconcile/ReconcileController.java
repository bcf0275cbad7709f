package dev.sheetsync.reconcile;

import dev.sheetsync.security.CurrentUser;
import dev.sheetsync.security.cron.CronCaller;
import dev.sheetsync.system.ApiException;
import dev.sheetsync.users.Permissions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/sync/reconcile} (admin session or the cron bearer secret). */
@RestController
@Tag(name = "Sync", description = "Write-back runs and the sync queue")
class ReconcileController {

  private final Reconciler reconciler;

  ReconcileController(Reconciler reconciler) {
    this.reconciler = reconciler;
  }

  @PostMapping("/api/sync/reconcile")
  @Operation(
      summary = "Compare the sheet with the database; repair through the write path",
      description =
          "{\"dryRun\":true} reads every layout tab whole and reports missing rows, copied rows,"
              + " stale cells, orphan rows, cells people edited and rows without an id, changing"
              + " nothing. {\"dryRun\":false} also queues an UPDATE for missing, stale and copied"
              + " records, a DELETE for orphans of deleted records, and records edited cells as"
              + " conflicts; the next write-back run applies them. Paused tabs are reported and"
              + " left alone. Admin session or `Authorization: Bearer <CRON_SECRET>`.",
      security = {
        @SecurityRequirement(name = "cronBearer"),
        @SecurityRequirement(name = "session")
      })
  @ApiResponse(responseCode = "200", description = "The report")
  @ApiResponse(
      responseCode = "400",
      description = "dryRun missing or not a boolean, or another field")
  @ApiResponse(responseCode = "401", description = "No session and no matching bearer secret")
  @ApiResponse(responseCode = "403", description = "Logged in, but not an admin")
  @ApiResponse(responseCode = "409", description = "A write-back run (or reconcile) is going")
  @ApiResponse(responseCode = "502", description = "Google Sheets refused a read; nothing changed")
  ResponseEntity<?> reconcile(
      Authentication authentication, @RequestBody(required = false) JsonNode body) {
    String trigger;
    if (CronCaller.is(authentication)) {
      trigger = "cron";
    } else if (CurrentUser.hasPermission(Permissions.ALL)) {
      trigger = "manual";
    } else {
      throw ApiException.forbidden("Admin only");
    }
    boolean dryRun = dryRun(body);
    Reconciler.Outcome outcome = reconciler.run(dryRun, trigger);
    if (outcome instanceof Reconciler.Outcome.Done done) {
      return ResponseEntity.ok(done.report());
    }
    if (outcome instanceof Reconciler.Outcome.Failed failed) {
      return failure(HttpStatus.BAD_GATEWAY, failed.error());
    }
    return failure(HttpStatus.CONFLICT, "Write-back or reconcile already running");
  }

  /**
   * {@code {"dryRun":true|false}} and nothing else: a typo must not turn a dry run into repairs.
   */
  private static boolean dryRun(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiException.invalid(Map.of("dryRun", "required: true or false"));
    }
    for (String name : body.propertyNames()) {
      if (!name.equals("dryRun")) {
        throw new ApiException(
            HttpStatus.BAD_REQUEST, "Unknown field '" + name + "'", Map.of(name, "unknown field"));
      }
    }
    JsonNode dryRun = body.get("dryRun");
    if (dryRun == null || !dryRun.isBoolean()) {
      throw ApiException.invalid(Map.of("dryRun", "required: true or false"));
    }
    return dryRun.booleanValue();
  }

  private static ResponseEntity<Map<String, Object>> failure(HttpStatus status, String error) {
    return ResponseEntity.status(status).body(Map.of("success", false, "error", error));
  }
}
