package dev.sheetsync.records;

import dev.sheetsync.security.CurrentUser;
import dev.sheetsync.system.ApiException;
import dev.sheetsync.system.Page;
import dev.sheetsync.system.Paging;
import dev.sheetsync.users.Permissions;
import java.util.Set;
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
@RequestMapping("/api/operators")
class OperatorsController {

  /** What {@link Permissions#OPERATORS_PAYMENT} alone may change. */
  private static final Set<String> PAYMENT_FIELDS = Set.of("paymentStatus");

  private final Operators operators;
  private final RecordChanges changes;
  private final Patches patches;

  OperatorsController(Operators operators, RecordChanges changes, Patches patches) {
    this.operators = operators;
    this.changes = changes;
    this.patches = patches;
  }

  @GetMapping
  Page<OperatorView> list(
      @RequestParam(required = false) UUID requestId,
      @RequestParam(required = false) PaymentStatus paymentStatus,
      @RequestParam(required = false) ServiceType serviceType,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
    Paging paging = new Paging(page, size);
    Operators.Filter filter = new Operators.Filter(requestId, paymentStatus, serviceType);
    return Page.of(
        operators.list(filter, paging.offset(), paging.size()), paging, operators.count(filter));
  }

  @GetMapping("/{id}")
  OperatorView get(@PathVariable UUID id) {
    return operators.find(id).orElseThrow(() -> ApiException.notFound("Operator not found"));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  OperatorView create(@RequestBody OperatorInput body) {
    UUID id = changes.createOperator(body.withDefaults());
    return operators.find(id).orElseThrow();
  }

  /** Accountants (operators:payment) may PATCH paymentStatus only; writers may PATCH anything. */
  @PatchMapping("/{id}")
  OperatorView update(@PathVariable UUID id, @RequestBody ObjectNode patch) {
    if (!CurrentUser.hasPermission(Permissions.OPERATORS_WRITE)
        && !PAYMENT_FIELDS.containsAll(patch.propertyNames())) {
      throw ApiException.forbidden(
          "requires permission '"
              + Permissions.OPERATORS_WRITE
              + "' to change fields other than paymentStatus");
    }
    changes.updateOperator(id, current -> patches.merge(current, patch, OperatorInput.class));
    return operators.find(id).orElseThrow();
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID id) {
    changes.deleteOperator(id);
  }
}
