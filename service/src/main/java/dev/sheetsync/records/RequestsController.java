package dev.sheetsync.records;

import dev.sheetsync.security.CurrentUser;
import dev.sheetsync.system.ApiException;
import dev.sheetsync.system.Page;
import dev.sheetsync.system.Paging;
import dev.sheetsync.users.Role;
import dev.sheetsync.users.SignedInUser;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

@RestController
@RequestMapping("/api/requests")
class RequestsController {

  private final Requests requests;
  private final RecordChanges changes;
  private final Patches patches;

  RequestsController(Requests requests, RecordChanges changes, Patches patches) {
    this.requests = requests;
    this.changes = changes;
    this.patches = patches;
  }

  @GetMapping
  Page<RequestView> list(
      @RequestParam(required = false) RequestStatus status,
      @RequestParam(required = false) UUID sellerId,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) LocalDate startDateFrom,
      @RequestParam(required = false) LocalDate startDateTo,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
    Paging paging = new Paging(page, size);
    Requests.Filter filter = new Requests.Filter(status, sellerId, q, startDateFrom, startDateTo);
    return Page.of(
        requests.list(filter, paging.offset(), paging.size()), paging, requests.count(filter));
  }

  @GetMapping("/{id}")
  RequestView get(@PathVariable UUID id) {
    return requests.find(id).orElseThrow(() -> ApiException.notFound("Request not found"));
  }

  /** A seller's new request is theirs unless they name another seller. */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  RequestView create(@RequestBody RequestInput body) {
    UUID defaultSeller =
        CurrentUser.get().filter(u -> u.role() == Role.SELLER).map(SignedInUser::id).orElse(null);
    UUID id = changes.createRequest(body.withDefaults(defaultSeller));
    return requests.find(id).orElseThrow();
  }

  @PatchMapping("/{id}")
  RequestView update(@PathVariable UUID id, @RequestBody ObjectNode patch) {
    changes.updateRequest(id, current -> patches.merge(current, patch, RequestInput.class));
    return requests.find(id).orElseThrow();
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean cascade) {
    changes.deleteRequest(id, cascade);
  }
}
