package dev.sheetsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.Http;
import dev.sheetsync.IntegrationTest;
import dev.sheetsync.TestData;
import dev.sheetsync.users.Role;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the console shows to whom, over HTTP; the browser test covers the script. */
@IntegrationTest
class AdminConsoleTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void data() {
    TestData data = new TestData(jdbc).reset();
    data.user("admin@example.com", Role.ADMIN);
    data.user("accountant@example.com", Role.ACCOUNTANT);
    jdbc.sql(
            """
            insert into sync_queue (action, model, record_id, payload, status, retries, last_error)
            values ('UPDATE', 'Operator', gen_random_uuid(), '{}', 'FAILED', 5,
                    'Unable to parse range: <script>alert(1)</script>')
            """)
        .update();
  }

  Http.Response page(Http client) {
    return client.send("GET", "/admin", null, "Accept", "text/html");
  }

  @Test
  void sendsBrowsersWithoutASessionToTheLoginForm() {
    Http.Response response = page(new Http(port));

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.header("Location")).endsWith("/login");
  }

  @Test
  void showsAdminsEverythingWithTextEscaped() {
    Http admin = new Http(port);
    admin.login("admin@example.com", TestData.PASSWORD);

    String html = page(admin).body();

    assertThat(html)
        .contains("id=\"count-failed\">1<")
        .contains("id=\"run-write-back\"")
        .contains("id=\"retry-all\"")
        .contains("class=\"retry\"")
        .contains("id=\"activity-chart\"")
        .contains("id=\"spreadsheet-link\"")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert(1)</script>");
  }

  @Test
  void showsARefusedTypedRowWithItsMessageAndOnlyTheLeaveItButton() {
    jdbc.sql(
            """
            insert into sync_conflicts (model, tab, column_header, row_index, sheet_value, message,
                                        booking_code)
            values ('Revenue', 'Revenue', 'Method', 7, 'cheque',
                    'method ''cheque'' is not one of [CASH, BANK_TRANSFER, CARD, OTHER]', 'BK-1')
            """)
        .update();
    Http admin = new Http(port);
    admin.login("admin@example.com", TestData.PASSWORD);

    String html = page(admin).body();

    assertThat(html)
        .contains("is not one of [CASH, BANK_TRANSFER, CARD, OTHER]")
        .contains("class=\"muted typed-row\"")
        .contains("Leave the row as it is")
        .doesNotContain("Keep sheet value");
  }

  @Test
  void showsOtherRolesTheCountsOnly() {
    Http accountant = new Http(port);
    accountant.login("accountant@example.com", TestData.PASSWORD);

    String html = page(accountant).body();

    assertThat(html).contains("id=\"count-failed\">1<").contains("id=\"counts-only\"");
    assertThat(html)
        .doesNotContain("run-write-back")
        .doesNotContain("retry-all")
        .doesNotContain("activity-chart")
        .doesNotContain("alert(1)");
  }

  @Test
  void chartStacksFailedOnSucceededAndDrawsTheBacklog() {
    OffsetDateTime hour = OffsetDateTime.of(2026, 1, 10, 0, 0, 0, 0, ZoneOffset.UTC);
    List<ActivityChart.Hour> hours =
        List.of(
            new ActivityChart.Hour(hour, 10, 0, 0),
            new ActivityChart.Hour(hour.plusHours(1), 5, 5, 20));

    ActivityChart chart = ActivityChart.of(hours);

    assertThat(chart.maxValue()).isEqualTo(20);
    assertThat(chart.totalProcessed()).isEqualTo(20);
    assertThat(chart.totalFailed()).isEqualTo(5);
    ActivityChart.Slot second = chart.slots().get(1);
    assertThat(second.succeededHeight()).isEqualTo(second.failedHeight());
    assertThat(second.failedY() + second.failedHeight()).isEqualTo(second.succeededY());
    assertThat(chart.pendingLine()).endsWith("," + (ActivityChart.HEIGHT - 150));
    assertThat(chart.svg())
        .contains("<title>01:00: 5 written, 5 failed, 20 waiting</title>")
        .contains(
            "<rect class=\"bad\" x=\"%d\" y=\"%d\" height=\"%d\" width=\"24\"></rect>"
                .formatted(second.x(), second.failedY(), second.failedHeight()))
        .contains("<text class=\"hour\" x=\"3\" y=\"%d\">00:00</text>".formatted(chart.labelY()))
        .doesNotContain(">01:00</text>")
        .endsWith("<polyline class=\"pending\" points=\"" + chart.pendingLine() + "\"></polyline>");
  }

  @Test
  void describesAgesForPeople() {
    assertThat(Ages.describe(null)).isEqualTo("none waiting");
    assertThat(Ages.describe(42L)).isEqualTo("42 s");
    assertThat(Ages.describe(200L)).isEqualTo("3 min 20 s");
    assertThat(Ages.describe(7260L)).isEqualTo("2 h 1 min");
    assertThat(Ages.describe(90_000L)).isEqualTo("1 d 1 h");
  }
}
