package dev.sheetsync.records;

import dev.sheetsync.system.ApiException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts a value people typed in the sheet into one field of a record, through the same path as a
 * PATCH of the API ({@link RecordChanges}): the same validation, one transaction, one outbox row.
 * Values arrive as {@code sheets.SheetText} reads them (text, {@link BigDecimal}, {@link
 * LocalDate}, or null for an empty cell); enum fields accept any case and spaces for underscores
 * ({@code paid} → {@code PAID}, {@code bank transfer} → {@code BANK_TRANSFER}).
 *
 * @throws ApiException 400 {@code {"error","fields":{field: message}}} when the value is invalid
 *     for the field or the field cannot be changed from the sheet (a related record's field, the
 *     id); 404 when the record is gone
 */
@Service
public class SheetEdits {

  /** The related field an imported row may name its request by instead of its id. */
  public static final String BOOKING_CODE = "request.bookingCode";

  private final RecordChanges changes;
  private final Patches patches;
  private final Requests requests;
  private final JsonMapper json;

  SheetEdits(RecordChanges changes, Patches patches, Requests requests, JsonMapper json) {
    this.changes = changes;
    this.patches = patches;
    this.requests = requests;
    this.json = json;
  }

  /**
   * Creates a record from a row people typed (an {@code import-new-rows} tab), through the API's
   * create path: same validation, one transaction (the caller's, when it has one), one outbox row.
   * Only revenues can be imported.
   *
   * @param values field → value as {@link dev.sheetsync.sheets.SheetText} reads it (null or absent
   *     for an empty cell); {@link #BOOKING_CODE} finds the request when {@code requestId} is empty
   *     (both given must name the same request)
   * @return the new record's id
   * @throws ApiException 400 with {@code fields} (field → message) when a value is refused
   * @throws IllegalArgumentException for a model that cannot be imported
   */
  public UUID create(SyncModel model, Map<String, Object> values) {
    if (model != SyncModel.REVENUE) {
      throw new IllegalArgumentException(model.dbName() + " records cannot be imported");
    }
    ObjectNode node = json.createObjectNode();
    for (Map.Entry<String, Object> e : values.entrySet()) {
      if (BOOKING_CODE.equals(e.getKey()) || e.getValue() == null) {
        continue;
      }
      RecordComponent component =
          editable(RevenueInput.class, e.getKey())
              .orElseThrow(
                  () -> ApiException.invalid(Map.of(e.getKey(), "cannot be set from the sheet")));
      node.set(e.getKey(), json.valueToTree(convert(component, e.getKey(), e.getValue())));
    }
    Object code = values.get(BOOKING_CODE);
    if (code != null) {
      String text = code.toString().strip();
      UUID byCode =
          requests
              .idByBookingCode(text)
              .orElseThrow(
                  () ->
                      ApiException.invalid(
                          Map.of(
                              BOOKING_CODE,
                              "no request with booking code '" + shorten(text) + "'")));
      if (node.has("requestId") && !node.get("requestId").asString().equals(byCode.toString())) {
        throw ApiException.invalid(
            Map.of(BOOKING_CODE, "'" + shorten(text) + "' is not the booking code of Request ID"));
      }
      node.put("requestId", byCode.toString());
    }
    RevenueInput input;
    try {
      input = json.treeToValue(node, RevenueInput.class);
    } catch (JacksonException e) {
      throw ApiException.invalid(Map.of("revenue", "invalid value: " + e.getOriginalMessage()));
    }
    return changes.createRevenue(input);
  }

  /**
   * The record's field no longer holds the value the caller saw: someone changed it meanwhile (the
   * change is not applied; the transaction rolls back).
   */
  public static final class ChangedMeanwhile extends RuntimeException {
    ChangedMeanwhile(String field) {
      super(field + " changed meanwhile");
    }
  }

  /** Sets {@code field} of the record to {@code value}. */
  public void apply(SyncModel model, UUID id, String field, Object value) {
    apply(model, id, field, value, null, false);
  }

  /**
   * Sets {@code field} to {@code value} only if the record (locked) still holds {@code expected}
   * there (a value as {@link dev.sheetsync.records.RecordSnapshots} loads it), so a change
   * committed between the caller's read and this write is never overwritten.
   *
   * @throws ChangedMeanwhile when it does not
   */
  public void applyIfUnchanged(
      SyncModel model, UUID id, String field, Object value, Object expected) {
    apply(model, id, field, value, expected, true);
  }

