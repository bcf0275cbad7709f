package dev.sheetsync.conflicts;

import dev.sheetsync.conflicts.ConflictResolution.Keep;
import dev.sheetsync.security.CurrentUser;
import dev.sheetsync.system.ApiException;
import dev.sheetsync.system.Page;
import dev.sheetsync.system.Paging;
import dev.sheetsync.users.Permissions;
import dev.sheetsync.users.SignedInUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/sync/conflicts} and {@code POST /api/sync/conflicts/{id}/resolve} (admin):
 * people's edits of sheetsync-owned cells, and deciding which value stays.
 */
@RestController
@Tag(name = "Sync", description = "Write-back runs and the sync queue")
class ConflictsController {

  /** {@code {"keep":"database"}} or {@code {"keep":"sheet"}}. */
  record ResolveRequest(String keep) {}

  private final Conflicts conflicts;
  private final ConflictResolution resolution;

  ConflictsController(Conflicts conflicts, ConflictResolution resolution) {
    this.conflicts = conflicts;
    this.resolution = resolution;
  }

  @GetMapping("/api/sync/conflicts")
  @Operation(
      summary = "Conflicts",
      description =
          "Admin only. Cells sheetsync owns that people changed in the sheet, newest first, with"
              + " what sheetsync wrote, what the sheet shows and the database's value. status ="
              + " OPEN (when absent), RESOLVED, or empty (?status=) for all.",
      security = @SecurityRequirement(name = "session"))
  @ApiResponse(responseCode = "200", description = "{items, page, size, total}")
  @ApiResponse(responseCode = "400", description = "Unknown status, bad page or size")
  @ApiResponse(responseCode = "403", description = "Logged in, but not an admin")
  Page<Conflict> list(
      // No default value: Spring would use it for "?status=" too, which means all.
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
    requireAdmin();
    String wanted =
        status == null
            ? Conflict.OPEN
            : status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
    if (wanted != null && !wanted.equals(Conflict.OPEN) && !wanted.equals(Conflict.RESOLVED)) {
      throw ApiException.invalid(Map.of("status", "must be OPEN, RESOLVED or empty"));
    }
    return conflicts.page(wanted, new Paging(page, size));
  }

  @PostMapping("/api/sync/conflicts/{id}/resolve")
  @Operation(
      summary = "Resolve a conflict",
      description =
          "Admin only. {\"keep\":\"database\"} writes the record's value into the cell again;"
              + " {\"keep\":\"sheet\"} puts the sheet's value into the record (with the API's"
              + " validation) and writes it back normalised. Never found again by later runs.",
      security = @SecurityRequirement(name = "session"))
  @ApiResponse(responseCode = "200", description = "The resolved conflict")
  @ApiResponse(
      responseCode = "400",
      description =
          "keep missing or unknown, or the sheet's value is invalid for the field"
              + " ({error, fields}); the conflict stays OPEN")
  @ApiResponse(responseCode = "403", description = "Logged in, but not an admin")
  @ApiResponse(responseCode = "404", description = "No such conflict")
  @ApiResponse(responseCode = "409", description = "Already resolved")
  Conflict resolve(@PathVariable long id, @RequestBody ResolveRequest body) {
    SignedInUser admin = requireAdmin();
    String keep = body == null || body.keep() == null ? "" : body.keep().strip();
    Keep chosen =
        switch (keep.toLowerCase(Locale.ROOT)) {
          case "database" -> Keep.DATABASE;
          case "sheet" -> Keep.SHEET;
          default ->
              throw ApiException.invalid(Map.of("keep", "must be \"database\" or \"sheet\""));
        };
    return resolution.resolve(id, chosen, admin.email());
  }

  private static SignedInUser requireAdmin() {
    if (!CurrentUser.hasPermission(Permissions.ALL)) {
      throw ApiException.forbidden("Admin only");
    }
    return CurrentUser.get().orElseThrow();
  }
}
