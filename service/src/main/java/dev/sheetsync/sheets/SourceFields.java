package dev.sheetsync.sheets;

import static dev.sheetsync.sheets.ColumnFormat.DATE;
import static dev.sheetsync.sheets.ColumnFormat.DATETIME;
import static dev.sheetsync.sheets.ColumnFormat.DECIMAL;
import static dev.sheetsync.sheets.ColumnFormat.NUMBER;
import static dev.sheetsync.sheets.ColumnFormat.TEXT;

import dev.sheetsync.records.SyncModel;
import java.util.LinkedHashMap;
import java.util.Map;

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

  private SourceFields() {}

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
