package io.dunhub.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.hub.config.EnvLookup;
import io.dunhub.hub.demo.DemoSession;
import io.dunhub.hub.store.Store;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console during a {@code dunhub demo} run: the three sandboxes seeded with the demo company, a
 * few simulated days played, then a collector signs in, reads the aging figures (checked against
 * the open invoices in the store), opens a customer with an open case, pauses it, and sees the
 * pause in the store and on the case's timeline; the next simulated day sends that invoice nothing.
 * Screenshots go to {@code target/screenshots/demo-*.png}.
 */
@ExtendWith(BrowserAvailable.class)
class DemoConsoleBrowserIT {

  private static final List<String> BUCKETS = List.of("current", "1-30", "31-60", "61-90", "90+");
  private static final String REASON = "Promised on the phone to pay on Friday";

  private ChromeDriver browser;

  @AfterEach
  void quit() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void collectorWatchesTheDemoAndPausesACase(@TempDir Path dir) throws Exception {
    DemoSession.Options options =
        new DemoSession.Options(
            dir.resolve("demo"), LocalDate.of(2026, 3, 2), Duration.ofHours(2), 0, 2026);
    try (DemoSession demo = DemoSession.start(options, EnvLookup.of(Map.of()))) {
      for (int d = 0; d < 3; d++) {
        demo.runDay(Duration.ZERO);
      }
      Store store = demo.hub().get(Store.class);
      LocalDate today = demo.now().atZone(ZoneOffset.UTC).toLocalDate();
      Map<String, Map<String, BigDecimal>> expected = aging(store, today);
      String base = "http://127.0.0.1:" + demo.httpPort();
      Files.createDirectories(ConsoleBrowserIT.SCREENSHOTS);

      browser = TestBrowser.fromEnvironment().start(dir.resolve("profile"), 1366, 900);
      browser.get(base + "/");
      signIn(browser);
      await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("aging-table")));
      List<WebElement> picker = browser.findElements(By.id("currency"));
      String currency =
          picker.isEmpty()
              ? expected.keySet().iterator().next()
              : picker.get(0).getAttribute("value");
      assertThat(expected).containsKey(currency);
      Map<String, BigDecimal> shown = new LinkedHashMap<>();
      for (String bucket : BUCKETS) {
        shown.put(
            bucket,
            amount(
                browser
                    .findElement(By.cssSelector(".aging-amount[data-bucket='" + bucket + "']"))
                    .getText()));
      }
      assertThat(shown)
          .as("the aging of %s on %s, as the open invoices in the store add up", currency, today)
          .isEqualTo(expected.get(currency));
      assertThat(shown.values().stream().filter(v -> v.signum() > 0).count())
          .as("the demo company owes money in more than one bucket")
          .isGreaterThan(1);
      Object chart =
          await(browser)
              .until(
                  d ->
                      ((JavascriptExecutor) d)
                          .executeScript(
                              "const c = window.Chart && Chart.getChart('aging-chart');"
                                  + " return c ? c.data.datasets[0].data : null;"));
      assertThat(chart)
          .asList()
          .map(v -> new BigDecimal(String.valueOf(v)).setScale(2, RoundingMode.HALF_UP))
          .containsExactlyElementsOf(expected.get(currency).values());
      ConsoleBrowserIT.shoot(browser, "demo-overview-laptop");

