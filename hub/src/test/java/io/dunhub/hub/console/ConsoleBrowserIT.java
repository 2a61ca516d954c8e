package io.dunhub.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.dunhub.hub.config.EnvLookup;
import io.dunhub.hub.dunning.DunningCases;
import io.dunhub.hub.http.HttpServer;
import io.dunhub.hub.runtime.Hub;
import io.dunhub.hub.runtime.HubLauncher;
import io.dunhub.hub.runtime.Service;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in headless Chromium against a running hub with a seeded ledger: sign in, read the
 * aging figures off the overview (table and chart), open a customer and a case, pause it, and see
 * the pause in the store and on the page. Screenshots of the main pages at laptop and phone widths
 * go to {@code target/screenshots/}.
 */
@ExtendWith(BrowserAvailable.class)
class ConsoleBrowserIT {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String PASSWORD = "collect-them-all";

  private final MutableClock clock =
      new MutableClock(ConsoleSeed.AS_OF.atTime(14, 0).toInstant(java.time.ZoneOffset.UTC));
  private ChromeDriver browser;

  @AfterEach
  void quit() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void collectorSeesTheAgingAndPausesACase(@TempDir Path dir) throws Exception {
    Path config = config(dir);
    try (Hub hub = new HubLauncher(EnvLookup.of(Map.of()), clock).open(config, "browser-it")) {
      hub.services().start(s -> s.phase() != Service.SCHEDULER_PHASE);
      Store store = hub.get(Store.class);
      ConsoleSeed.write(store, clock.instant().minus(Duration.ofDays(1)));
      new DunningCases(store, clock).openMissing();
      String base = "http://127.0.0.1:" + hub.get(HttpServer.class).port();
      Files.createDirectories(SCREENSHOTS);

      browser = TestBrowser.fromEnvironment().start(dir.resolve("profile"), 1366, 900);
      browser.get(base + "/");
      signIn(browser);

      // the overview: every aging bucket shows the seeded amount, in the table and the chart
      await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("aging-table")));
      assertThat(bucket(browser, "current")).isEqualTo("$1,000.00");
      assertThat(bucket(browser, "1-30")).isEqualTo("$250.00");
      assertThat(bucket(browser, "31-60")).isEqualTo("$400.00");
      assertThat(bucket(browser, "61-90")).isEqualTo("$330.50");
      assertThat(bucket(browser, "90+")).isEqualTo("$1,200.00");
      assertThat(browser.findElement(By.cssSelector("#kpi-receivables .value")).getText())
          .isEqualTo("$3,180.50");
      Object chartData =
          await(browser)
              .until(
                  d ->
                      ((JavascriptExecutor) d)
                          .executeScript(
                              "const c = window.Chart && Chart.getChart('aging-chart');"
                                  + " return c ? c.data.datasets[0].data : null;"));
      assertThat(chartData)
          .asList()
          .map(v -> ((Number) v).doubleValue())
          .containsExactly(1000.0, 250.0, 400.0, 330.5, 1200.0);
      shoot(browser, "overview-laptop");

      // a customer, and the case of its overdue invoice
      browser.get(base + "/console/#/customers");
      WebElement search =
          await(browser).until(ExpectedConditions.elementToBeClickable(By.id("search")));
      search.sendKeys("Acme");
      browser.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
      await(browser)
          .until(ExpectedConditions.elementToBeClickable(By.linkText("Acme Corporation")))
          .click();
      await(browser).until(ExpectedConditions.textToBe(By.id("party-name"), "Acme Corporation"));
      shoot(browser, "customer-laptop");
      browser.findElement(By.linkText("INV-1002")).click();
      await(browser).until(ExpectedConditions.elementToBeClickable(By.id("action-pause"))).click();

      // pause it with a reason
      WebElement reason =
          await(browser).until(ExpectedConditions.elementToBeClickable(By.id("f-reason")));
      reason.sendKeys("Customer asked for a week to pay");
      browser.findElement(By.cssSelector("dialog button[type=submit]")).click();
      await(browser)
          .until(ExpectedConditions.textToBe(By.cssSelector("#case-state .badge"), "paused"));
      await(browser)
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("timeline"), "Customer asked for a week to pay"));
      shoot(browser, "case-laptop");

      // ... and the store has it
      List<Map<String, Object>> rows =
          store
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT hold_reason, next_evaluation_at FROM dunning_cases"
                                  + " WHERE invoice_id = 'i-1002'")
                          .mapToMap()
                          .list());
      assertThat(rows).hasSize(1);
      assertThat(String.valueOf(rows.get(0).get("hold_reason")))
          .contains("Customer asked for a week to pay");

      browser.get(base + "/console/#/connections");
      await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("parked")));
      shoot(browser, "connections-laptop");
      browser.get(base + "/console/#/policies");
      await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("tab-policies")));
      shoot(browser, "policies-laptop");

      // the same pages on a phone-sized screen
      browser.quit();
      browser = TestBrowser.fromEnvironment().start(dir.resolve("profile-narrow"), 390, 844);
      browser.get(base + "/");
      signIn(browser);
      await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("aging-table")));
      assertThat(bucket(browser, "90+")).isEqualTo("$1,200.00");
      assertThat(browser.findElement(By.id("nav")).isDisplayed())
          .as("the menu folds away on a narrow screen")
          .isFalse();
      assertThat(
              ((Number)
                      ((JavascriptExecutor) browser)
                          .executeScript("return document.documentElement.scrollWidth"))
                  .intValue())
          .as("no sideways scrolling of the page")
          .isLessThanOrEqualTo(390);
      shoot(browser, "overview-narrow");
      browser.findElement(By.id("menu-toggle")).click();
      await(browser).until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Customers")));
      browser.findElement(By.linkText("Customers")).click();
      await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("parties")));
      shoot(browser, "customers-narrow");
    }
  }

  private static void signIn(WebDriver browser) {
    await(browser).until(ExpectedConditions.elementToBeClickable(By.id("username")));
    browser.findElement(By.id("username")).sendKeys("carla");
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    await(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("topbar")));
  }

  private static String bucket(WebDriver browser, String bucket) {
    return browser
        .findElement(By.cssSelector(".aging-amount[data-bucket='" + bucket + "']"))
        .getText();
  }

  private static WebDriverWait await(WebDriver browser) {
    return new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  static void shoot(ChromeDriver browser, String name) throws Exception {
    byte[] png = browser.getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve(name + ".png"), png);
  }

  private static Path config(Path dir) throws Exception {
    String hash = BCrypt.withDefaults().hashToString(4, PASSWORD.toCharArray());
    Path config = dir.resolve("dunhub.yml");
    Files.writeString(
        config,
        """
        mode: development
        http:
          host: 127.0.0.1
          port: 0
        store:
          embedded:
            dataDir: data
        admin:
          users:
            - name: carla
              role: collector
              passwordHash: "%s"
        """
            .formatted(hash));
    return config;
  }
}
