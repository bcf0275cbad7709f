package dev.sheetsync.runs;

import dev.sheetsync.security.CurrentUser;
import dev.sheetsync.system.Page;
import dev.sheetsync.system.Paging;
import dev.sheetsync.users.Permissions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/sync/runs}: the run history, newest first (admin). */
@RestController
@Tag(name = "Sync", description = "Write-back runs and the sync queue")
class RunsController {

  private final RunHistory history;

  RunsController(RunHistory history) {
    this.history = history;
  }

  @GetMapping("/api/sync/runs")
  @Operation(
      summary = "Run history",
      description =
          "Admin only. Every write-back run: trigger, instance, start, duration, counts, Sheets"
              + " requests and why it stopped; newest first, kept for sheetsync.runs.retention.",
      security = @SecurityRequirement(name = "session"))
  @ApiResponse(responseCode = "200", description = "{items, page, size, total}")
  @ApiResponse(responseCode = "403", description = "Logged in, but not an admin")
  ResponseEntity<?> runs(
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
    if (!CurrentUser.hasPermission(Permissions.ALL)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "Admin only"));
    }
    Page<Run> runs = history.page(new Paging(page, size));
    return ResponseEntity.ok(runs);
  }
}
