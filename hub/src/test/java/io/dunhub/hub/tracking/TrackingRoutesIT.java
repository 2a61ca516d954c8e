package io.dunhub.hub.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.core.model.Channel;
import io.dunhub.core.model.Contact;
import io.dunhub.core.model.ContactRole;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.InvoiceStatus;
import io.dunhub.core.model.Money;
import io.dunhub.core.model.Party;
import io.dunhub.hub.dunning.CanonicalReader;
import io.dunhub.hub.dunning.DunningApplicator;
import io.dunhub.hub.dunning.DunningCases;
import io.dunhub.hub.dunning.DunningSweep;
import io.dunhub.hub.dunning.Evaluator;
import io.dunhub.hub.dunning.LedgerSeeder;
import io.dunhub.hub.dunning.calendar.BusinessCalendar;
import io.dunhub.hub.dunning.calendar.JollydayHolidays;
import io.dunhub.hub.dunning.fee.LateFeeCalculator;
import io.dunhub.hub.dunning.policy.BundledPolicies;
import io.dunhub.hub.notice.Brand;
import io.dunhub.hub.notice.NoticePayload;
import io.dunhub.hub.notice.NoticeRenderer;
import io.dunhub.hub.notice.TrackingLinks;
import io.dunhub.hub.outbox.JdbcOutbox;
import io.dunhub.hub.outbox.OutboxRow;
import io.dunhub.hub.outbox.RetryPolicy;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.testing.MutableClock;
import io.dunhub.hub.testing.StoreTest;
import io.dunhub.hub.writeback.WriteBackPlanner;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links in a real notice, followed against the hub's routes on a real HTTP server: the open
 * pixel, the tracked payment link (and a forged target that must not redirect), and unsubscribe (a
 * confirm page, then a POST after which no further email goes to that contact).
 */
