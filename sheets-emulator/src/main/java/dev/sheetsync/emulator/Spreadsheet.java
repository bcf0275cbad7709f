package dev.sheetsync.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** A spreadsheet: its tabs in index order. Guarded by the {@link Workbooks} lock. */
final class Spreadsheet {

  final String spreadsheetId;
  String title;
  final List<Sheet> sheets = new ArrayList<>();
  int nextSheetId;
  boolean shared = true;

  /** Spreadsheet properties beyond the title, stored as given (locale, timeZone…). */
  ObjectNode extra = Json.MAPPER.createObjectNode();

  /** Named ranges, as answered (see {@link SheetObjects}); and the last id handed out. */
  ObjectNode objects = Json.MAPPER.createObjectNode();

  int lastObjectId;

  Spreadsheet(String spreadsheetId, String title) {
    this.spreadsheetId = spreadsheetId;
    this.title = title;
  }

  Spreadsheet copy() {
    Spreadsheet copy = new Spreadsheet(spreadsheetId, title);
    copy.nextSheetId = nextSheetId;
    copy.shared = shared;
    copy.extra = extra.deepCopy();
    copy.objects = objects.deepCopy();
    copy.lastObjectId = lastObjectId;
    for (Sheet s : sheets) {
      copy.sheets.add(s.copy());
    }
    return copy;
  }

  Sheet addSheet(String title, Integer sheetId, int rows, int columns, int index) {
    int id = sheetId != null ? sheetId : nextSheetId;
    nextSheetId = Math.max(nextSheetId, id) + 1;
    Sheet sheet = new Sheet(id, title, rows, columns);
    sheets.add(Math.max(0, Math.min(index, sheets.size())), sheet);
    return sheet;
  }

  Sheet sheetByTitle(String title) {
    for (Sheet s : sheets) {
      if (s.title.equalsIgnoreCase(title)) {
        return s;
      }
    }
    return null;
  }

  Sheet sheetById(int sheetId) {
    for (Sheet s : sheets) {
      if (s.sheetId == sheetId) {
        return s;
      }
    }
    return null;
  }

  /** The sheet a parsed range names (the first sheet for a bare range), or a 400. */
  Sheet sheetOf(A1.Range range, String rangeText) {
    Sheet sheet = range.sheet() == null ? sheets.get(0) : sheetByTitle(range.sheet());
    if (sheet == null) {
      throw ApiException.badRequest("Unable to parse range: " + rangeText);
    }
    return sheet;
  }
}