  private void apply(
      SyncModel model, UUID id, String field, Object value, Object expected, boolean check) {
    Class<? extends RecordInput> type = inputType(model);
    RecordComponent component =
        editable(type, field)
            .orElseThrow(
                () ->
                    ApiException.invalid(
                        Map.of(
                            field,
                            "cannot be changed from the sheet: not a field of the "
                                + model.dbName().toLowerCase(Locale.ROOT))));
    ObjectNode patch = json.createObjectNode();
    patch.set(field, json.valueToTree(convert(component, field, value)));
    switch (model) {
      case REQUEST ->
          changes.updateRequest(
              id, c -> merge(checked(c, field, expected, check), patch, RequestInput.class, field));
      case OPERATOR ->
          changes.updateOperator(
              id,
              c -> merge(checked(c, field, expected, check), patch, OperatorInput.class, field));
      case REVENUE ->
          changes.updateRevenue(
              id, c -> merge(checked(c, field, expected, check), patch, RevenueInput.class, field));
    }
  }

  /** Whether {@code field} is one of the record's own fields people may change from the sheet. */
  public static boolean editable(SyncModel model, String field) {
    return editable(inputType(model), field).isPresent();
  }

  /** The locked record, if its field still holds {@code expected} (compared as JSON values). */
  private <T> T checked(T current, String field, Object expected, boolean check) {
    if (check) {
      JsonNode now = json.valueToTree(current).get(field);
      JsonNode seen = json.valueToTree(expected);
      if (!sameValue(now, seen)) {
        throw new ChangedMeanwhile(field);
      }
    }
    return current;
  }

  private static boolean sameValue(JsonNode a, JsonNode b) {
    boolean aNull = a == null || a.isNull();
    boolean bNull = b == null || b.isNull();
    if (aNull || bNull) {
      return aNull && bNull;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.asString().equals(b.asString());
  }

  private <T> T merge(T current, ObjectNode patch, Class<T> type, String field) {
    try {
      return patches.merge(current, patch, type);
    } catch (JacksonException e) {
      throw ApiException.invalid(Map.of(field, "invalid value: " + e.getOriginalMessage()));
    }
  }

  private static Optional<RecordComponent> editable(Class<?> type, String field) {
    if (field == null || field.contains(".") || "id".equals(field)) {
      return Optional.empty();
    }
    return Arrays.stream(type.getRecordComponents())
        .filter(c -> c.getName().equals(field))
        .findFirst();
  }

  private static Object convert(RecordComponent component, String field, Object value) {
    if (value == null) {
      return null;
    }
    Class<?> type = component.getType();
    try {
      if (type.isEnum()) {
        String name = value.toString().strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        List<String> allowed =
            Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        if (!allowed.contains(name)) {
          throw ApiException.invalid(
              Map.of(field, "'" + shorten(value.toString()) + "' is not one of " + allowed));
        }
        return name;
      }
      if (type == Integer.class && value instanceof BigDecimal number) {
        return number.intValueExact();
      }
      if (type == BigDecimal.class && value instanceof BigDecimal) {
        return value;
      }
      if (type == LocalDate.class && value instanceof LocalDate date) {
        return date.toString();
      }
      if (type == UUID.class) {
        String text = value.toString().strip();
        try {
          return UUID.fromString(text).toString();
        } catch (IllegalArgumentException e) {
          throw ApiException.invalid(Map.of(field, "'" + shorten(text) + "' is not an id"));
        }
      }
      if (type == String.class) {
        return value.toString();
      }
    } catch (ArithmeticException e) {
      throw ApiException.invalid(Map.of(field, "must be a whole number, got " + value));
    }
    throw ApiException.invalid(
        Map.of(field, "cannot take the value '" + value + "' (" + type.getSimpleName() + ")"));
  }

  private static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  private static Class<? extends RecordInput> inputType(SyncModel model) {
    return switch (model) {
      case REQUEST -> RequestInput.class;
      case OPERATOR -> OperatorInput.class;
      case REVENUE -> RevenueInput.class;
    };
  }
}
