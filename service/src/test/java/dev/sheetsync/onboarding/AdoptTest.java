package dev.sheetsync.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.ValueRange;
import dev.sheetsync.Http;
import dev.sheetsync.IntegrationTest;
import dev.sheetsync.TestData;
import dev.sheetsync.emulator.ValueRender;
import dev.sheetsync.sheets.SheetLayouts;
import dev.sheetsync.sheets.SpreadsheetTarget;
import dev.sheetsync.system.ClusterLock;
import dev.sheetsync.testing.EmptySpreadsheet;
import dev.sheetsync.users.Role;
import dev.sheetsync.writeback.WriteBack;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/sync/adopt} on a Requests tab a team kept by hand: two rows match by booking
 * code (one typed in lower case), one matches nothing, two share a code, one is a person's totals
 * row, one repeats a record that already has its row; one record has no row at all.
 */
@IntegrationTest
class AdoptTest {

  static final String ADOPT = "/api/sync/adopt";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Sheets sheets;
  @Autowired SpreadsheetTarget target;
  @Autowired SheetLayouts layouts;
  @Autowired WriteBack writeBack;
  @Autowired ClusterLock lock;

  Http admin;
  Http seller;
  List<String> ids;

  @BeforeEach
  void recordsAndAHandKeptSheet() throws IOException {
    TestData data = new TestData(jdbc).reset();
    data.user("admin@example.com", Role.ADMIN);
    data.user("seller@example.com", Role.SELLER);
    admin = Http.loggedIn(port, "admin@example.com");
    seller = Http.loggedIn(port, "seller@example.com");
    EmptySpreadsheet.create(target, layouts).quota(0, 0);
    jdbc.sql(
            """
            insert into requests (id, booking_code, customer_name, pax, created_at)
            select gen_random_uuid(), 'BK-' || g, 'Customer ' || g, 2,
                   timestamptz '2026-01-01 00:00:00+00' + g * interval '1 second'
              from generate_series(1, 5) g
            """)
        .update();
    ids = jdbc.sql("select id::text from requests order by created_at").query(String.class).list();
    write(
        "'Requests'!A2:C9",
        List.of(
            List.of("", "BK-1", "Ann from the sheet"),
            List.of("", "bk-2 ", "Bob"),
            List.of("", "BK-404", "Stranger"),
            List.of("", "BK-3", "Cy"),
            List.of("", "BK-3", "Cy again"),
            List.of("", "", "Totals"),
            List.of(ids.get(3), "BK-4", "Dee"),
            List.of("", "BK-4", "Dee copy")));
    write("'Requests'!P2", List.of(List.of("vip, call first")));
  }

  @Test
  void dryRunReportsEveryKindOfRowAndRecordAndChangesNothing() {
    List<List<Object>> before = grid();

    Http.Response response = admin.post(ADOPT, adopt("Booking Code", true));

    assertThat(response.status()).isEqualTo(200);
    JsonNode report = response.json();
    assertThat(report.path("matched").toString())
        .isEqualTo(
            "[{\"row\":2,\"recordId\":\"%s\",\"value\":\"BK-1\"},{\"row\":3,\"recordId\":\"%s\",\"value\":\"bk-2\"}]"
                .formatted(ids.get(0), ids.get(1)));
    assertThat(report.path("unmatchedRows").toString())
        .isEqualTo("[{\"row\":4,\"value\":\"BK-404\"}]");
    assertThat(report.path("ambiguousRows").toString())
        .isEqualTo(
            ("[{\"row\":5,\"value\":\"BK-3\",\"recordIds\":[\"%1$s\"]},"
                    + "{\"row\":6,\"value\":\"BK-3\",\"recordIds\":[\"%1$s\"]},"
                    + "{\"row\":9,\"value\":\"BK-4\",\"recordIds\":[\"%2$s\"]}]")
                .formatted(ids.get(2), ids.get(3)));
    assertThat(report.path("recordsWithoutRow").toString())
        .isEqualTo(
            "[{\"recordId\":\"%s\",\"value\":\"BK-3\"},{\"recordId\":\"%s\",\"value\":\"BK-5\"}]"
                .formatted(ids.get(2), ids.get(4)));
    assertThat(grid()).isEqualTo(before);
  }

