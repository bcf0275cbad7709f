package dev.sheetsync.writeback;

import dev.sheetsync.sheets.CellDisplay;
import dev.sheetsync.sheets.ColumnLayout;
import dev.sheetsync.sheets.TabLayout;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows people typed into an {@code import-new-rows} tab, as read: rows below the header with an
 * empty key cell and at least one required column (Revenue: Request ID, Booking Code, Payment Date,
 * Amount, Method) filled; a row with only Notes or Reference is left alone. Each gets a
 * fingerprint: the sha-256 of its import columns' values (by header, as displayed) and its
 * occurrence among identical typed rows ({@code …#1}, {@code …#2}), so that two identical payments
 * typed on two rows are two imports. Pure.
 */
final class TypedRows {

  private TypedRows() {}

  /**
   * A typed row.
   *
   * @param row 1-based row number where it was read
   * @param cells import column header → displayed value ("" for an empty cell), layout order
   * @param fingerprint {@code sha256hex#occurrence}
   */
  record TypedRow(int row, Map<String, String> cells, String fingerprint) {

    /** The fingerprint without its occurrence: the values any row must show to be this one. */
    String values() {
      return fingerprint.substring(0, fingerprint.indexOf('#'));
    }
  }

  /**
   * @param columns header → the column's cells from row 1, as {@link SheetReader#columns} reads
   *     them
   */
  static List<TypedRow> of(TabLayout tab, Map<String, List<Object>> columns) {
    List<Object> keys = columns.getOrDefault(tab.keyColumn(), List.of());
    int rows = columns.values().stream().mapToInt(List::size).max().orElse(0);
    Map<String, Integer> seen = new HashMap<>();
    List<String> required =
        tab.importColumns().stream()
            .filter(c -> !TabLayout.requiredGroup(tab.model(), c.source()).isEmpty())
            .map(ColumnLayout::header)
            .toList();
    List<TypedRow> typed = new ArrayList<>();
    for (int i = tab.headerRow(); i < rows; i++) {
      if (!CellDisplay.ofRead(i < keys.size() ? keys.get(i) : null).isBlank()) {
        continue;
      }
      Map<String, String> cells = cells(tab, columns, i);
      if (required.stream().allMatch(h -> cells.get(h).isBlank())) {
        // Not a payment being typed: a note beside the rows, or what people kept in a row a
        // deleted record's clear policy emptied.
        continue;
      }
      String values = hash(cells);
      int occurrence = seen.merge(values, 1, Integer::sum);
      typed.add(new TypedRow(i + 1, cells, values + "#" + occurrence));
    }
    return typed;
  }

  /** The import columns' values of the 0-based row {@code index}. */
  static Map<String, String> cells(TabLayout tab, Map<String, List<Object>> columns, int index) {
    Map<String, String> cells = new LinkedHashMap<>();
    for (ColumnLayout column : tab.importColumns()) {
      List<Object> cellsOf = columns.getOrDefault(column.header(), List.of());
      cells.put(
          column.header(), CellDisplay.ofRead(index < cellsOf.size() ? cellsOf.get(index) : null));
    }
    return cells;
  }

  /** sha-256 (hex) of the cells, each header and value separated so no two rows collide. */
  static String hash(Map<String, String> cells) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      cells.forEach(
          (header, value) -> {
            digest.update(header.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(value.strip().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 1);
          });
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
