package dev.sheetsync.sheets;

import static dev.sheetsync.sheets.ColumnLayout.field;
import static dev.sheetsync.sheets.ColumnLayout.formula;
import static dev.sheetsync.sheets.ColumnLayout.personOwned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.util.Data;
import com.google.api.services.sheets.v4.model.ValueRange;
import dev.sheetsync.records.RecordSnapshot;
import dev.sheetsync.records.SyncModel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowMapperTest {

  static final UUID ID = UUID.fromString("0b4c3a52-1d7e-4c55-9a3e-6f1f2c0d9e01");
  static final Object SKIP = Data.NULL_STRING;

  final RowMapper mapper = new RowMapper();

  final TabLayout tab =
      new TabLayout(
          SyncModel.REQUEST,
          "Requests",
          1,
          "ID",
          DeletePolicy.MARK,
          "Status",
          null,
          List.of(
              field("ID", "id"),
              field("Customer", "customerName"),
              field("Pax", "pax"),
              field("Total Price", "totalPrice"),
              formula("Total Paid", "=SUMIF(Revenue!B:B,A{row},Revenue!E:E)"),
              formula("Balance", "=D{row}-E{row}"),
              field("Status", "status"),
              personOwned("Staff Notes"),
              new ColumnLayout("First Note", "notes", null, false, null),
              field("Start Date", "startDate"),
              field("Updated At", "updatedAt")));

  static RecordSnapshot request(Map<String, Object> overrides) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("id", ID.toString());
    fields.put("customerName", "Ada Lovelace");
    fields.put("pax", 2);
    fields.put("totalPrice", new BigDecimal("1234.50"));
    fields.put("status", "CONFIRMED");
    fields.put("notes", "call first");
    fields.put("startDate", LocalDate.of(2026, 1, 10));
    fields.put("updatedAt", OffsetDateTime.of(2026, 1, 10, 14, 5, 9, 123_000_000, ZoneOffset.UTC));
    fields.putAll(overrides);
    return new RecordSnapshot(SyncModel.REQUEST, ID, null, fields);
  }

  @Test
  void appendWritesFieldsSeedsAndFormulasWithTheRowNumberButSkipsPersonOwnedCells() {
    List<Object> row = mapper.toRow(tab, request(Map.of()), 7, RowMode.APPEND);

    assertThat(row)
        .containsExactly(
            "'" + ID,
            "'Ada Lovelace",
            new BigDecimal("2"),
            new BigDecimal("1234.5"),
            "=SUMIF(Revenue!B:B,A7,Revenue!E:E)",
            "=D7-E7",
            "'CONFIRMED",
            SKIP,
            "'call first",
            "2026-01-10",
            "2026-01-10 14:05:09");
    assertThat(row.get(7)).isSameAs(Data.NULL_STRING);
  }

  @Test
  void updateSkipsFormulaSeededAndPersonOwnedCellsSoTheyStayAsTheyAre() {
    List<Object> row = mapper.toRow(tab, request(Map.of()), 7, RowMode.UPDATE);

    assertThat(row).hasSize(tab.width());
    assertThat(row.get(4)).isSameAs(Data.NULL_STRING);
    assertThat(row.get(5)).isSameAs(Data.NULL_STRING);
    assertThat(row.get(7)).isSameAs(Data.NULL_STRING);
    assertThat(row.get(8)).isSameAs(Data.NULL_STRING);
    assertThat(row.get(3)).isEqualTo(new BigDecimal("1234.5"));
  }

  @Test
  void appendWithUnknownRowSkipsFormulasWhichFormulaCellsWritesLater() {
    List<Object> row = mapper.toRow(tab, request(Map.of()), RowMapper.UNKNOWN_ROW, RowMode.APPEND);
    assertThat(row.get(4)).isSameAs(Data.NULL_STRING);
    assertThat(row.get(0)).isEqualTo("'" + ID);

    List<Object> formulas = mapper.formulaCells(tab, 12);
    assertThat(formulas.get(4)).isEqualTo("=SUMIF(Revenue!B:B,A12,Revenue!E:E)");
    assertThat(formulas.get(5)).isEqualTo("=D12-E12");
    assertThat(formulas).filteredOn(v -> v == Data.NULL_STRING).hasSize(tab.width() - 2);
  }

  @Test
  void skippedCellsAreSentAsJsonNullKeepingEveryCellInItsColumn() throws Exception {
    List<Object> row = mapper.toRow(tab, request(Map.of()), 7, RowMode.UPDATE);
    String json =
        GsonFactory.getDefaultInstance().toString(new ValueRange().setValues(List.of(row)));

    // A Java null would be dropped from the array, moving Status into the Total Paid column.
    assertThat(json).contains("1234.5,null,null,\"'CONFIRMED\",null,null,\"2026-01-10\"");
  }

  @Test
  void userTextThatLooksLikeAFormulaNumberOrDateStaysLiteralText() {
    for (String text :
        List.of(
            "=HYPERLINK(\"http://x\",\"y\")",
            "+cmd|' /C calc'!A0",
            "@SUM(1)",
            "-1+1",
            "007",
            "2026-01-10",
            "TRUE",
            "'already quoted")) {
      List<Object> row =
          mapper.toRow(tab, request(Map.of("customerName", text)), 2, RowMode.UPDATE);
      assertThat(row.get(1)).as(text).isEqualTo("'" + text);
    }
  }

  @Test
  void nullsClearAndEmptyTextStaysEmpty() {
    Map<String, Object> nulls = new HashMap<>();
    nulls.put("customerName", "");
    nulls.put("pax", null);
    nulls.put("totalPrice", null);
    nulls.put("startDate", null);
    nulls.put("updatedAt", null);
    List<Object> row = mapper.toRow(tab, request(nulls), 2, RowMode.UPDATE);

    assertThat(row.get(1)).isEqualTo("");
    assertThat(row.get(2)).isEqualTo("");
    assertThat(row.get(3)).isEqualTo("");
    assertThat(row.get(9)).isEqualTo("");
    assertThat(row.get(10)).isEqualTo("");
  }

  @Test
  void numbersAreExactAndNeverGoThroughDoubleRounding() {
    assertThat(CellValues.number(new BigDecimal("1234.50"))).isEqualTo(new BigDecimal("1234.5"));
    assertThat(CellValues.number(new BigDecimal("0.10")).toString()).isEqualTo("0.1");
    assertThat(CellValues.number(new BigDecimal("1E+3")).toString()).isEqualTo("1000");
    assertThat(CellValues.number(new BigDecimal("12345678901234.99")).toString())
        .isEqualTo("12345678901234.99");
    assertThat(CellValues.number(0.1 + 0.2).toString()).isEqualTo("0.30000000000000004");
    assertThat(CellValues.number(42L)).isEqualTo(new BigDecimal("42"));
    assertThat(CellValues.number(" 19.90 ")).isEqualTo(new BigDecimal("19.9"));
  }

  @Test
  void datesAndTimestampsAreWrittenSoUserEnteredMakesDatesOfThem() {
    assertThat(CellValues.format(ColumnFormat.DATE, LocalDate.of(2026, 2, 3)))
        .isEqualTo("2026-02-03");
    assertThat(CellValues.format(ColumnFormat.DATE, "2026-02-03")).isEqualTo("2026-02-03");
    // Timestamps are shown in UTC, as stored.
    assertThat(
            CellValues.format(
                ColumnFormat.DATETIME,
                OffsetDateTime.of(2026, 2, 3, 1, 30, 0, 0, ZoneOffset.ofHours(7))))
        .isEqualTo("2026-02-02 18:30:00");
    assertThat(
            CellValues.format(
                ColumnFormat.DATE,
                OffsetDateTime.of(2026, 2, 3, 1, 30, 0, 0, ZoneOffset.ofHours(7))))
        .isEqualTo("2026-02-02");
  }

  @Test
  void aValueOfTheWrongTypeFailsWithColumnAndRecord() {
    assertThatThrownBy(() -> mapper.toRow(tab, request(Map.of("pax", "two")), 2, RowMode.UPDATE))
        .isInstanceOf(RowMappingException.class)
        .hasMessageContaining("column 'Pax' of tab 'Requests'")
        .hasMessageContaining(ID.toString())
        .hasMessageContaining("value 'two' (String) is not a number")
        .satisfies(
            e -> {
              RowMappingException ex = (RowMappingException) e;
              assertThat(ex.column()).isEqualTo("Pax");
              assertThat(ex.recordId()).isEqualTo(ID);
            });
    assertThatThrownBy(
            () -> mapper.toRow(tab, request(Map.of("startDate", 20260110)), 2, RowMode.UPDATE))
        .isInstanceOf(RowMappingException.class)
        .hasMessageContaining("column 'Start Date'")
        .hasMessageContaining("is not a date");
    assertThatThrownBy(
            () ->
                mapper.toRow(
                    tab,
                    request(Map.of("startDate", LocalDate.of(10000, 1, 1))),
                    2,
                    RowMode.UPDATE))
        .hasMessageContaining("year 10000 is outside 1-9999");
    assertThatThrownBy(
            () ->
                mapper.toRow(
                    tab, request(Map.of("customerName", "x".repeat(50_001))), 2, RowMode.UPDATE))
        .isInstanceOf(RowMappingException.class)
        .hasMessageContaining("exceeds Google Sheets' limit of 50000");
  }

  @Test
  void aRecordMissingAFieldOrOfAnotherModelIsRejected() {
    Map<String, Object> fields = new HashMap<>(request(Map.of()).fields());
    fields.remove("status");
    RecordSnapshot partial = new RecordSnapshot(SyncModel.REQUEST, ID, null, fields);
    assertThatThrownBy(() -> mapper.toRow(tab, partial, 2, RowMode.UPDATE))
        .isInstanceOf(RowMappingException.class)
        .hasMessageContaining("the record has no field status");

    RecordSnapshot revenue = new RecordSnapshot(SyncModel.REVENUE, ID, null, Map.of());
    assertThatThrownBy(() -> mapper.toRow(tab, revenue, 2, RowMode.UPDATE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> mapper.toRow(tab, request(Map.of()), 1, RowMode.UPDATE))
        .hasMessageContaining("not below its header row");
  }

  @Test
  void markDeletedWritesOnlyTheMarkerAndClearedOnlyTheWritableCells() {
    List<Object> marked = mapper.markDeleted(tab, 9);
    assertThat(marked).hasSize(tab.width());
    assertThat(marked.get(6)).isEqualTo("'DELETED");
    assertThat(marked).filteredOn(v -> v == Data.NULL_STRING).hasSize(tab.width() - 1);

    List<Object> cleared = mapper.cleared(tab);
    assertThat(cleared).containsExactly("", "", "", "", SKIP, SKIP, "", SKIP, SKIP, "", "");

    TabLayout clearing =
        new TabLayout(
            SyncModel.REQUEST, "Requests", 1, "ID", DeletePolicy.CLEAR, null, null, tab.columns());
    assertThatThrownBy(() -> mapper.markDeleted(clearing, 9))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rangesQuoteTabNamesAndCoverTheWholeRow() {
    assertThat(RowMapper.rowRange(tab, 5)).isEqualTo("'Requests'!A5:K5");
    assertThat(RowMapper.keyColumnRange(tab)).isEqualTo("'Requests'!A:A");
    assertThat(RowMapper.headerRange(tab)).isEqualTo("'Requests'!A1:K1");
    assertThat(RowMapper.tableRange(tab)).isEqualTo("'Requests'!A1:K");
    assertThat(RowMapper.quoteTabName("Jon's Data")).isEqualTo("'Jon''s Data'");

    TabLayout keyElsewhere =
        new TabLayout(
            SyncModel.REQUEST,
            "Jon's Data",
            3,
            "ID",
            DeletePolicy.IGNORE,
            null,
            null,
            List.of(field("Code", "bookingCode"), personOwned("Mine"), field("ID", "id")));
    assertThat(RowMapper.keyColumnRange(keyElsewhere)).isEqualTo("'Jon''s Data'!C:C");
    assertThat(RowMapper.rowRange(keyElsewhere, 4)).isEqualTo("'Jon''s Data'!A4:C4");
  }

  @Test
  void readsRowNumbersFromUpdatedRanges() {
    assertThat(RowMapper.firstRowOf("Requests!A11:K13")).isEqualTo(11);
    assertThat(RowMapper.lastRowOf("Requests!A11:K13")).isEqualTo(13);
    assertThat(RowMapper.firstRowOf("'My Tab'!A11:K13")).isEqualTo(11);
    assertThat(RowMapper.firstRowOf("'Jon''s Data!'!$A$4:$K$4")).isEqualTo(4);
    assertThat(RowMapper.lastRowOf("Revenue!B7")).isEqualTo(7);
    assertThat(RowMapper.firstRowOf("AB100:AC200")).isEqualTo(100);
    assertThatThrownBy(() -> RowMapper.firstRowOf("Requests!A:A"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no row number");
    assertThatThrownBy(() -> RowMapper.firstRowOf("")).isInstanceOf(IllegalArgumentException.class);
  }
}
