package dev.sheetsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * All spreadsheets, behind one lock: every API call runs as one critical section, which makes each
 * request (and each batch) atomic and ordered. A mutation runs on a copy that replaces the original
 * only when the whole request succeeded. With a data file, the state is written to it (temp file +
 * atomic move) after every successful mutation.
 */
final class Workbooks {

  private final Map<String, Spreadsheet> books = new LinkedHashMap<>();
  private final Path dataFile;

  Workbooks(Path dataFile) {
    this.dataFile = dataFile;
    if (dataFile != null && Files.exists(dataFile)) {
      load();
    }
  }

  /** Runs a read-only call on a spreadsheet; 404 if unknown, 403 if not shared. */
  synchronized <T> T read(String spreadsheetId, Function<Spreadsheet, T> call) {
    return call.apply(require(spreadsheetId));
  }

  /** Runs a mutating call atomically: on any exception nothing changes. */
  synchronized <T> T write(String spreadsheetId, Function<Spreadsheet, T> call) {
    Spreadsheet copy = require(spreadsheetId).copy();
    T result = call.apply(copy);
    checkCellLimit(copy);
    books.put(spreadsheetId, copy);
    persist();
    return result;
  }

  /** Google's limit on the cells of a spreadsheet, all tabs' grids together. */
  static final long MAX_CELLS = 10_000_000L;

  /** Refuses a change that leaves more grid cells than Google allows (nothing is kept). */
  private static void checkCellLimit(Spreadsheet book) {
    long cells = 0;
    for (Sheet sheet : book.sheets) {
      cells += (long) sheet.rowCount * sheet.columnCount;
    }
    if (cells > MAX_CELLS) {
      throw ApiException.badRequest(
          "This action would increase the number of cells in the workbook above the limit of"
              + " 10000000 cells.");
    }
  }

  synchronized <T> T withAll(Function<Map<String, Spreadsheet>, T> call) {
    return call.apply(books);
  }

  synchronized Spreadsheet create(String spreadsheetId, String title) {
    Spreadsheet book = new Spreadsheet(spreadsheetId, title);
    books.put(spreadsheetId, book);
    return book;
  }

  /** Creates the spreadsheet if missing and any missing tabs with their header row 1. */
  synchronized void ensure(String spreadsheetId, String title, Map<String, List<String>> tabs) {
    Spreadsheet book = books.computeIfAbsent(spreadsheetId, id -> new Spreadsheet(id, title));
    tabs.forEach(
        (tab, header) -> {
          if (book.sheetByTitle(tab) == null) {
            Sheet sheet =
                book.addSheet(
                    tab,
                    null,
                    Sheet.DEFAULT_ROWS,
                    Math.max(Sheet.DEFAULT_COLUMNS, header.size()),
                    book.sheets.size());
            for (int c = 0; c < header.size(); c++) {
              sheet.set(0, c, CellCodec.typed(header.get(c)));
            }
          }
        });
    if (book.sheets.isEmpty()) {
      book.addSheet("Sheet1", 0, Sheet.DEFAULT_ROWS, Sheet.DEFAULT_COLUMNS, 0);
    }
    persist();
  }

  synchronized void setShared(String spreadsheetId, boolean shared) {
    Spreadsheet book = books.get(spreadsheetId);
    if (book == null) {
      throw new IllegalArgumentException("no spreadsheet " + spreadsheetId);
    }
    book.shared = shared;
    persist();
  }

  synchronized void clear() {
    books.clear();
    persist();
  }