  @Test
  void adoptWritesTheIdsIntoTheKeyCellsOfMatchedRowsAndNothingElse() {
    List<List<Object>> expected = grid();
    expected.get(1).set(0, ids.get(0));
    expected.get(2).set(0, ids.get(1));

    Http.Response response = admin.post(ADOPT, adopt("Booking Code", false));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("matched")).hasSize(2);
    assertThat(grid()).isEqualTo(expected);
    assertThat(
            jdbc.sql("select sheet_row_index from requests order by created_at")
                .query(Integer.class)
                .list())
        .containsExactly(2, 3, null, null, null);
    assertThat(
            jdbc.sql(
                    "select cells ->> 'Customer' from sheet_written_rows where record_id = cast(:id as uuid)")
                .param("id", ids.get(0))
                .query(String.class)
                .single())
        .as("the row's values are the base: the next update takes them for sheetsync's own")
        .isEqualTo("Ann from the sheet");
    assertThat(admin.post(ADOPT, adopt("Booking Code", true)).json().path("matched"))
        .as("adopted rows have their key now")
        .isEmpty();
  }

  @Test
  void aWriteBackUpdateOfAnAdoptedRecordWritesIntoItsRow() {
    admin.post(ADOPT, adopt("Booking Code", false));
    jdbc.sql("update requests set customer_name = 'Ann Lee' where id = cast(:id as uuid)")
        .param("id", ids.get(0))
        .update();
    jdbc.sql(
            "insert into sync_queue (action, model, record_id, payload)"
                + " values ('UPDATE', 'Request', cast(:id as uuid), '{}')")
        .param("id", ids.get(0))
        .update();

    writeBack.runOnce();

    List<List<Object>> rows = grid();
    assertThat(rows.get(1).subList(0, 3)).containsExactly(ids.get(0), "BK-1", "Ann Lee");
    assertThat(rows.get(1).get(15)).as("Staff Notes, people's column").isEqualTo("vip, call first");
    assertThat(rows.stream().filter(r -> !r.isEmpty() && ids.get(0).equals(r.get(0))))
        .as("no second row")
        .hasSize(1);
    assertThat(
            jdbc.sql("select count(*) from sync_conflicts where status = 'OPEN'")
                .query(Long.class)
                .single())
        .as("the row's values were adopted, not edits")
        .isZero();
  }

  @Test
  void adoptRejectsAnUnknownTabAndAMatchColumnNotInTheLayoutOrNotInTheSheet() throws IOException {
    Http.Response tab =
        admin.post(ADOPT, "{\"tab\":\"Bookings\",\"matchColumn\":\"Booking Code\"}");
    assertThat(tab.status()).isEqualTo(400);
    assertThat(tab.json().path("error").asText()).contains("'Bookings'");

    Http.Response layout = admin.post(ADOPT, adopt("Voucher", true));
    assertThat(layout.status()).isEqualTo(400);
    assertThat(layout.json().path("error").asText()).contains("'Voucher'");

    write("'Requests'!B1", List.of(List.of("Code")));
    Http.Response sheet = admin.post(ADOPT, adopt("Booking Code", true));
    assertThat(sheet.status()).isEqualTo(400);
    assertThat(sheet.json().path("error").asText()).contains("'Booking Code'").contains("sheet");

    Http.Response field =
        admin.post(ADOPT, "{\"tab\":\"Requests\",\"matchColumn\":\"Booking Code\",\"force\":1}");
    assertThat(field.status()).isEqualTo(400);
    assertThat(field.json().path("error").asText()).contains("force");
  }

  @Test
  void adoptRejectsAColumnWhoseValuesRepeatAmongTheRecords() {
    jdbc.sql(
            """
            insert into operators (id, request_id, service_type, supplier_name)
            select gen_random_uuid(), id, 'HOTEL', 'Lotus' from requests where booking_code = 'BK-1'
            union all
            select gen_random_uuid(), id, 'GUIDE', 'Minh' from requests where booking_code = 'BK-1'
            """)
        .update();

    Http.Response response =
        admin.post(
            ADOPT, "{\"tab\":\"Operators\",\"matchColumn\":\"Booking Code\",\"dryRun\":true}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("error").asText())
        .contains("'Booking Code'")
        .contains("'BK-1'");
  }

  @Test
  void adoptAnswers409WhileAWriteBackRunHoldsTheLockAndWritesNothing() {
    List<List<Object>> before = grid();
    try (ClusterLock.Held run = lock.tryAcquire(ClusterLock.Name.WRITE_BACK).orElseThrow()) {
      assertThat(admin.post(ADOPT, adopt("Booking Code", false)).status()).isEqualTo(409);
      assertThat(admin.post(ADOPT, adopt("Booking Code", true)).status())
          .as("a dry run only reads")
          .isEqualTo(200);
    }
    assertThat(grid()).isEqualTo(before);
  }

  @Test
  void resyncAndAdoptAre403ForASeller() {
    assertThat(seller.post(ADOPT, adopt("Booking Code", true)).status()).isEqualTo(403);
    assertThat(seller.post("/api/sync/resync", "{\"models\":[\"Request\"]}").status())
        .isEqualTo(403);
    assertThat(jdbc.sql("select count(*) from sync_queue").query(Long.class).single()).isZero();
  }

  @Test
  void resyncAnswersHowManyItemsItQueued() {
    Http.Response response =
        admin.post("/api/sync/resync", "{\"models\":[\"Request\",\"Operator\",\"Revenue\"]}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"enqueued\":5}");
  }

  @Test
  void resyncRejectsAnUnknownModelAnEmptyListAndUnknownFieldsNamingThem() {
    Http.Response unknown =
        admin.post("/api/sync/resync", "{\"models\":[\"Request\",\"Booking\"]}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("error").asText()).contains("'Booking'");

    Http.Response empty = admin.post("/api/sync/resync", "{\"models\":[]}");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().path("error").asText()).contains("models");

    Http.Response field = admin.post("/api/sync/resync", "{\"models\":[\"Request\"],\"all\":true}");
    assertThat(field.status()).isEqualTo(400);
    assertThat(field.json().path("error").asText()).contains("'all'");
    assertThat(jdbc.sql("select count(*) from sync_queue").query(Long.class).single()).isZero();
  }

  private static String adopt(String column, boolean dryRun) {
    return "{\"tab\":\"Requests\",\"matchColumn\":\"%s\",\"dryRun\":%s}".formatted(column, dryRun);
  }

  private void write(String range, List<List<Object>> values) throws IOException {
    sheets
        .spreadsheets()
        .values()
        .update(target.spreadsheetId(), range, new ValueRange().setValues(values))
        .setValueInputOption("RAW")
        .execute();
  }

  /** Rows 1-12 of Requests, formulas as written, each padded to the layout's 18 columns. */
  private List<List<Object>> grid() {
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> row :
        target
            .emulator()
            .values(target.spreadsheetId(), "'Requests'!A1:R12", ValueRender.FORMULA)) {
      List<Object> padded = new ArrayList<>(row);
      while (padded.size() < 18) {
        padded.add("");
      }
      rows.add(padded);
    }
    return rows;
  }
}
