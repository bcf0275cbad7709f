package dev.sheetsync.sheets;

import static dev.sheetsync.sheets.ColumnFormat.DATE;
import static dev.sheetsync.sheets.ColumnFormat.DATETIME;
import static dev.sheetsync.sheets.ColumnFormat.DECIMAL;
import static dev.sheetsync.sheets.ColumnFormat.NUMBER;
import static dev.sheetsync.sheets.ColumnFormat.TEXT;

import dev.sheetsync.records.SyncModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The snapshot fields a column may name as its source, per model, with the format their values
 * naturally have. Mirrors the aliases of {@code RecordSnapshots}' queries; a Spring test compares
 * the two so that they cannot drift apart.
 */
final class SourceFields {

  private static final Map<SyncModel, Map<String, ColumnFormat>> FIELDS =
      Map.of(
          SyncModel.REQUEST,
          fields(
              "id", TEXT,
              "bookingCode", TEXT,
              "customerName", TEXT,
              "customerPhone", TEXT,
              "customerEmail", TEXT,
              "destination", TEXT,
              "startDate", DATE,
              "endDate", DATE,
              "pax", NUMBER,
              "totalPrice", DECIMAL,
              "currency", TEXT,
              "status", TEXT,
              "sellerId", TEXT,
              "seller.name", TEXT,
              "seller.email", TEXT,
              "notes", TEXT,
              "staffNotes", TEXT,
              "createdAt", DATETIME,
              "updatedAt", DATETIME),
          SyncModel.OPERATOR,
          fields(
              "id", TEXT,
              "requestId", TEXT,
              "request.bookingCode", TEXT,
              "request.customerName", TEXT,
              "serviceDate", DATE,
              "serviceType", TEXT,
              "supplierName", TEXT,
              "description", TEXT,
              "cost", DECIMAL,
              "paymentStatus", TEXT,
              "notes", TEXT,
              "createdAt", DATETIME,
              "updatedAt", DATETIME),
          SyncModel.REVENUE,
          fields(
              "id", TEXT,
              "requestId", TEXT,
              "request.bookingCode", TEXT,
              "request.customerName", TEXT,
              "paymentDate", DATE,
              "amount", DECIMAL,
              "method", TEXT,
              "reference", TEXT,
              "notes", TEXT,
              "createdAt", DATETIME,
              "updatedAt", DATETIME));

  /**
   * What a row typed into an {@code import-new-rows} tab must fill, as groups of which one field is
   * enough (a Revenue row finds its request by id or by booking code). Empty: the model cannot be
   * imported. Source: issue 12, "New rows typed by people".
   */
  private static final Map<SyncModel, List<List<String>>> REQUIRED_FOR_IMPORT =
      Map.of(
          SyncModel.REVENUE,
          List.of(
              List.of("requestId", "request.bookingCode"),
              List.of("paymentDate"),
              List.of("amount"),
              List.of("method")));

  /** Related fields an imported row may name to find what it belongs to. */
  private static final Set<String> IMPORT_LOOKUPS = Set.of("request.bookingCode");

  private SourceFields() {}

  /** See {@link #REQUIRED_FOR_IMPORT}. */
  static List<List<String>> requiredForImport(SyncModel model) {
    return REQUIRED_FOR_IMPORT.getOrDefault(model, List.of());
  }

  /** Whether an imported row's value of {@code source} is read: own settable fields and lookups. */
  static boolean importable(SyncModel model, String source) {
    return IMPORT_LOOKUPS.contains(source)
        || (!source.contains(".")
            && !Set.of("id", "createdAt", "updatedAt").contains(source)
            && FIELDS.get(model).containsKey(source));
  }

  /** Field name → natural format, in snapshot order. */
  static Map<String, ColumnFormat> of(SyncModel model) {
    return FIELDS.get(model);
  }

  /**
   * Whether a field of natural format {@code natural} can be written as {@code wanted}: anything as
   * text, numbers as numbers or decimals, dates and date-times as dates.
   */
  static boolean convertible(ColumnFormat natural, ColumnFormat wanted) {
    return natural == wanted
        || wanted == TEXT
        || (natural == NUMBER && wanted == DECIMAL)
        || (natural == DECIMAL && wanted == NUMBER)
        || (natural == DATETIME && wanted == DATE);
  }

  private static Map<String, ColumnFormat> fields(Object... pairs) {
    Map<String, ColumnFormat> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (ColumnFormat) pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