class TrackingRoutesIT {

  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @StoreTest
  void pixelClickAndUnsubscribeAreRecordedAndUnsubscribeStopsFurtherEmail(Store store)
      throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-04T14:00:00Z"));
    JdbcOutbox outbox = new JdbcOutbox(store, clock, RetryPolicy.DEFAULT);
    java.util.concurrent.atomic.AtomicReference<TrackingLinks> hubLinks =
        new java.util.concurrent.atomic.AtomicReference<>();
    Javalin app = Javalin.create(c -> c.showJavalinBanner = false);
    new TrackingRoutes(hubLinks::get, () -> new TrackedMessages(store, clock, outbox))
        .addRoutes(app);
    app.start("127.0.0.1", 0);
    try {
      String base = "http://127.0.0.1:" + app.port();
      TrackingLinks links = new TrackingLinks(base, KEY);
      hubLinks.set(links);
      DunningSweep sweep = sweep(store, clock, outbox, links);
      seed(store);

      sweep.run(100);
      OutboxRow row = outbox.all("NOTICE").get(0);
      // the relay renders a notice as it sends it
      NoticePayload notice =
          CanonicalReader.read(row.payload(), NoticePayload.class, "outbox " + row.id())
              .render(new io.dunhub.hub.notice.NoticeRenderer());
      String pixel = find(notice.html(), "src=\"(" + Pattern.quote(base) + "/t/o/[^\"]+)\"");
      String click = find(notice.html(), "href=\"(" + Pattern.quote(base) + "/t/c/[^\"]+)\"");
      String unsubscribe = notice.unsubscribeUrl();
      assertThat(unsubscribe).startsWith(base + "/t/u/");

      HttpResponse<byte[]> gif = getBytes(pixel);
      getBytes(pixel);
      assertThat(gif.statusCode()).isEqualTo(200);
      assertThat(gif.headers().firstValue("Content-Type")).hasValue("image/gif");
      assertThat(new String(gif.body(), 0, 6, StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
      assertThat(activities(store, "NOTICE_OPENED")).isEqualTo(1);

      HttpResponse<String> redirect = get(click);
      assertThat(redirect.statusCode()).isEqualTo(302);
      assertThat(redirect.headers().firstValue("Location"))
          .hasValue("https://pay.example/invoice-1");
      assertThat(activities(store, "LINK_CLICKED")).isEqualTo(1);

      String forged =
          click.substring(0, click.indexOf("?to="))
              + "?to="
              + URLEncoder.encode("https://evil.example/phish", StandardCharsets.UTF_8);
      HttpResponse<String> refused = get(forged);
      assertThat(refused.statusCode()).isEqualTo(404);
      assertThat(refused.headers().firstValue("Location")).isEmpty();
      TrackingLinks otherHub =
          new TrackingLinks(base, "another hub's key, 32 bytes long!".getBytes());
      assertThat(get(otherHub.click(row.idempotencyKey(), "https://evil.example")).statusCode())
          .isEqualTo(404);
      assertThat(get(otherHub.unsubscribe(row.idempotencyKey())).statusCode()).isEqualTo(404);

      HttpResponse<String> page = get(unsubscribe);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<form method=\"post\"").contains("Bea@Acme.example");
      assertThat(optOuts(store)).as("a GET changes nothing (mail scanners follow links)").isZero();

      HttpResponse<String> done =
          http.send(
              HttpRequest.newBuilder(URI.create(unsubscribe))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(done.statusCode()).isEqualTo(200);
      assertThat(done.body()).contains("no further payment reminders by email");
      assertThat(optOuts(store)).isEqualTo(1);
      assertThat(activities(store, "OPTED_OUT")).isEqualTo(1);

      // The overdue reminder (due+3d) comes: no email goes to the contact who unsubscribed.
      clock.set(Instant.parse("2026-03-16T14:00:00Z"));
      sweep.run(100);
      List<OutboxRow> notices = outbox.all("NOTICE");
      assertThat(notices)
          .filteredOn(r -> "EMAIL".equals(r.channel()))
          .extracting(OutboxRow::idempotencyKey)
          .containsExactly(row.idempotencyKey());
    } finally {
      app.stop();
    }
  }

  private static DunningSweep sweep(
      Store store, MutableClock clock, JdbcOutbox outbox, TrackingLinks links) {
    NoticeRenderer renderer = new NoticeRenderer();
    return new DunningSweep(
        store,
        clock,
        new DunningCases(store, clock),
        new Evaluator(new BusinessCalendar(new JollydayHolidays()), new LateFeeCalculator()),
        new DunningApplicator(
            outbox, new WriteBackPlanner(outbox), Brand.plain("Northwind"), links),
        BundledPolicies.load(renderer::exists));
  }

  /** Acme, whose billing contact Bea gets email; one invoice due on 11 March. */
  private static void seed(Store store) {
    LedgerSeeder seeder = new LedgerSeeder(store, Instant.parse("2026-02-01T00:00:00Z"));
    seeder.party(
        new Party(
                "party-1",
                "Acme Corp",
                null,
                null,
                "US",
                Locale.US,
                ZoneId.of("UTC"),
                null,
                Set.of(),
                null,
                null,
                false,
                false)
            .withId("party-1"));
    seeder.contact(
        new Contact(
            "contact-1",
            "party-1",
            "Bea",
            "Biller",
            "Bea@Acme.example",
            null,
            ContactRole.BILLING,
            Channel.EMAIL,
            Set.of(),
            false));
    LocalDate due = LocalDate.of(2026, 3, 11);
    seeder.invoice(
        new Invoice(
            "invoice-1",
            "party-1",
            "INV-1",
            due.minusDays(30),
            due,
            Money.of("120.00", "USD"),
            Money.of("120.00", "USD"),
            InvoiceStatus.OPEN,
            "Net 30",
            "https://pay.example/invoice-1",
            Set.of()));
  }

  private static String find(String html, String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    assertThat(m.find()).as(regex + " in " + html).isTrue();
    return m.group(1).replace("&amp;", "&");
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<byte[]> getBytes(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static long activities(Store store, String type) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM activities WHERE type = :t")
                    .bind("t", type)
                    .mapTo(Long.class)
                    .one());
  }

  private static long optOuts(Store store) {
    return store
        .jdbi()
        .withHandle(
            h -> h.createQuery("SELECT COUNT(*) FROM channel_opt_outs").mapTo(Long.class).one());
  }
}
