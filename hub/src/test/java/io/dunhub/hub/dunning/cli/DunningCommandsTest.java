package io.dunhub.hub.dunning.cli;

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
import io.dunhub.hub.dunning.calendar.BusinessCalendar;
import io.dunhub.hub.dunning.calendar.JollydayHolidays;
import io.dunhub.hub.dunning.fee.LateFeeCalculator;
import io.dunhub.hub.dunning.policy.BundledPolicies;
import io.dunhub.hub.notice.Brand;
import io.dunhub.hub.notice.NoticeRenderer;
import io.dunhub.hub.notice.TrackingLinks;
import io.dunhub.hub.outbox.JdbcOutbox;
import io.dunhub.hub.outbox.OutboxEntry;
import io.dunhub.hub.outbox.OutboxRelay;
import io.dunhub.hub.outbox.OutboxRow;
import io.dunhub.hub.outbox.RetryPolicy;
import io.dunhub.hub.outbox.cli.OutboxCommand;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.testing.MutableClock;
import io.dunhub.hub.testing.StoreTest;
import io.dunhub.hub.writeback.WriteBackPlanner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import picocli.CommandLine;

class DunningCommandsTest {

  @org.junit.jupiter.api.extension.RegisterExtension
  static final com.icegreen.greenmail.junit5.GreenMailExtension MAIL =
      new com.icegreen.greenmail.junit5.GreenMailExtension(
          com.icegreen.greenmail.util.ServerSetupTest.SMTP.dynamicPort());

  private record Runtime(Store store, DunningSweep sweep, JdbcOutbox outbox)
      implements DunningRuntime {
    @Override
    public OutboxRelay relay() {
      return null;
    }

    @Override
    public Consumer<Instant> clockSetter() {
      return null;
    }

    @Override
    public Runnable sync() {
      return () -> {};
    }
  }

  private static Runtime runtime(Store store, MutableClock clock) {
    JdbcOutbox outbox = new JdbcOutbox(store, clock, RetryPolicy.DEFAULT);
    NoticeRenderer renderer = new NoticeRenderer();
    DunningSweep sweep =
        new DunningSweep(
            store,
            clock,
            new DunningCases(store, clock),
            new Evaluator(new BusinessCalendar(new JollydayHolidays()), new LateFeeCalculator()),
            new DunningApplicator(
                outbox,
                new WriteBackPlanner(outbox),
                Brand.plain("Northwind"),
                new TrackingLinks("https://hub.example")),
            BundledPolicies.load(renderer::exists));
    return new Runtime(store, sweep, outbox);
  }

  private static void seed(Store store, Instant at) {
    Party p =
        new Party(
            "p1",
            "Acme Inc",
            null,
            null,
            "US",
            Locale.US,
            ZoneId.of("America/New_York"),
            null,
            Set.of(),
            null,
            null,
            false,
            false);
    Contact c =
        new Contact(
            "c1",
            "p1",
            "Bea",
            "Biller",
            "bea@acme.example",
            null,
            ContactRole.BILLING,
            Channel.EMAIL,
            Set.of(),
            false);
    Invoice i =
        new Invoice(
            "i1",
            "p1",
            "INV-1",
            LocalDate.of(2026, 2, 18),
            LocalDate.of(2026, 3, 20),
            Money.of("300", "USD"),
            Money.of("300", "USD"),
            InvoiceStatus.OPEN,
            null,
            "https://pay.example/1",
            Set.of());
    String hash = "0".repeat(64);
    store
        .jdbi()
        .useHandle(
            h -> {
              h.execute(
                  "INSERT INTO parties (id, name, deleted, data, hash, version, created_at, updated_at) VALUES (?, ?, FALSE, ?, ?, 1, ?, ?)",
                  "p1",
                  p.name(),
                  CanonicalReader.write(p),
                  hash,
                  java.time.OffsetDateTime.parse("2026-03-01T00:00:00Z"),
                  java.time.OffsetDateTime.parse("2026-03-01T00:00:00Z"));
              h.execute(
                  "INSERT INTO contacts (id, party_id, deleted, data, hash, version, created_at, updated_at) VALUES (?, ?, FALSE, ?, ?, 1, ?, ?)",
                  "c1",
                  "p1",
                  CanonicalReader.write(c),
                  hash,
                  java.time.OffsetDateTime.parse("2026-03-01T00:00:00Z"),
                  java.time.OffsetDateTime.parse("2026-03-01T00:00:00Z"));
              h.execute(
                  "INSERT INTO invoices (id, party_id, number, status, issue_date, due_date, currency, total, open_balance, deleted, data, hash, version, created_at, updated_at)"
                      + " VALUES (?, ?, ?, 'OPEN', ?, ?, 'USD', 300, 300, FALSE, ?, ?, 1, ?, ?)",
                  "i1",
                  "p1",
                  "INV-1",
                  LocalDate.of(2026, 2, 18),
                  LocalDate.of(2026, 3, 20),
                  CanonicalReader.write(i),
                  hash,
                  java.time.OffsetDateTime.parse("2026-03-01T00:00:00Z"),
                  java.time.OffsetDateTime.parse("2026-03-01T00:00:00Z"));
            });
  }