  synchronized void persist() {
    if (dataFile == null) {
      return;
    }
    try {
      Path parent = dataFile.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, dataFile.getFileName().toString(), ".tmp");
      Json.MAPPER.writeValue(tmp.toFile(), snapshot());
      Files.move(
          tmp, dataFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dataFile, e);
    }
  }

  private Spreadsheet require(String spreadsheetId) {
    Spreadsheet book = books.get(spreadsheetId);
    if (book == null) {
      throw ApiException.notFound();
    }
    if (!book.shared) {
      throw ApiException.permissionDenied();
    }
    return book;
  }

  private ObjectNode snapshot() {
    ObjectNode root = Json.MAPPER.createObjectNode();
    ArrayNode list = root.putArray("spreadsheets");
    for (Spreadsheet book : books.values()) {
      ObjectNode b = list.addObject();
      b.put("spreadsheetId", book.spreadsheetId).put("title", book.title);
      b.put("shared", book.shared).put("nextSheetId", book.nextSheetId);
      b.set("extra", book.extra);
      b.set("objects", book.objects);
      b.put("lastObjectId", book.lastObjectId);
      ArrayNode sheets = b.putArray("sheets");
      for (Sheet sheet : book.sheets) {
        ObjectNode s = sheets.addObject();
        s.put("sheetId", sheet.sheetId).put("title", sheet.title);
        s.put("rowCount", sheet.rowCount).put("columnCount", sheet.columnCount);
        s.put("frozenRowCount", sheet.frozenRowCount);
        s.put("frozenColumnCount", sheet.frozenColumnCount);
        s.set("extra", sheet.extra);
        s.set("objects", sheet.objects);
        ArrayNode notes = s.putArray("notes");
        for (int r = 0; r < sheet.usedRowsWithNotes(); r++) {
          for (int c = 0; c < sheet.usedColumnsWithNotes(); c++) {
            if (sheet.note(r, c) != null) {
              notes.addObject().put("r", r).put("c", c).put("note", sheet.note(r, c));
            }
          }
        }
        ArrayNode cells = s.putArray("cells");
        int rows = sheet.usedRows();
        int cols = sheet.usedColumns();
        for (int r = 0; r < rows; r++) {
          for (int c = 0; c < cols; c++) {
            Cell cell = sheet.get(r, c);
            if (cell != null) {
              ObjectNode o = cells.addObject().put("r", r).put("c", c);
              if (cell instanceof Cell.Num n) {
                o.put("n", n.value());
                if (n.date()) {
                  o.put("date", true);
                }
              } else if (cell instanceof Cell.Text t) {
                o.put("s", t.value());
              } else if (cell instanceof Cell.Bool bool) {
                o.put("b", bool.value());
              } else if (cell instanceof Cell.Formula f) {
                o.put("f", f.source());
              }
            }
          }
        }
      }
    }
    return root;
  }

  private void load() {
    try {
      JsonNode root = Json.MAPPER.readTree(dataFile.toFile());
      for (JsonNode b : root.path("spreadsheets")) {
        Spreadsheet book =
            new Spreadsheet(b.path("spreadsheetId").asText(), b.path("title").asText());
        book.shared = b.path("shared").asBoolean(true);
        if (b.path("extra").isObject()) {
          book.extra = (ObjectNode) b.get("extra");
        }
        if (b.path("objects").isObject()) {
          book.objects = (ObjectNode) b.get("objects");
        }
        book.lastObjectId = b.path("lastObjectId").asInt();
        List<JsonNode> sheets = new ArrayList<>();
        b.path("sheets").forEach(sheets::add);
        for (JsonNode s : sheets) {
          Sheet sheet =
              book.addSheet(
                  s.path("title").asText(),
                  s.path("sheetId").asInt(),
                  s.path("rowCount").asInt(),
                  s.path("columnCount").asInt(),
                  book.sheets.size());
          sheet.frozenRowCount = s.path("frozenRowCount").asInt();
          sheet.frozenColumnCount = s.path("frozenColumnCount").asInt();
          if (s.path("extra").isObject()) {
            sheet.extra = (ObjectNode) s.get("extra");
          }
          if (s.path("objects").isObject()) {
            sheet.objects = (ObjectNode) s.get("objects");
          }
          for (JsonNode n : s.path("notes")) {
            sheet.setNote(n.path("r").asInt(), n.path("c").asInt(), n.path("note").asText());
          }
          for (JsonNode o : s.path("cells")) {
            Cell cell;
            if (o.has("n")) {
              cell = new Cell.Num(o.get("n").asDouble(), o.path("date").asBoolean());
            } else if (o.has("s")) {
              cell = new Cell.Text(o.get("s").asText());
            } else if (o.has("b")) {
              cell = new Cell.Bool(o.get("b").asBoolean());
            } else {
              cell = new Cell.Formula(o.path("f").asText());
            }
            sheet.set(o.path("r").asInt(), o.path("c").asInt(), cell);
          }
        }
        book.nextSheetId = Math.max(book.nextSheetId, b.path("nextSheetId").asInt());
        books.put(book.spreadsheetId, book);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dataFile, e);
    }
  }
}
