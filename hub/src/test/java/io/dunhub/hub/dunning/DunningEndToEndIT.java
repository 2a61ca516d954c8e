package io.dunhub.hub.dunning;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.memory.InMemoryConnector;
import io.dunhub.core.memory.InMemoryHost;
import io.dunhub.core.model.Channel;
import io.dunhub.core.model.Contact;
import io.dunhub.core.model.ContactRole;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.InvoiceStatus;
import io.dunhub.core.model.Money;
import io.dunhub.core.model.Party;
import io.dunhub.core.secret.Secret;
import io.dunhub.hub.dunning.calendar.BusinessCalendar;
import io.dunhub.hub.dunning.calendar.JollydayHolidays;
import io.dunhub.hub.dunning.fee.LateFeeCalculator;
import io.dunhub.hub.dunning.policy.BundledPolicies;
import io.dunhub.hub.notice.ArchivedLetterChannel;
import io.dunhub.hub.notice.Brand;
import io.dunhub.hub.notice.NoticeChannel;
import io.dunhub.hub.notice.NoticeRenderer;
import io.dunhub.hub.notice.PdfLetterRenderer;
import io.dunhub.hub.notice.SmtpEmailChannel;
import io.dunhub.hub.notice.SmtpSettings;
import io.dunhub.hub.notice.TrackingLinks;
import io.dunhub.hub.notice.TwilioSmsChannel;
import io.dunhub.hub.outbox.JdbcOutbox;
import io.dunhub.hub.outbox.OutboxRelay;
import io.dunhub.hub.outbox.RetryPolicy;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.testing.MutableClock;
import io.dunhub.hub.testing.StoreTest;
import io.dunhub.hub.writeback.WriteBackPlanner;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 60-day dunning cycle on a seeded ledger: the bundled policies, GreenMail as the SMTP server,
 * WireMock as the SMS provider, two in-memory hosts (a CRM and a ledger) linked to every record.
 */
class DunningEndToEndIT {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static WireMockServer sms;
  @TempDir Path letters;

  @BeforeAll
  static void startSms() {
    sms = new WireMockServer(options().dynamicPort());
    sms.start();
  }