  private static String run(Object command, DunningRuntime rt, int expectedExit, String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(command, DunningCommands.factory(() -> rt));
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    assertThat(cli.execute(args)).as(out.toString()).isEqualTo(expectedExit);
    return out.toString();
  }

  @StoreTest
  void planExplainsPolicyStepAndTheGuardThatDelaysIt(Store store) {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    seed(store, clock.instant());
    Runtime rt = runtime(store, clock);
    new DunningCases(store, clock).openMissing();

    String json =
        run(
            new DunningCommand(),
            rt,
            0,
            "plan",
            "--at",
            "2026-03-13T12:00:00Z",
            "--format",
            "json");
    assertThat(json)
        .contains("\"policyId\" : \"standard\"")
        .contains(
            "notify bea@acme.example by EMAIL with friendly-reminder (tone 1) about 1 case(s), steps [due-7d]");

    String text =
        run(new DunningCommand(), rt, 0, "plan", "--at", "2026-03-14T02:00:00Z", "--party", "p1");
    assertThat(text)
        .contains("INV-1")
        .contains(
            "step due-7d delayed by contact window (08:00–21:00 America/New_York, business days) until 2026-03-16T12:00:00Z");
    // plan changes nothing
    assertThat(rt.outbox().all(OutboxEntry.NOTICE)).isEmpty();
  }

  @StoreTest
  void outboxDeadListsDeadLettersAndRetryRequeuesThem(Store store) {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    Runtime rt = runtime(store, clock);
    store
        .jdbi()
        .useTransaction(
            h ->
                rt.outbox()
                    .enqueue(
                        h,
                        new OutboxEntry(
                            "notice:c:due:SMS:c1", OutboxEntry.NOTICE, "SMS", null, "p1", "{}")));
    OutboxRow row = rt.outbox().claim("w", 1).get(0);
    rt.outbox()
        .fail(row.id(), "w", "SMS provider replied 400 (code 21211): invalid number", null, true);

    String dead = run(new OutboxCommand(), rt, 1, "dead");
    assertThat(dead)
        .contains("notice:c:due:SMS:c1")
        .contains("SMS provider replied 400 (code 21211): invalid number");

    assertThat(run(new OutboxCommand(), rt, 0, "retry", "--all"))
        .contains("1 dead letter(s) re-queued");
    assertThat(run(new OutboxCommand(), rt, 0, "dead")).contains("no dead letters");
  }

  @StoreTest
  void simulatePlaysThePeriodThroughTheChannelsAndPrintsTheTimeline(Store store) {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    seed(store, clock.instant());
    DunningSettings settings =
        new DunningSettings(
            null,
            null,
            Brand.plain("Northwind"),
            "https://hub.example",
            new io.dunhub.hub.notice.SmtpSettings(
                "127.0.0.1",
                MAIL.getSmtp().getPort(),
                io.dunhub.hub.notice.SmtpSettings.Security.NONE,
                null,
                null,
                "ar@northwind.example",
                "Northwind",
                null,
                java.time.Duration.ofSeconds(5)),
            null,
            null,
            RetryPolicy.DEFAULT);
    DunningRuntime rt =
        DunningWiring.build(
            store,
            clock,
            clock::set,
            settings,
            name -> null,
            new okhttp3.OkHttpClient(),
            () -> {},
            "cli");

    String out =
        run(new DunningCommand(), rt, 0, "simulate", "--from", "2026-03-10", "--to", "2026-03-24");

    assertThat(out)
        .contains(
            "2026-03-13T12:00:00Z  INV-1      NOTICE_SENT     EMAIL   bea@acme.example             Friendly reminder: invoice from Northwind due soon")
        .contains(
            "2026-03-23T12:00:00Z  INV-1      NOTICE_SENT     EMAIL   bea@acme.example             Payment reminder: $300.00 overdue")
        .contains("360 ticks, 2 actions, 2 deliveries, 0 retries, 0 dead letters");
    assertThat(MAIL.getReceivedMessages()).hasSize(2);
  }
}
