package dev.sheetsync.records;

import dev.sheetsync.system.ApiException;
import dev.sheetsync.system.Page;
import dev.sheetsync.system.Paging;
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
@RequestMapping("/api/revenues")
class RevenuesController {

  private final Revenues revenues;
  private final RecordChanges changes;
  private final Patches patches;

  RevenuesController(Revenues revenues, RecordChanges changes, Patches patches) {
    this.revenues = revenues;
    this.changes = changes;
    this.patches = patches;
  }

  @GetMapping
  Page<RevenueView> list(
      @RequestParam(required = false) UUID requestId,
      @RequestParam(required = false) PaymentMethod method,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
    Paging paging = new Paging(page, size);
    Revenues.Filter filter = new Revenues.Filter(requestId, method);
    return Page.of(
        revenues.list(filter, paging.offset(), paging.size()), paging, revenues.count(filter));
  }

  @GetMapping("/{id}")
  RevenueView get(@PathVariable UUID id) {
    return revenues.find(id).orElseThrow(() -> ApiException.notFound("Revenue not found"));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  RevenueView create(@RequestBody RevenueInput body) {
    UUID id = changes.createRevenue(body.withDefaults());
    return revenues.find(id).orElseThrow();
  }

  @PatchMapping("/{id}")
  RevenueView update(@PathVariable UUID id, @RequestBody ObjectNode patch) {
    changes.updateRevenue(id, current -> patches.merge(current, patch, RevenueInput.class));
    return revenues.find(id).orElseThrow();
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID id) {
    changes.deleteRevenue(id);
  }
}
