package dev.sheetsync.onboarding;

import dev.sheetsync.records.SyncModel;
import dev.sheetsync.security.CurrentUser;
import dev.sheetsync.system.ApiException;
import dev.sheetsync.users.Permissions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/sync/resync} and {@code POST /api/sync/adopt} (admin). */
@RestController
@Tag(name = "Sync", description = "Write-back runs and the sync queue")
class OnboardingController {

  private static final Logger log = LoggerFactory.getLogger(OnboardingController.class);

  /** {@code {"models":["Request","Operator","Revenue"]}}. */
  record ResyncRequest(List<String> models) {}

  record ResyncResponse(int enqueued) {}

  /**
   * {@code {"tab":"Requests","matchColumn":"Booking Code","dryRun":true}}; dryRun defaults to true.
   */
  record AdoptRequest(String tab, String matchColumn, Boolean dryRun) {}

  private final Resync resync;
  private final Adoption adoption;

  OnboardingController(Resync resync, Adoption adoption) {
    this.resync = resync;
    this.adoption = adoption;
  }

  @PostMapping("/api/sync/resync")
  @Operation(
      summary = "Queue every record again",
      description =
          "Admin only. For a new or wiped spreadsheet: queues an update of every record of the"
              + " models (Request, Operator, Revenue), oldest first, in one transaction; a record"
              + " that already waits in a PENDING item is not queued twice. The write-back then"
              + " rewrites each record's row, or makes it.",
      security = @SecurityRequirement(name = "session"))
  @ApiResponse(responseCode = "200", description = "{enqueued}")
  @ApiResponse(responseCode = "400", description = "No model, an unknown model or unknown field")
  @ApiResponse(responseCode = "403", description = "Logged in, but not an admin")
  ResyncResponse resync(@RequestBody ResyncRequest body) {
    requireAdmin();
    List<SyncModel> models = models(body == null ? null : body.models());
    int enqueued = resync.enqueue(models);
    log.info("Resync of {} by {}: {} items queued", models, currentEmail(), enqueued);
    return new ResyncResponse(enqueued);
  }

  @PostMapping("/api/sync/adopt")
  @Operation(
      summary = "Adopt the rows of an existing sheet",
      description =
          "Admin only. Matches the tab's rows without an id to records by a column whose values"
              + " are unique among the records, and reports matched, unmatched and ambiguous rows"
              + " and records without a row. With dryRun false, writes each matched record's id"
              + " into its row's key cell (nothing else), holding the write-back's lock.",
      security = @SecurityRequirement(name = "session"))
  @ApiResponse(
      responseCode = "200",
      description = "{matched, unmatchedRows, ambiguousRows, recordsWithoutRow}")
  @ApiResponse(
      responseCode = "400",
      description =
          "Unknown tab or match column, a column not in the sheet, values repeating among records")
  @ApiResponse(responseCode = "403", description = "Logged in, but not an admin")
  @ApiResponse(responseCode = "409", description = "A write-back run is going (dryRun false)")
  @ApiResponse(responseCode = "502", description = "Google Sheets failed")
  AdoptReport adopt(@RequestBody AdoptRequest body) {
    requireAdmin();
    if (body == null || body.tab() == null || body.tab().isBlank()) {
      throw ApiException.invalid(Map.of("tab", "required"));
    }
    if (body.matchColumn() == null || body.matchColumn().isBlank()) {
      throw ApiException.invalid(Map.of("matchColumn", "required"));
    }
    boolean dryRun = !Boolean.FALSE.equals(body.dryRun());
    if (!dryRun) {
      log.info("Adopting tab '{}' by '{}' for {}", body.tab(), body.matchColumn(), currentEmail());
    }
    return adoption.adopt(body.tab(), body.matchColumn(), dryRun);
  }

  private static String currentEmail() {
    return CurrentUser.get().map(u -> u.email()).orElse("?");
  }

  private static List<SyncModel> models(List<String> names) {
    String known =
        String.join(", ", Arrays.stream(SyncModel.values()).map(SyncModel::dbName).toList());
    if (names == null || names.isEmpty()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "models must name at least one of " + known,
          Map.of("models", "required"));
    }
    Set<SyncModel> models = new LinkedHashSet<>();
    for (String name : names) {
      SyncModel model =
          Arrays.stream(SyncModel.values())
              .filter(m -> m.dbName().equals(name == null ? null : name.strip()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new ApiException(
                          HttpStatus.BAD_REQUEST,
                          "Unknown model '" + name + "'; models are " + known,
                          Map.of("models", "unknown model '" + name + "'")));
      models.add(model);
    }
    return List.copyOf(models);
  }

  private static void requireAdmin() {
    if (!CurrentUser.hasPermission(Permissions.ALL)) {
      throw ApiException.forbidden("Admin only");
    }
  }
}
