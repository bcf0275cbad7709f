package dev.sheetsync.records;

import dev.sheetsync.system.ApiException;
import dev.sheetsync.users.SellerDetailsChanged;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The single write path for requests, operators and revenues. Each method validates, changes the
 * table and records the change in the {@link ChangeOutbox} in one transaction: both commit or
 * neither does. Payloads are {@link RecordSnapshots} taken after the change (before it, for a
 * DELETE, so the deleted row can still be written). The repositories are package-private so nothing
 * else can change these tables; the write-back's own bookkeeping (storing a sheet row index) uses
 * its own SQL and deliberately enqueues nothing. Creates and updates set {@code updated_by} to the
 * user {@link Attribution} names (the session user, or the sheet user for changes read in from the
 * sheet).
 *
 * @throws ApiException from every method: 400 invalid input or unknown referenced id, 404 unknown
 *     record, 409 duplicate booking code or a request that still has children
 */
@Service
public class RecordChanges {

  private final Requests requests;
  private final Operators operators;
  private final Revenues revenues;
  private final RecordSnapshots snapshots;
  private final ChangeOutbox outbox;
  private final Validator validator;
  private final Attribution attribution;
  private final Clock clock;

  RecordChanges(
      Requests requests,
      Operators operators,
      Revenues revenues,
      RecordSnapshots snapshots,
      ChangeOutbox outbox,
      Validator validator,
      Attribution attribution,
      Clock clock) {
    this.requests = requests;
    this.operators = operators;
    this.revenues = revenues;
    this.snapshots = snapshots;
    this.outbox = outbox;
    this.validator = validator;
    this.attribution = attribution;
    this.clock = clock;
  }

  @Transactional
  public UUID createRequest(RequestInput input) {
    validate(input);
    checkRequestReferences(input, null);
    UUID id = UUID.randomUUID();
    requests.insert(id, input, now(), attribution.current());
    enqueue(SyncAction.CREATE, SyncModel.REQUEST, List.of(id));
    return id;
  }

  /**
   * Applies {@code change} to the stored request (locked until commit) and saves the result. When
   * the booking code or customer name changes, the request's operators and revenues are enqueued
   * too: their sheet rows show those fields.
   */
  @Transactional
  public void updateRequest(UUID id, UnaryOperator<RequestInput> change) {
    RequestInput before =
        Requests.toInput(requests.findForUpdate(id).orElseThrow(() -> notFound("Request")));
    RequestInput after = change.apply(before);
    validate(after);
    checkRequestReferences(after, id);
    requests.update(id, after, now(), attribution.current());
    enqueue(SyncAction.UPDATE, SyncModel.REQUEST, List.of(id));
    if (!Objects.equals(before.bookingCode(), after.bookingCode())
        || !Objects.equals(before.customerName(), after.customerName())) {
      enqueue(SyncAction.UPDATE, SyncModel.OPERATOR, operators.idsByRequest(id));
      enqueue(SyncAction.UPDATE, SyncModel.REVENUE, revenues.idsByRequest(id));
    }
  }

  /**
   * Deletes a request; with {@code cascade} its operators and revenues first (each enqueued as a
   * DELETE), without it a request that has any is refused with 409.
   */
  @Transactional
  public void deleteRequest(UUID id, boolean cascade) {
    requests.findForUpdate(id).orElseThrow(() -> notFound("Request"));
    List<UUID> operatorIds = operators.idsByRequest(id);
    List<UUID> revenueIds = revenues.idsByRequest(id);
    if (!cascade && (!operatorIds.isEmpty() || !revenueIds.isEmpty())) {
      throw ApiException.conflict(
          "Request has %d operator(s) and %d revenue(s); delete them first or use ?cascade=true"
              .formatted(operatorIds.size(), revenueIds.size()));
    }
    List<Change> deletes = new ArrayList<>();
    deletes.addAll(deletions(SyncModel.OPERATOR, operatorIds));
    deletes.addAll(deletions(SyncModel.REVENUE, revenueIds));
    deletes.addAll(deletions(SyncModel.REQUEST, List.of(id)));
    operatorIds.forEach(operators::delete);
    revenueIds.forEach(revenues::delete);
    requests.delete(id);
    outbox.record(deletes);
  }

