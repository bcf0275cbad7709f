package dev.sheetsync.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sheetsync.Http;
import dev.sheetsync.IntegrationTest;
import dev.sheetsync.TestData;
import dev.sheetsync.sheets.SpreadsheetTarget;
import dev.sheetsync.users.Role;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The console end to end in real headless Chromium (Debian's {@code chromium} and {@code
 * chromium-driver}): log in through the form, create a record through the API, press "Run
 * write-back now", watch the counts change, and find the row in the emulator's view.
 */
@IntegrationTest
class AdminConsoleBrowserTest {

  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  static Path profile;
  static WebDriver browser;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void startBrowser() throws IOException {
    assumeTrue(
        Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
        "Skipped: needs /usr/bin/chromedriver and /usr/bin/chromium"
            + " (apt-get install -y chromium chromium-driver; .ci/run installs them)");
    // Never let Selenium Manager look for, or download, a browser or a driver.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    System.setProperty("SE_AVOID_BROWSER_DOWNLOAD", "true");
    profile = Files.createTempDirectory("sheetsync-chromium-");
    ChromeOptions options =
        new ChromeOptions()
            .setBinary(CHROMIUM.toFile())
            .addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,1800",
                "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      FileSystemUtils.deleteRecursively(profile);
    }
  }

  @Autowired SpreadsheetTarget spreadsheet;

  @BeforeEach
  void admin() {
    new TestData(jdbc).reset().user("admin@example.com", Role.ADMIN);
    spreadsheet.emulator().control().quota(0, 0);
  }

  @AfterEach
  void shareAgain() {
    spreadsheet.emulator().control().setNotShared(spreadsheet.spreadsheetId(), false);
    spreadsheet.emulator().control().clearFaults();
  }

  @Test
  void adminLogsInCreatesARecordRunsTheWriteBackAndSeesTheRowInTheSheet() {
    String base = "http://localhost:" + port;
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

    // Not logged in: the console sends the browser to the login form.
    browser.get(base + "/admin");
    wait.until(ExpectedConditions.urlContains("/login"));
    browser.findElement(By.id("username")).sendKeys("admin@example.com");
    browser.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("/admin"));
    assertThat(count("pending")).isEqualTo("0");

    // A record created through the API (another client, same admin) queues one change.
    Http api = api();
    createRequest(api, "BK-BROWSER", "Zoë Browser");
    browser.navigate().refresh();
    assertThat(count("pending")).isEqualTo("1");
    assertThat(count("completed")).isEqualTo("0");
    assertThat(browser.findElement(By.id("oldest-pending")).getText()).endsWith("s");

    runWriteBack(wait);

    assertThat(browser.findElement(By.id("run-result")).getText())
        .isEqualTo("Processed 1: 1 succeeded, 0 failed, 0 skipped.");
    assertThat(browser.findElement(By.id("run-indicator")).isDisplayed()).isFalse();
    assertThat(count("pending")).isEqualTo("0");
    assertThat(count("completed")).isEqualTo("1");
    assertThat(browser.findElement(By.id("oldest-pending")).getText()).isEqualTo("none waiting");
    // Without a reload, the log, the chart, the runs and "Last write-back" show the run too; the
    // log names the booking and the customer, with the items' names for model and action.
    assertThat(browser.findElement(By.id("recent-logs")).getText())
        .contains("Request CREATE BK-BROWSER Zoë Browser");
    assertThat(browser.findElement(By.id("activity-chart")).findElements(By.cssSelector("rect.ok")))
        .anySatisfy(bar -> assertThat(Integer.parseInt(bar.getAttribute("height"))).isPositive());
    assertThat(browser.findElement(By.id("recent-runs")).getText())
        .contains("manual")
        .contains("nothing due");
    assertThat(lastWriteBack()).matches(TIME);

    // The spreadsheet link leads to the emulator's view, which shows the new row.
    String sheet = browser.findElement(By.id("spreadsheet-link")).getAttribute("href");
    browser.get(sheet);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "BK-BROWSER"));
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("Zoë Browser");
  }

  @Test
  void duringAnOutageTheConsoleShowsThePauseInWordsAndTheFirstRunAfterTheFixWritesTheBacklog()
      throws IOException {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    login();
    Http api = api();
    createRequest(api, "BK-OUTAGE", "Ola Outage");
    // The spreadsheet is unshared: Google answers 403, sync pauses, the item waits unharmed.
    spreadsheet.emulator().control().setNotShared(spreadsheet.spreadsheetId(), true);
    browser.navigate().refresh();

    runWriteBack(wait);

    assertThat(browser.findElement(By.id("run-result")).getText()).contains("0 failed");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("paused")));
    assertThat(browser.findElement(By.id("paused")).getText())
        .contains("Sync is paused")
        .contains("Whole spreadsheet")
        .contains("403")
        .contains("To fix:")
        .contains("Since");
    assertThat(count("failed")).isEqualTo("0");
    assertThat(browser.findElement(By.id("oldest-pending")).getText()).isNotEqualTo("none waiting");
    assertThat(browser.findElement(By.id("recent-runs")).getText()).contains("403");
    Path screenshot = Path.of("target", "screenshots", "console-during-outage.png");
    Files.createDirectories(screenshot.getParent());
    Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

    // The 10 s timer refreshes the page in the same format as the server's first rendering.
    String refreshedAt = browser.findElement(By.tagName("body")).getAttribute("data-refreshed-at");
    new WebDriverWait(browser, Duration.ofSeconds(25))
        .until(
            d ->
                !java.util.Objects.equals(
                    refreshedAt,
                    d.findElement(By.tagName("body")).getAttribute("data-refreshed-at")));
    assertThat(lastWriteBack()).as("nothing written while paused").isEqualTo("never");
    assertThat(browser.findElement(By.id("paused")).getText()).contains("Whole spreadsheet");

    // Shared again: the next run resumes by itself and writes the waiting change.
    spreadsheet.emulator().control().setNotShared(spreadsheet.spreadsheetId(), false);
    browser.findElement(By.id("run-write-back")).click();
    wait.until(
        d ->
            "Processed 1: 1 succeeded, 0 failed, 0 skipped.".equals(resultText(d))
                && d.findElement(By.id("run-result")).getAttribute("data-processed") != null);
    assertThat(count("completed")).isEqualTo("1");
    assertThat(browser.findElements(By.id("paused"))).isEmpty();
  }

  @Test
  void whileGoogleFailsTheConsoleShowsWaitingItemsAndRetryNowWritesThemOnceFixed()
      throws IOException {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    login();
    Http api = api();
    createRequest(api, "BK-OUTAGE", "Ola Outage");
    // Google answers 500 to everything: the item uses an attempt and waits for its backoff.
    spreadsheet
        .emulator()
        .control()
        .faults(dev.sheetsync.emulator.Faults.NONE.withErrorRate(1.0, 500, 1L));
    browser.navigate().refresh();

    runWriteBack(wait);

    assertThat(browser.findElement(By.id("run-result")).getText()).contains("1 failed");
    assertThat(count("retrying")).isEqualTo("1");
    assertThat(browser.findElement(By.id("oldest-pending")).getText()).isNotEqualTo("none waiting");
    WebElement waiting = browser.findElement(By.id("waiting-items"));
    assertThat(waiting.getText()).contains("BK-OUTAGE").contains("Ola Outage").contains("500");
    assertThat(waiting.findElement(By.cssSelector("td.attempt")).getText()).isEqualTo("2 of 5");
    assertThat(waiting.findElement(By.cssSelector("td.next-attempt")).getText()).matches(TIME);
    assertThat(browser.findElement(By.id("recent-runs")).getText()).contains("500");

    // The 10 s timer refreshes the page in the same format as the server's first rendering.
    String refreshedAt = browser.findElement(By.tagName("body")).getAttribute("data-refreshed-at");
    new WebDriverWait(browser, Duration.ofSeconds(25))
        .until(
            d ->
                !java.util.Objects.equals(
                    refreshedAt,
                    d.findElement(By.tagName("body")).getAttribute("data-refreshed-at")));
    assertThat(lastWriteBack()).matches(TIME);
    assertThat(browser.findElement(By.cssSelector("#waiting-items td.next-attempt")).getText())
        .matches(TIME);

    // Google is back: "Retry now" makes the waiting item due and runs the write-back at once.
    spreadsheet.emulator().control().clearFaults();
    browser.findElement(By.id("retry-waiting")).click();
    // The text first, then data-processed once the page was refreshed after the run.
    wait.until(
        d ->
            "Processed 1: 1 succeeded, 0 failed, 0 skipped.".equals(resultText(d))
                && d.findElement(By.id("run-result")).getAttribute("data-processed") != null);
    assertThat(count("completed")).isEqualTo("1");
    assertThat(count("retrying")).isEqualTo("0");
    assertThat(browser.findElements(By.id("no-waiting"))).hasSize(1);
  }

  @Autowired com.google.api.services.sheets.v4.Sheets sheets;

  @Test
  void aPersonsEditShowsAsAConflictWithBothValuesAndKeepingTheSheetValueUpdatesTheRecord()
      throws IOException {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    Http api = api();
    createRequest(api, "BK-EDIT", "Ada Edit");
    String id = api.get("/api/requests?q=BK-EDIT").json().path("items").get(0).path("id").asText();
    assertThat(api.post("/api/sync/write-back", null).status()).isEqualTo(200);
    // A person corrects the customer's name in the sheet (Requests column C, row 2)...
    sheets
        .spreadsheets()
        .values()
        .update(
            spreadsheet.spreadsheetId(),
            "'Requests'!C2",
            new com.google.api.services.sheets.v4.model.ValueRange()
                .setValues(java.util.List.of(java.util.List.of("Ada Lovelace"))))
        .setValueInputOption("USER_ENTERED")
        .execute();
    // ...while someone changes the booking's destination through the API.
    assertThat(api.patch("/api/requests/" + id, "{\"destination\":\"Hue\"}").status())
        .isEqualTo(200);
    login();

    runWriteBack(wait);

    WebElement conflict = browser.findElement(By.cssSelector("#conflicts tbody tr"));
    assertThat(conflict.getText())
        .contains("Requests")
        .contains("Customer")
        .contains("BK-EDIT")
        .contains("Ada Lovelace")
        .contains("Ada Edit");
    assertThat(conflict.findElement(By.cssSelector(".sheet-value")).getText())
        .isEqualTo("Ada Lovelace");
    assertThat(conflict.findElement(By.cssSelector(".database-value")).getText())
        .isEqualTo("Ada Edit");

    conflict.findElement(By.cssSelector("button.resolve[data-keep=sheet]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("no-conflicts")));

    assertThat(api.get("/api/requests/" + id).json().path("customerName").asText())
        .isEqualTo("Ada Lovelace");
    assertThat(
            api.get("/api/sync/conflicts?status=RESOLVED")
                .json()
                .path("items")
                .get(0)
                .path("resolution")
                .asText())
        .isEqualTo("SHEET");
  }

  static final String TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC";

  void login() {
    String base = "http://localhost:" + port;
    browser.manage().deleteAllCookies();
    browser.get(base + "/login");
    browser.findElement(By.id("username")).sendKeys("admin@example.com");
    browser.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.urlContains("/admin"));
  }

  Http api() {
    Http api = new Http(port);
    api.login("admin@example.com", TestData.PASSWORD);
    return api;
  }

  static void createRequest(Http api, String bookingCode, String customer) {
    assertThat(
            api.post(
                    "/api/requests",
                    "{\"bookingCode\":\""
                        + bookingCode
                        + "\",\"customerName\":\""
                        + customer
                        + "\",\"pax\":3}")
                .status())
        .isEqualTo(201);
  }

  /** Presses the button and waits until the result, and the page refreshed after it, are shown. */
  void runWriteBack(WebDriverWait wait) {
    browser.findElement(By.id("run-write-back")).click();
    wait.until(
        ExpectedConditions.attributeToBeNotEmpty(
            browser.findElement(By.id("run-result")), "data-processed"));
  }

  static String resultText(WebDriver driver) {
    return driver.findElement(By.id("run-result")).getText();
  }

  String lastWriteBack() {
    return browser.findElement(By.id("last-processed")).getText();
  }

  String count(String status) {
    return browser.findElement(By.id("count-" + status)).getText();
  }
}
