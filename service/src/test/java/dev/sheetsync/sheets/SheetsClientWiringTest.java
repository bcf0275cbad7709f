package dev.sheetsync.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.services.sheets.v4.Sheets;
import dev.sheetsync.emulator.SheetsEmulator;
import dev.sheetsync.records.SyncModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.BeansException;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The client's targets and the startup check, in a context holding only this package's beans (no
 * database, no web server), against an emulator the test starts, as {@code SHEETS_EMULATOR_HOST}
 * would name it.
 */
class SheetsClientWiringTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({SheetsProperties.class, LayoutProperties.class})
  @Import({LayoutConfiguration.class, SheetsClientConfiguration.class, SpreadsheetCheck.class})
  static class SheetsOnly {}

  static SheetsEmulator emulator;
  static SheetLayouts layouts;

  @TempDir Path dir;

  @BeforeAll
  static void startEmulator() {
    emulator = SheetsEmulator.start(0);
    layouts = LayoutConfigurationTest.layouts();
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  static ConfigurableApplicationContext run(String... args) {
    return new SpringApplicationBuilder(SheetsOnly.class)
        .web(WebApplicationType.NONE)
        .bannerMode(Banner.Mode.OFF)
        .logStartupInfo(false)
        .run(args);
  }

  /** Why startup failed, unwrapped from Spring's bean-creation exceptions. */
  static Throwable startupFailure(String... args) {
    try {
      run(args).close();
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause instanceof BeansException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      return cause;
    }
    throw new AssertionError("startup did not fail");
  }

  String[] pointAt(String spreadsheetId, String... more) {
    List<String> args = new ArrayList<>();
    args.add("--sheetsync.sheets.emulator-host=localhost:" + emulator.port());
    args.add("--sheetsync.sheets.spreadsheet-id=" + spreadsheetId);
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  static Map<String, List<String>> layoutTabs() {
    return new LinkedHashMap<>(layouts.headerRows());
  }

  @Test
  void emulatorHostPointsTheClientAtThatEmulatorWithoutStartingOne() throws Exception {
    emulator.createSpreadsheet("external", "external", layoutTabs());
    long before = emulator.control().requestCounts().total();

    try (ConfigurableApplicationContext context = run(pointAt("external"))) {
      SpreadsheetTarget target = context.getBean(SpreadsheetTarget.class);
      assertThat(target.mode()).isEqualTo(SheetsProperties.Mode.EXTERNAL_EMULATOR);
      assertThat(target.embedded()).isFalse();
      assertThat(target.spreadsheetUrl())
          .isEqualTo("http://localhost:" + emulator.port() + "/view/external");
      assertThatThrownBy(target::emulator).isInstanceOf(IllegalStateException.class);

      Sheets sheets = context.getBean(Sheets.class);
      List<List<Object>> header =
          sheets
              .spreadsheets()
              .values()
              .get("external", RowMapper.headerRange(layouts.forModel(SyncModel.REVENUE)))
              .execute()
              .getValues();
      assertThat(header.get(0))
          .containsExactlyElementsOf(List.copyOf(layouts.tabs().get(2).headers()));
    }
    // the startup check (spreadsheets.get + values.batchGet) and the read above
    assertThat(emulator.control().requestCounts().total() - before).isEqualTo(3);
    assertThat(emulator.control().requestCounts().withBearerToken()).isZero();
  }

  @Test
  void startupFailsWithOneMessageNamingEveryMissingTabAndWrongHeader() {
    Map<String, List<String>> tabs = layoutTabs();
    tabs.remove("Revenue");
    List<String> requests = new ArrayList<>(tabs.get("Requests"));
    requests.set(11, "Paid");
    requests.remove(requests.size() - 1);
    tabs.put("Requests", requests);
    emulator.createSpreadsheet("mismatch", "mismatch", tabs);

    // As on Google: an emulator would otherwise create the missing tab.
    Throwable failure =
        startupFailure(pointAt("mismatch", "--sheetsync.sheets.create-on-emulator=false"));
    assertThat(new SheetsFailureAnalyzer().analyze(failure).getDescription())
        .isEqualTo(failure.getMessage());
    assertThat(failure)
        .isInstanceOf(SpreadsheetCheckException.class)
        .hasMessageContaining("Spreadsheet 'mismatch'")
        .hasMessageContaining(
            "columns \"Total Paid\", \"Updated At\" are missing from tab 'Requests' (restore the"
                + " header text in row 1, or change the layout)")
        .hasMessageContaining(
            "tab 'Revenue' is missing; create it with these headers in row 1: ID | Request ID |"
                + " Booking Code | Payment Date | Amount | Method | Reference | Notes")
        .hasMessageNotContaining("Operators");
  }

  @Test
  void startupAcceptsLayoutHeadersInAnyColumnAmongPeoplesOwnColumns() {
    Map<String, List<String>> tabs = layoutTabs();
    List<String> requests = new ArrayList<>(tabs.get("Requests"));
    requests.add(2, "Agent");
    java.util.Collections.swap(requests, 14, 17);
    tabs.put("Requests", requests);
    emulator.createSpreadsheet("moved", "moved", tabs);

    try (ConfigurableApplicationContext context = run(pointAt("moved"))) {
      assertThat(context.getBean(SpreadsheetTarget.class).spreadsheetId()).isEqualTo("moved");
    }
  }

  @Test
  void startupCheckCanBeSkipped() {
    emulator.createSpreadsheet("no-tabs", "no-tabs", Map.of("Other", List.of("x")));

    try (ConfigurableApplicationContext context =
        run(pointAt("no-tabs", "--sheetsync.sheets.verify-on-startup=false"))) {
      assertThat(context.getBean(SpreadsheetTarget.class).spreadsheetId()).isEqualTo("no-tabs");
    }
  }

  @Test
  void startupFailsWhenTheSpreadsheetIsNotSharedOrDoesNotExist() {
    emulator.createSpreadsheet("private", "private", layoutTabs());
    emulator.control().setNotShared("private", true);

    assertThat(startupFailure(pointAt("private")))
        .isInstanceOf(SpreadsheetCheckException.class)
        .hasMessageContaining("refused access to spreadsheet 'private' (403");
    assertThat(startupFailure(pointAt("nowhere", "--sheetsync.sheets.create-on-emulator=false")))
        .isInstanceOf(SpreadsheetCheckException.class)
        .hasMessageContaining("Spreadsheet 'nowhere' was not found (404")
        .hasMessageContaining("Check SHEETS_SPREADSHEET_ID");
  }

  @Test
  void a403FromGoogleNamesTheServiceAccountTheSheetMustBeSharedWith() throws Exception {
    emulator.createSpreadsheet("private-google", "p", layoutTabs());
    emulator.control().setNotShared("private-google", true);
    try (ConfigurableApplicationContext context =
        run(pointAt("private-google", "--sheetsync.sheets.verify-on-startup=false"))) {
      SpreadsheetTarget asGoogleWouldBe =
          new SpreadsheetTarget(
              "private-google",
              SpreadsheetTarget.googleUrl("private-google"),
              SheetsProperties.Mode.GOOGLE,
              "sheetsync@demo-project.iam.gserviceaccount.com",
              null);
      SpreadsheetCheck check =
          new SpreadsheetCheck(
              context.getBean(Sheets.class),
              asGoogleWouldBe,
              layouts,
              context.getBean(SheetsProperties.class),
              context.getBeanProvider(SpreadsheetTabs.class));

      assertThatThrownBy(check::verify)
          .isInstanceOf(SpreadsheetCheckException.class)
          .hasMessageContaining(
              "Share the spreadsheet with the service account"
                  + " sheetsync@demo-project.iam.gserviceaccount.com as an Editor");
    }
  }

  @Test
  void serviceAccountKeyMakesAGoogleClientAndNamesItsEmail() throws Exception {
    Path key = dir.resolve("key.json");
    Files.writeString(key, serviceAccountJson("writer@demo-project.iam.gserviceaccount.com"));

    try (ConfigurableApplicationContext context =
        run(
            "--sheetsync.sheets.credentials-file=" + key,
            "--sheetsync.sheets.spreadsheet-id=1AbC",
            "--sheetsync.sheets.verify-on-startup=false")) {
      SpreadsheetTarget target = context.getBean(SpreadsheetTarget.class);
      assertThat(target.mode()).isEqualTo(SheetsProperties.Mode.GOOGLE);
      assertThat(target.serviceAccountEmail())
          .isEqualTo("writer@demo-project.iam.gserviceaccount.com");
      assertThat(target.spreadsheetUrl())
          .isEqualTo("https://docs.google.com/spreadsheets/d/1AbC/edit");
      assertThat(context.getBean(Sheets.class).getRootUrl())
          .isEqualTo("https://sheets.googleapis.com/");
    }
  }

  @Test
  void aBrokenServiceAccountKeyFailsStartupSayingWhichSetting() {
    assertThat(
            startupFailure(
                "--sheetsync.sheets.service-account-json={\"type\":\"service_account\"}",
                "--sheetsync.sheets.verify-on-startup=false"))
        .hasMessageContaining("GOOGLE_SERVICE_ACCOUNT_JSON is not a readable service-account");
  }

  static String serviceAccountJson(String email) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String pem =
        "-----BEGIN PRIVATE KEY-----\\n"
            + Base64.getEncoder()
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
            + "\\n-----END PRIVATE KEY-----\\n";
    return """
        {"type": "service_account", "project_id": "demo-project", "private_key_id": "k1",
         "private_key": "%s", "client_email": "%s", "client_id": "1",
         "token_uri": "https://oauth2.googleapis.com/token"}
        """
        .formatted(pem, email);
  }
}
