package dev.sheetsync.admin;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
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
                "--window-size=1280,1000",
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
    Http api = new Http(port);
    api.login("admin@example.com", TestData.PASSWORD);
    assertThat(
            api.post(
                    "/api/requests",
                    "{\"bookingCode\":\"BK-BROWSER\",\"customerName\":\"Zoë Browser\",\"pax\":3}")
                .status())
        .isEqualTo(201);
    browser.navigate().refresh();
    assertThat(count("pending")).isEqualTo("1");
    assertThat(count("completed")).isEqualTo("0");
    assertThat(browser.findElement(By.id("oldest-pending")).getText()).endsWith("s");

    browser.findElement(By.id("run-write-back")).click();

    wait.until(
        ExpectedConditions.attributeToBeNotEmpty(
            browser.findElement(By.id("run-result")), "data-processed"));
    assertThat(browser.findElement(By.id("run-result")).getText())
        .isEqualTo("Processed 1: 1 succeeded, 0 failed, 0 skipped.");
    assertThat(browser.findElement(By.id("run-indicator")).isDisplayed()).isFalse();
    assertThat(count("pending")).isEqualTo("0");
    assertThat(count("completed")).isEqualTo("1");
    assertThat(browser.findElement(By.id("oldest-pending")).getText()).isEqualTo("none waiting");

    // After a reload the log shows the write and the chart counts it.
    browser.navigate().refresh();
    assertThat(browser.findElement(By.id("recent-logs")).getText()).contains("WRITE_BACK_CREATE");
    assertThat(browser.findElement(By.id("activity-chart")).findElements(By.cssSelector("rect.ok")))
        .anySatisfy(bar -> assertThat(Integer.parseInt(bar.getAttribute("height"))).isPositive());

    // The spreadsheet link leads to the emulator's view, which shows the new row.
    String sheet = browser.findElement(By.id("spreadsheet-link")).getAttribute("href");
    browser.get(sheet);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "BK-BROWSER"));
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("Zoë Browser");
  }

  String count(String status) {
    return browser.findElement(By.id("count-" + status)).getText();
  }
}
