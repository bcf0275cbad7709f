package dev.sheetsync.records;

import static dev.sheetsync.testing.OperatorBuilder.anOperator;
import static dev.sheetsync.testing.OperatorBuilder.anOperatorLike;
import static dev.sheetsync.testing.RequestBuilder.aRequest;
import static dev.sheetsync.testing.RequestBuilder.aRequestLike;
import static dev.sheetsync.testing.RevenueBuilder.aRevenue;
import static dev.sheetsync.testing.RevenueBuilder.aRevenueLike;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheetsync.IntegrationTest;
import dev.sheetsync.TestData;
import dev.sheetsync.system.ApiException;
import dev.sheetsync.users.Role;
import dev.sheetsync.users.SignedInUser;
import dev.sheetsync.users.UserAccounts;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class RecordChangesTest {

  @Autowired RecordChanges changes;
  @Autowired UserAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired JsonMapper json;

  TestData data;
  SignedInUser seller;

  record QueueRow(String action, String model, UUID recordId, Integer rowIndex, JsonNode payload) {}

  @BeforeEach
  void cleanDatabase() {
    data = new TestData(jdbc).reset();
    seller = data.user("sam@example.com", Role.SELLER);
  }

  @Test
  void eachCreateEnqueuesOneCreateWithTheStoredRecordAsPayload() {
    UUID request = changes.createRequest(request("BK-1"));
    UUID operator = changes.createOperator(operator(request));
    UUID revenue = changes.createRevenue(revenue(request));

    List<QueueRow> rows = queue();
    assertThat(rows)
        .extracting(QueueRow::action, QueueRow::model, QueueRow::recordId)
        .containsExactly(
            tuple("CREATE", "Request", request),
            tuple("CREATE", "Operator", operator),
            tuple("CREATE", "Revenue", revenue));
    JsonNode requestPayload = rows.get(0).payload();
    assertThat(requestPayload.get("id").asString()).isEqualTo(request.toString());
    assertThat(requestPayload.get("bookingCode").asString()).isEqualTo("BK-1");
    assertThat(requestPayload.get("totalPrice").decimalValue()).isEqualByComparingTo("1250.50");
    assertThat(requestPayload.get("startDate").asString()).isEqualTo("2025-06-01");
    assertThat(requestPayload.get("seller.name").asString()).isEqualTo("sam");
    assertThat(rows.get(1).payload().get("request.bookingCode").asString()).isEqualTo("BK-1");
    assertThat(rows.get(1).payload().get("supplierName").asString()).isEqualTo("Hotel Azur");
    assertThat(rows.get(2).payload().get("amount").decimalValue()).isEqualByComparingTo("500");
  }

  @Test
  void eachUpdateEnqueuesOneUpdateWithThePostChangePayloadAndRowIndex() {
    UUID request = changes.createRequest(request("BK-1"));
    UUID operator = changes.createOperator(operator(request));
    UUID revenue = changes.createRevenue(revenue(request));
    jdbc.sql("update operators set sheet_row_index = 7 where id = :id")
        .param("id", operator)
        .update();
    clearQueue();

    changes.updateRequest(request, r -> aRequestLike(r).pax(5).build());
    changes.updateOperator(
        operator, o -> anOperatorLike(o).paymentStatus(PaymentStatus.PAID).build());
    changes.updateRevenue(revenue, v -> aRevenueLike(v).reference("TX-42").build());

    List<QueueRow> rows = queue();
    assertThat(rows)
        .extracting(QueueRow::action, QueueRow::model, QueueRow::recordId, QueueRow::rowIndex)
        .containsExactly(
            tuple("UPDATE", "Request", request, null),
            tuple("UPDATE", "Operator", operator, 7),
            tuple("UPDATE", "Revenue", revenue, null));
    assertThat(rows.get(0).payload().get("pax").asInt()).isEqualTo(5);
    assertThat(rows.get(1).payload().get("paymentStatus").asString()).isEqualTo("PAID");
    assertThat(rows.get(2).payload().get("reference").asString()).isEqualTo("TX-42");
  }

  @Test
  void eachDeleteEnqueuesOneDeleteWhosePayloadOutlivesTheRecord() {
    UUID request = changes.createRequest(request("BK-1"));
    UUID operator = changes.createOperator(operator(request));
    UUID revenue = changes.createRevenue(revenue(request));
    clearQueue();

    changes.deleteOperator(operator);
    changes.deleteRevenue(revenue);
    changes.deleteRequest(request, false);

    List<QueueRow> rows = queue();
    assertThat(rows)
        .extracting(QueueRow::action, QueueRow::model, QueueRow::recordId)
        .containsExactly(
            tuple("DELETE", "Operator", operator),
            tuple("DELETE", "Revenue", revenue),
            tuple("DELETE", "Request", request));
    assertThat(rows.get(0).payload().get("supplierName").asString()).isEqualTo("Hotel Azur");
    assertThat(rows.get(2).payload().get("bookingCode").asString()).isEqualTo("BK-1");
    assertThat(count("requests") + count("operators") + count("revenues")).isZero();
  }

  @Test
  void deletingARequestWithChildrenIsRefusedUnlessCascaded() {
    UUID request = changes.createRequest(request("BK-1"));
    UUID operator = changes.createOperator(operator(request));
    UUID revenue = changes.createRevenue(revenue(request));
    clearQueue();

    assertThatThrownBy(() -> changes.deleteRequest(request, false))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.status().value()).isEqualTo(409));
    assertThat(data.queueSize()).isZero();
    assertThat(count("requests")).isOne();

    changes.deleteRequest(request, true);

    assertThat(queue())
        .extracting(QueueRow::action, QueueRow::model, QueueRow::recordId)
        .containsExactly(
            tuple("DELETE", "Operator", operator),
            tuple("DELETE", "Revenue", revenue),
            tuple("DELETE", "Request", request));
    assertThat(count("requests") + count("operators") + count("revenues")).isZero();
  }

  @Test
  void changingTheBookingCodeRequeuesTheRowsThatShowIt() {
    UUID request = changes.createRequest(request("BK-1"));
    UUID operator = changes.createOperator(operator(request));
    UUID revenue = changes.createRevenue(revenue(request));
    clearQueue();

    changes.updateRequest(request, r -> aRequestLike(r).bookingCode("BK-2").build());

    List<QueueRow> rows = queue();
    assertThat(rows)
        .extracting(QueueRow::action, QueueRow::model, QueueRow::recordId)
        .containsExactly(
            tuple("UPDATE", "Request", request),
            tuple("UPDATE", "Operator", operator),
            tuple("UPDATE", "Revenue", revenue));
    assertThat(rows.get(1).payload().get("request.bookingCode").asString()).isEqualTo("BK-2");
  }

  @Test
  void renamingASellerRequeuesTheirRequests() {
    UUID request = changes.createRequest(request("BK-1"));
    clearQueue();

    accounts.update(seller.id(), null, "Samantha", null, null);

    List<QueueRow> rows = queue();
    assertThat(rows)
        .extracting(QueueRow::action, QueueRow::model, QueueRow::recordId)
        .containsExactly(tuple("UPDATE", "Request", request));
    assertThat(rows.get(0).payload().get("seller.name").asString()).isEqualTo("Samantha");
  }

  @Test
  void aTransactionThatFailsAfterTheChangeLeavesNeitherRecordNorQueueRow() {
    assertThatThrownBy(
            () ->
                tx.executeWithoutResult(
                    status -> {
                      changes.createRequest(request("BK-1"));
                      throw new IllegalStateException("boom after the change");
                    }))
        .hasMessage("boom after the change");

    assertThat(count("requests")).isZero();
    assertThat(data.queueSize()).isZero();
  }

  @Test
  void aRejectedChangeEnqueuesNothing() {
    changes.createRequest(request("BK-1"));
    clearQueue();

    assertThatThrownBy(() -> changes.createRequest(request("BK-1")))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> changes.createRequest(aRequestLike(request("BK-3")).pax(0).build()))
        .isInstanceOf(ApiException.class);

    assertThat(count("requests")).isOne();
    assertThat(data.queueSize()).isZero();
  }

  @Test
  void aQueueInsertThatFailsRollsTheChangeBack() {
    UUID request = changes.createRequest(request("BK-1"));
    clearQueue();
    // Make the database refuse every queue row for operators, as a full disk or a bug would.
    jdbc.sql(
            "alter table sync_queue add constraint test_refuse_operator check (model <> 'Operator')")
        .update();
    try {
      assertThatThrownBy(() -> changes.createOperator(operator(request)))
          .hasMessageContaining("test_refuse_operator");
      UUID revenue = changes.createRevenue(revenue(request));
      assertThat(revenue).isNotNull();
    } finally {
      jdbc.sql("alter table sync_queue drop constraint test_refuse_operator").update();
    }

    assertThat(count("operators")).isZero();
    assertThat(count("requests")).isOne();
    assertThat(queue()).extracting(QueueRow::model).containsExactly("Revenue");
  }

  @Test
  void aSyncOriginWriteOfTheRowIndexEnqueuesNothing() {
    UUID request = changes.createRequest(request("BK-1"));
    clearQueue();

    // What the write-back does after appending a row: its own SQL, no outbox.
    jdbc.sql("update requests set sheet_row_index = 2 where id = :id")
        .param("id", request)
        .update();

    assertThat(data.queueSize()).isZero();
  }

  private RequestInput request(String bookingCode) {
    return aRequest()
        .bookingCode(bookingCode)
        .customer("Ann Lee")
        .phone(null)
        .email("ann@example.com")
        .destination("Lisbon")
        .dates(LocalDate.parse("2025-06-01"), LocalDate.parse("2025-06-05"))
        .totalPrice("1250.50")
        .status(RequestStatus.NEW)
        .seller(seller.id())
        .build();
  }

  private static OperatorInput operator(UUID request) {
    return anOperator()
        .forRequest(request)
        .serviceDate(LocalDate.parse("2025-06-01"))
        .supplier("Hotel Azur")
        .description(null)
        .cost("800")
        .build();
  }

  private static RevenueInput revenue(UUID request) {
    return aRevenue()
        .forRequest(request)
        .paymentDate(LocalDate.parse("2025-05-01"))
        .amount("500")
        .method(PaymentMethod.BANK_TRANSFER)
        .build();
  }

  private static org.assertj.core.groups.Tuple tuple(Object... values) {
    return org.assertj.core.groups.Tuple.tuple(values);
  }

  private List<QueueRow> queue() {
    return jdbc.sql(
            "select action, model, record_id, sheet_row_index, payload::text as payload"
                + " from sync_queue order by id")
        .query(
            (rs, n) ->
                new QueueRow(
                    rs.getString("action"),
                    rs.getString("model"),
                    rs.getObject("record_id", UUID.class),
                    (Integer) rs.getObject("sheet_row_index"),
                    json.readTree(rs.getString("payload"))))
        .list();
  }

  private void clearQueue() {
    jdbc.sql("delete from sync_queue").update();
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}