  @AfterAll
  static void stopSms() {
    sms.stop();
  }

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @StoreTest
  void sixtyDaysOfDunning(Store store) throws Exception {
    sms.resetAll();
    sms.stubFor(
        post(urlEqualTo("/2010-04-01/Accounts/AC1/Messages.json"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"sid\":\"SM1\",\"status\":\"queued\"}")));
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    InMemoryHost crm = InMemoryHost.create("e2e-crm", clock);
    InMemoryHost books = InMemoryHost.create("e2e-books", clock);
    Map<String, Connection> connections =
        Map.of("crm", open("crm", "e2e-crm", clock), "books", open("books", "e2e-books", clock));

    // the ledger
    Party acme =
        new Party(
            "p1",
            "Acme Inc",
            "ap@acme.example",
            null,
            "US",
            Locale.US,
            NEW_YORK,
            "smb",
            Set.of(),
            null,
            Instant.parse("2021-01-01T00:00:00Z"),
            false,
            false);
    Party mueller =
        new Party(
            "p2",
            "Müller GmbH",
            "buchhaltung@mueller.example",
            null,
            "DE",
            Locale.GERMANY,
            BERLIN,
            "business",
            Set.of(),
            null,
            Instant.parse("2019-01-01T00:00:00Z"),
            false,
            false);
    Invoice inv1 = invoice("i1", "p1", "INV-1", "2026-03-20", "1200.00", "USD");
    Invoice inv2 = invoice("i2", "p1", "INV-2", "2026-03-20", "300.00", "USD");
    Invoice inv3 = invoice("i3", "p2", "RE-3", "2026-03-16", "5000.00", "EUR");
    LedgerSeeder seed = new LedgerSeeder(store, clock.instant());
    seed.party(acme, "crm", "books");
    seed.party(mueller, "crm", "books");
    seed.contact(
        new Contact(
            "c1",
            "p1",
            "Bea",
            "Biller",
            "bea@acme.example",
            "+14155550100",
            ContactRole.BILLING,
            Channel.EMAIL,
            Set.of(),
            true));
    seed.contact(
        new Contact(
            "c2",
            "p2",
            "Jonas",
            "Keller",
            "jonas@mueller.example",
            null,
            ContactRole.BILLING,
            Channel.EMAIL,
            Set.of(),
            false));
    seed.invoice(inv1, "crm", "books");
    seed.invoice(inv2, "crm", "books");
    seed.invoice(inv3, "crm", "books");

    // the hub
    JdbcOutbox outbox = new JdbcOutbox(store, clock, RetryPolicy.DEFAULT);
    WriteBackPlanner writeBacks = new WriteBackPlanner(outbox);
    NoticeRenderer renderer = new NoticeRenderer();
    var policies = BundledPolicies.load(renderer::exists);
    DunningCases cases = new DunningCases(store, clock);
    DunningSweep sweep =
        new DunningSweep(
            store,
            clock,
            cases,
            new Evaluator(new BusinessCalendar(new JollydayHolidays()), new LateFeeCalculator()),
            new DunningApplicator(
                outbox,
                writeBacks,
                Brand.plain("Northwind"),
                new TrackingLinks("https://hub.example")),
            policies);
    Map<Channel, NoticeChannel> channels =
        Map.of(
            Channel.EMAIL,
                new SmtpEmailChannel(
                    new SmtpSettings(
                        "127.0.0.1",
                        MAIL.getSmtp().getPort(),
                        SmtpSettings.Security.NONE,
                        null,
                        null,
                        "ar@northwind.example",
                        "Northwind",
                        null,
                        Duration.ofSeconds(5)),
                    clock),
            Channel.SMS,
                new TwilioSmsChannel(
                    sms.baseUrl(), "AC1", Secret.of("t"), "+15005550006", new OkHttpClient()),
            Channel.LETTER, new ArchivedLetterChannel(letters));
    OutboxRelay relay =
        new OutboxRelay(
            store,
            outbox,
            channels,
            connections::get,
            writeBacks,
            new PdfLetterRenderer(),
            renderer,
            clock,
            "relay-1");

    // 60 days, hourly, with a full payment, a partial payment and a dispute along the way
    DunningSimulator.Totals totals =
        new DunningSimulator(clock::set, sweep, relay)
            .run(
                Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-04-30T00:00:00Z"),
                Duration.ofHours(1),
                t -> {
                  if (t.equals(Instant.parse("2026-03-18T10:00:00Z"))) {
                    cases.dispute("i3", true);
                  } else if (t.equals(Instant.parse("2026-03-25T15:00:00Z"))) {
                    seed.pay(inv1, Money.of("0", "USD"), t);
                    cases.invoiceChanged("i1");
                  } else if (t.equals(Instant.parse("2026-04-01T14:00:00Z"))) {
                    seed.pay(inv2, Money.of("100.00", "USD"), t);
                    cases.invoiceChanged("i2");
                  } else if (t.equals(Instant.parse("2026-04-10T10:00:00Z"))) {
                    cases.dispute("i3", false);
                  }
                });

    assertThat(totals.dead()).isZero();
    assertThat(timeline(store, "i1", NEW_YORK))
        .containsExactly(
            "2026-03-13T08:00 NOTICE_SENT EMAIL bea@acme.example friendly-reminder | Friendly reminder: invoices from Northwind due soon",
            "2026-03-23T08:00 NOTICE_SENT EMAIL bea@acme.example overdue-reminder | Payment reminder: $1,500.00 overdue",
            "2026-03-25T11:00 THANK_YOU_SENT EMAIL bea@acme.example thank-you | Thank you for your payment");
    assertThat(timeline(store, "i2", NEW_YORK))
        .containsExactly(
            "2026-03-13T08:00 NOTICE_SENT EMAIL bea@acme.example friendly-reminder | Friendly reminder: invoices from Northwind due soon",
            "2026-03-23T08:00 NOTICE_SENT EMAIL bea@acme.example overdue-reminder | Payment reminder: $1,500.00 overdue",
            "2026-03-27T08:00 NOTICE_SENT EMAIL bea@acme.example second-reminder | Second reminder: $300.00 still outstanding",
            "2026-03-27T08:00 NOTICE_SENT SMS +14155550100 second-reminder | Second reminder: $300.00 still outstanding",
            "2026-04-03T08:00 ESCALATED null null null | Follow up on overdue invoice INV-2 (100.00 USD)",
            "2026-04-20T08:00 NOTICE_SENT EMAIL bea@acme.example final-notice | Final notice before collection: $100.00",
            "2026-04-20T08:00 NOTICE_SENT LETTER Acme Inc final-notice | Final notice before collection: $100.00");
    // the dispute paused RE-3 from 18 March to 10 April; the missed due+3d step was superseded
    assertThat(timeline(store, "i3", BERLIN))
        .containsExactly(
            "2026-03-05T09:00 NOTICE_SENT EMAIL jonas@mueller.example friendly-reminder | Freundliche Erinnerung: Rechnung von Northwind bald fällig",
            "2026-04-10T12:00 NOTICE_SENT EMAIL jonas@mueller.example second-reminder | Zweite Mahnung: 5.000,00\u00a0€ weiterhin offen",
            "2026-04-29T09:00 FEE_APPLIED null null null | statutory interest of 61.18 EUR for 44 day(s) on 5000.00 EUR plus 40.00 EUR flat compensation",
            "2026-04-29T09:00 NOTICE_SENT EMAIL jonas@mueller.example final-notice | Letzte Mahnung vor Inkasso: 5.101,18\u00a0€",
            "2026-04-29T09:00 NOTICE_SENT LETTER Müller GmbH final-notice | Letzte Mahnung vor Inkasso: 5.101,18\u00a0€");
    String skipped =
        store
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT outcome FROM dunning_steps WHERE case_id ="
                                + " (SELECT id FROM dunning_cases WHERE invoice_id = 'i3') AND step_id = 'due+3d'")
                        .mapTo(String.class)
                        .one());
    assertThat(skipped).isEqualTo("skipped: superseded by later step due+14d");

    // what the recipients received
    MimeMessage[] mails = MAIL.getReceivedMessages();
    assertThat(mails)
        .hasSize(8); // p2: 5 Mar, 10 Apr, 29 Apr; p1: 13, 23, 25 (thanks), 27 Mar, 20 Apr
    MimeMessage finalNotice = null;
    List<String> subjects = new ArrayList<>();
    for (MimeMessage m : mails) {
      subjects.add(m.getSubject());
      if (m.getSubject().startsWith("Final notice before collection")) {
        finalNotice = m;
      }
    }
    assertThat(subjects)
        .contains("Payment reminder: $1,500.00 overdue", "Thank you for your payment");
    assertThat(finalNotice.getAllRecipients()[0].toString()).contains("bea@acme.example");
    assertThat(finalNotice.getSentDate().toInstant())
        .isEqualTo(Instant.parse("2026-04-20T12:00:00Z"));
    assertThat(((jakarta.mail.Multipart) finalNotice.getContent()).getBodyPart(1).getFileName())
        .isEqualTo("final-notice-INV-2.pdf");
    sms.verify(1, postRequestedFor(urlEqualTo("/2010-04-01/Accounts/AC1/Messages.json")));
    try (var files = Files.list(letters)) {
      assertThat(files.filter(p -> p.toString().endsWith(".pdf")).count()).isEqualTo(2);
    }

    // every activity went into both hosts, the letters with their PDF
    int activities =
        store
            .jdbi()
            .withHandle(
                h -> h.createQuery("SELECT COUNT(*) FROM activities").mapTo(Integer.class).one());
    assertThat(activities).isEqualTo(15);
    for (InMemoryHost host : List.of(crm, books)) {
      List<InMemoryHost.Row> rows = host.all("Activity");
      assertThat(rows).hasSize(15);
      assertThat(rows)
          .filteredOn(r -> "LETTER".equals(r.fields().path("channel").asText()))
          .hasSize(2)
          .allSatisfy(
              r -> assertThat(r.fields().path("attachmentBase64").asText()).startsWith("JVBERi"));
      assertThat(rows)
          .filteredOn(r -> "i2".equals(r.fields().path("invoiceId").asText()))
          .allSatisfy(
              r ->
                  assertThat(r.fields().path("invoiceHostId").asText())
                      .isEqualTo(host == crm ? "crm-i2" : "books-i2"));
    }
    // running the relay and the sweep again changes nothing: no notice is ever sent twice
    assertThat(sweep.run(100).actions()).isZero();
    assertThat(relay.drain(100).claimed()).isZero();
    InMemoryHost.remove("e2e-crm");
    InMemoryHost.remove("e2e-books");
  }

  private static List<String> timeline(Store store, String invoiceId, ZoneId zone) {
    List<String> lines = new ArrayList<>();
    store
        .jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "SELECT occurred_at, type, channel, recipient, attributes, subject FROM activities WHERE invoice_id = :id"
                            + " ORDER BY occurred_at, type, channel")
                    .bind("id", invoiceId)
                    .map(
                        (rs, ctx) -> {
                          Instant at =
                              rs.getObject("occurred_at", java.time.OffsetDateTime.class)
                                  .toInstant();
                          String template =
                              rs.getString("attributes").contains("\"template\"")
                                  ? CanonicalReader.read(
                                          rs.getString("attributes"), Map.class, "attributes")
                                      .get("template")
                                      .toString()
                                  : "null";
                          return at.atZone(zone).toLocalDateTime()
                              + " "
                              + rs.getString("type")
                              + " "
                              + rs.getString("channel")
                              + " "
                              + rs.getString("recipient")
                              + " "
                              + template
                              + " | "
                              + rs.getString("subject");
                        })
                    .forEach(lines::add));
    return lines;
  }

  private static Invoice invoice(
      String id, String party, String number, String due, String amount, String currency) {
    LocalDate d = LocalDate.parse(due);
    return new Invoice(
        id,
        party,
        number,
        d.minusDays(30),
        d,
        Money.of(amount, currency),
        Money.of(amount, currency),
        InvoiceStatus.OPEN,
        "Net 30",
        "https://pay.example/" + number,
        Set.of());
  }

  private static final io.dunhub.core.auth.TokenStore NO_TOKENS =
      new io.dunhub.core.auth.TokenStore() {
        @Override
        public java.util.Optional<io.dunhub.core.auth.StoredToken> load(String connection) {
          return java.util.Optional.empty();
        }

        @Override
        public boolean compareAndSet(
            String connection, long expectedVersion, io.dunhub.core.auth.OAuthToken token) {
          return false;
        }
      };

  private static Connection open(String name, String host, MutableClock clock) {
    return new InMemoryConnector()
        .open(
            new ConnectionContext(
                new ConnectionSettings(name, InMemoryConnector.ID, Map.of("host", host), Map.of()),
                clock,
                NO_TOKENS,
                new OkHttpClient()));
  }
}