      // a customer with an open, running case
      Map<String, Object> target =
          store
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT c.id AS case_id, c.invoice_id, i.number, p.name"
                                  + " FROM dunning_cases c JOIN invoices i ON i.id = c.invoice_id"
                                  + " JOIN parties p ON p.id = c.party_id"
                                  + " WHERE c.closed = FALSE AND c.hold_reason IS NULL"
                                  + " AND c.disputed = FALSE AND c.promised_date IS NULL"
                                  + " AND p.excluded_from_dunning = FALSE AND i.open_balance > 0"
                                  + " AND i.due_date < :today ORDER BY i.open_balance DESC, c.id")
                          .bind("today", today)
                          .setMaxRows(1)
                          .mapToMap()
                          .one());
      String party = (String) target.get("name");
      String number = (String) target.get("number");
      browser.get(base + "/console/#/customers?q=" + java.net.URLEncoder.encode(party, "UTF-8"));
      await(browser).until(ExpectedConditions.elementToBeClickable(By.linkText(party))).click();
      await(browser).until(ExpectedConditions.textToBe(By.id("party-name"), party));
      ConsoleBrowserIT.shoot(browser, "demo-customer-laptop");
      browser.findElement(By.cssSelector("#party-cases")).findElement(By.linkText(number)).click();
      await(browser).until(ExpectedConditions.elementToBeClickable(By.id("action-pause"))).click();
      await(browser)
          .until(ExpectedConditions.elementToBeClickable(By.id("f-reason")))
          .sendKeys(REASON);
      browser.findElement(By.cssSelector("dialog button[type=submit]")).click();
      await(browser)
          .until(ExpectedConditions.textToBe(By.cssSelector("#case-state .badge"), "paused"));
      await(browser)
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), REASON));
      Instant paused = demo.now();
      ConsoleBrowserIT.shoot(browser, "demo-case-laptop");

      String invoiceId = (String) target.get("invoice_id");
      assertThat(holdReason(store, invoiceId)).contains(REASON);

      // the next simulated day leaves the paused invoice alone
      demo.runDay(Duration.ZERO);
      assertThat(holdReason(store, invoiceId)).contains(REASON);
      int notices =
          store
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT COUNT(*) FROM activities WHERE invoice_id = :i"
                                  + " AND type IN ('NOTICE_SENT', 'NOTICE_FAILED')"
                                  + " AND occurred_at > :t")
                          .bind("i", invoiceId)
                          .bind("t", paused)
                          .mapTo(Integer.class)
                          .one());
      assertThat(notices).as("no notice for %s after its pause", number).isZero();

      browser.get(base + "/console/#/connections");
      await(browser)
          .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".cards section")));
      assertThat(browser.findElement(By.cssSelector(".cards")).getText())
          .as("a card per host the demo connects")
          .contains("salesforce")
          .contains("quickbooks")
          .contains("netsuite");
      ConsoleBrowserIT.shoot(browser, "demo-connections-laptop");

      browser.quit();
      browser = TestBrowser.fromEnvironment().startPhone(dir.resolve("phone"), 390, 844);
      browser.get(base + "/console/#/cases/" + target.get("case_id"));
      signIn(browser);
      // (the customer may have paid by now, which closes the case; the pause stays on record)
      await(browser)
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), REASON));
      ConsoleBrowserIT.shoot(browser, "demo-case-narrow");
    }
  }

  /**
   * Open balances by currency and aging bucket on {@code day}, from the invoices in the store that
   * were issued by then.
   */
  private static Map<String, Map<String, BigDecimal>> aging(Store store, LocalDate day) {
    Map<String, Map<String, BigDecimal>> result = new TreeMap<>();
    store
        .jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "SELECT currency, due_date, open_balance FROM invoices"
                            + " WHERE deleted = FALSE AND status <> 'VOID' AND open_balance <> 0"
                            + " AND issue_date <= :day")
                    .bind("day", day)
                    .map(
                        (rs, ctx) -> {
                          Map<String, BigDecimal> buckets =
                              result.computeIfAbsent(
                                  rs.getString(1),
                                  c -> {
                                    Map<String, BigDecimal> m = new LinkedHashMap<>();
                                    BUCKETS.forEach(b -> m.put(b, BigDecimal.ZERO.setScale(2)));
                                    return m;
                                  });
                          long late =
                              ChronoUnit.DAYS.between(rs.getObject(2, LocalDate.class), day);
                          String bucket =
                              late <= 0
                                  ? "current"
                                  : late <= 30
                                      ? "1-30"
                                      : late <= 60 ? "31-60" : late <= 90 ? "61-90" : "90+";
                          buckets.merge(
                              bucket,
                              rs.getBigDecimal(3).setScale(2, RoundingMode.HALF_UP),
                              BigDecimal::add);
                          return bucket;
                        })
                    .list());
    return result;
  }

  private static String holdReason(Store store, String invoiceId) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT hold_reason FROM dunning_cases WHERE invoice_id = :i")
                    .bind("i", invoiceId)
                    .mapTo(String.class)
                    .one());
  }

  /** "$12,345.60" or "€1,234.50" → 12345.60 (the console formats money for en-US). */
  private static BigDecimal amount(String shown) {
    return new BigDecimal(shown.replaceAll("[^0-9.\\-]", "")).setScale(2, RoundingMode.HALF_UP);
  }

  private static void signIn(WebDriver browser) {
    await(browser).until(ExpectedConditions.elementToBeClickable(By.id("username")));
    browser.findElement(By.id("username")).sendKeys("collector");
    browser.findElement(By.id("password")).sendKeys("demo-collector");
    browser.findElement(By.id("sign-in")).click();
    await(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("topbar")));
  }

  private static WebDriverWait await(WebDriver browser) {
    return new WebDriverWait(browser, Duration.ofSeconds(30));
  }
}
