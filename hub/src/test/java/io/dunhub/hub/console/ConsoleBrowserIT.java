package io.dunhub.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.memory.InMemoryHost;
import io.dunhub.hub.config.EnvLookup;
import io.dunhub.hub.dunning.DunningCases;
import io.dunhub.hub.http.HttpServer;
import io.dunhub.hub.runtime.Hub;
import io.dunhub.hub.runtime.HubLauncher;
import io.dunhub.hub.runtime.Service;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.sync.SyncEngine;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
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
  private static final String HOST = "console-it-host";
  private ChromeDriver browser;

  @AfterEach
  void quit() {
    InMemoryHost.remove(HOST);
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
      // one connection whose host has an invoice without a due date: it is parked
      InMemoryHost host = InMemoryHost.create(HOST, clock);
      host.put(
          "Invoice",
          "q-9",
          (ObjectNode)
              new ObjectMapper()
                  .readTree(
                      "{\"partyId\":\"nobody\",\"number\":\"Q-9\",\"issueDate\":\"2026-02-01\","
                          + "\"total\":{\"amount\":\"10.00\",\"currency\":\"USD\"},"
                          + "\"openBalance\":{\"amount\":\"10.00\",\"currency\":\"USD\"},"
                          + "\"status\":\"OPEN\"}"));
      hub.get(SyncEngine.class).syncConnection("books");
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
      await(browser)
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("parked"), "no party synced yet"));
      browser.findElement(By.cssSelector("#parked button")).click();
      await(browser)
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("parked"), "q-9"));
      assertThat(browser.findElement(By.id("connection-books")).getText())
          .contains("memory")
          .contains("Parked\n1");
      shoot(browser, "connections-laptop");
      browser.get(base + "/console/#/policies");
      await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("policy-editor")));
      shoot(browser, "policies-laptop");

      // a template previewed for the seeded invoice in every locale, side by side
      browser.findElement(By.id("tab-templates")).click();
      await(browser).until(ExpectedConditions.elementToBeClickable(By.id("invoice")));
      new Select(browser.findElement(By.id("template"))).selectByValue("overdue-reminder");
      new Select(browser.findElement(By.id("locale"))).selectByValue("*");
      browser.findElement(By.id("invoice")).sendKeys("INV-1002");
      browser.findElement(By.cssSelector("form.row button[type=submit]")).click();
      await(browser)
          .until(
              ExpectedConditions.numberOfElementsToBe(By.cssSelector("section[data-locale]"), 2));
      List<String> locales = new java.util.ArrayList<>();
      for (WebElement preview : browser.findElements(By.cssSelector("section[data-locale]"))) {
        WebElement frame = preview.findElement(By.tagName("iframe"));
        assertThat(frame.getAttribute("sandbox")).as("no scripts, no same origin").isEmpty();
        assertThat(frame.getAttribute("srcdoc")).contains("INV-1002");
        locales.add(preview.getAttribute("data-locale"));
      }
      assertThat(locales).containsExactly("en", "de");
      shoot(browser, "templates-laptop");

      // the same pages on a phone-sized screen
      browser.quit();
      browser = TestBrowser.fromEnvironment().startPhone(dir.resolve("profile-narrow"), 390, 844);
      browser.get(base + "/");
      signIn(browser);
      await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("aging-table")));
      assertThat(bucket(browser, "90+")).isEqualTo("$1,200.00");
      assertThat(browser.findElement(By.id("nav")).isDisplayed())
          .as("the menu folds away on a narrow screen")
          .isFalse();
      assertThat(overflowing(browser))
          .as("nothing sticks out sideways on a narrow screen")
          .isEmpty();
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

  /** The elements whose right edge is past the window's, with their width (empty when none). */
  @SuppressWarnings("unchecked")
  private static List<String> overflowing(WebDriver browser) {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "const w = document.documentElement.clientWidth; const out = [];"
                    + " for (const e of document.querySelectorAll('body *')) {"
                    + "   const r = e.getBoundingClientRect();"
                    + "   if (r.width > 0 && r.right > w + 1 && !e.closest('.table-wrap')) {"
                    + "     out.push(e.tagName + '.' + e.className + '#' + e.id + ' right=' + r.right);"
                    + "   }"
                    + " } return out;");
  }

  private static String bucket(WebDriver browser, String bucket) {
    return browser
        .findElement(By.cssSelector(".aging-amount[data-bucket='" + bucket + "']"))
        .getText();
  }

  private static WebDriverWait await(WebDriver browser) {
    return new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  /** A screenshot of the whole page (the window grows to the page's height for it). */
  static void shoot(ChromeDriver browser, String name) throws Exception {
    Dimension window = browser.manage().window().getSize();
    long height =
        ((Number) browser.executeScript("return document.documentElement.scrollHeight"))
            .longValue();
    browser
        .manage()
        .window()
        .setSize(new Dimension(window.getWidth(), (int) Math.min(Math.max(height, 600), 4000)));
    try {
      Thread.sleep(300); // let charts redraw at the new size
      byte[] png = browser.getScreenshotAs(OutputType.BYTES);
      Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    } finally {
      browser.manage().window().setSize(window);
    }
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
        connections:
          - name: books
            type: memory
            settings:
              host: %s
        admin:
          users:
            - name: carla
              role: collector
              passwordHash: "%s"
        """
            .formatted(HOST, hash));
    return config;
  }
}