  @Transactional
  public UUID createOperator(OperatorInput input) {
    validate(input);
    checkRequestExists(input.requestId());
    UUID id = UUID.randomUUID();
    operators.insert(id, input, now(), attribution.current());
    enqueue(SyncAction.CREATE, SyncModel.OPERATOR, List.of(id));
    return id;
  }

  @Transactional
  public void updateOperator(UUID id, UnaryOperator<OperatorInput> change) {
    OperatorInput before =
        Operators.toInput(operators.findForUpdate(id).orElseThrow(() -> notFound("Operator")));
    OperatorInput after = change.apply(before);
    validate(after);
    checkRequestExists(after.requestId());
    operators.update(id, after, now(), attribution.current());
    enqueue(SyncAction.UPDATE, SyncModel.OPERATOR, List.of(id));
  }

  @Transactional
  public void deleteOperator(UUID id) {
    operators.findForUpdate(id).orElseThrow(() -> notFound("Operator"));
    List<Change> deletes = deletions(SyncModel.OPERATOR, List.of(id));
    operators.delete(id);
    outbox.record(deletes);
  }

  @Transactional
  public UUID createRevenue(RevenueInput input) {
    validate(input);
    checkRequestExists(input.requestId());
    UUID id = UUID.randomUUID();
    revenues.insert(id, input, now(), attribution.current());
    enqueue(SyncAction.CREATE, SyncModel.REVENUE, List.of(id));
    return id;
  }

  @Transactional
  public void updateRevenue(UUID id, UnaryOperator<RevenueInput> change) {
    RevenueInput before =
        Revenues.toInput(revenues.findForUpdate(id).orElseThrow(() -> notFound("Revenue")));
    RevenueInput after = change.apply(before);
    validate(after);
    checkRequestExists(after.requestId());
    revenues.update(id, after, now(), attribution.current());
    enqueue(SyncAction.UPDATE, SyncModel.REVENUE, List.of(id));
  }

  @Transactional
  public void deleteRevenue(UUID id) {
    revenues.findForUpdate(id).orElseThrow(() -> notFound("Revenue"));
    List<Change> deletes = deletions(SyncModel.REVENUE, List.of(id));
    revenues.delete(id);
    outbox.record(deletes);
  }

  /**
   * A seller's name or email shows on their requests' rows: re-queue them, in the transaction that
   * changed the user (the event is published synchronously inside it).
   */
  @EventListener
  void sellerChanged(SellerDetailsChanged event) {
    enqueue(SyncAction.UPDATE, SyncModel.REQUEST, requests.idsBySeller(event.userId()));
  }

  private void enqueue(SyncAction action, SyncModel model, List<UUID> ids) {
    Map<UUID, RecordSnapshot> current = snapshots.load(model, ids);
    outbox.record(ids.stream().map(id -> change(action, current.get(id))).toList());
  }

  /** Snapshots taken before the rows go. */
  private List<Change> deletions(SyncModel model, List<UUID> ids) {
    Map<UUID, RecordSnapshot> before = snapshots.load(model, ids);
    return ids.stream().map(id -> change(SyncAction.DELETE, before.get(id))).toList();
  }

  private Change change(SyncAction action, RecordSnapshot snapshot) {
    return new Change(
        action,
        snapshot.model(),
        snapshot.id(),
        snapshot.sheetRowIndex(),
        snapshot.fields(),
        attribution.inSheetScope());
  }

  private void checkRequestReferences(RequestInput input, UUID self) {
    if (requests.bookingCodeTaken(input.bookingCode(), self)) {
      throw ApiException.conflict(
          "A request with bookingCode '" + input.bookingCode() + "' already exists");
    }
    if (input.sellerId() != null && !requests.userExists(input.sellerId())) {
      throw ApiException.invalid(Map.of("sellerId", "no user with this id"));
    }
  }

  private void checkRequestExists(UUID requestId) {
    if (requests.find(requestId).isEmpty()) {
      throw ApiException.invalid(Map.of("requestId", "no request with this id"));
    }
  }

  private void validate(RecordInput input) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (ConstraintViolation<RecordInput> v : validator.validate(input)) {
      errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
    }
    input.crossFieldErrors().forEach(errors::putIfAbsent);
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
  }

  private static ApiException notFound(String what) {
    return ApiException.notFound(what + " not found");
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
