package io.dunhub.hub.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.dunhub.core.model.Channel;
import io.dunhub.core.model.Contact;
import io.dunhub.core.model.ContactRole;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.InvoiceStatus;
import io.dunhub.core.model.Money;
import io.dunhub.core.model.Party;
import io.dunhub.hub.cli.CliRunner;
import io.dunhub.hub.config.EnvLookup;
import io.dunhub.hub.dunning.CanonicalReader;
import io.dunhub.hub.store.Store;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dunning engine wired into the hub: {@code dunhub run} sweeps and relays a due reminder by
 * email on {@code schedules.dunning}/{@code schedules.outbox}, {@code dunhub dunning plan} shows
 * the case, and {@code dunhub outbox dead} finds nothing dead.
 */
class RunDunningIT {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @Test
  void runSendsADueReminderByEmail(@TempDir Path dir) throws Exception {
    Path config = config(dir);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    seed(config, today.minusDays(5));

    CliRunner cli =
        new CliRunner(
            Map.of(),
            List.of(),
            List.of(
                binder ->
                    binder
                        .bind(SchedulerService.SchedulerSettings.class)
                        .toInstance(
                            new SchedulerService.SchedulerSettings(
                                "it-node",
                                2,
                                Duration.ofMillis(200),
                                Duration.ofSeconds(5),
                                Duration.ofSeconds(5)))));

    CliRunner.Result help = cli.run("--help");
    assertThat(help.out())
        .containsPattern("dunning\\s+Preview and simulate the dunning schedule")
        .containsPattern("outbox\\s+Inspect and re-queue outbox dead letters");

    CompletableFuture<CliRunner.Result> run =
        CompletableFuture.supplyAsync(() -> cli.run("-c", config.toString(), "run"));
    boolean received = MAIL.waitForIncomingEmail(60_000, 1);
    cli.stop();
    CliRunner.Result result = run.get(60, TimeUnit.SECONDS);

    assertThat(received).as(result.all()).isTrue();
    assertThat(result.exitCode()).as(result.all()).isZero();
    MimeMessage[] mails = MAIL.getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(mails[0].getAllRecipients()[0].toString())
        .isEqualTo("Bea Biller <bea@acme.example>");
    assertThat(com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(mails[0]))
        .contains("INV-7");
    assertThat(mails[0].getFrom()[0].toString()).contains("ar@northwind.example");

    CliRunner.Result plan =
        cli.run(
            "-c",
            config.toString(),
            "dunning",
            "plan",
            "--party",
            "p7",
            "--at",
            java.time.Instant.now().toString());
    assertThat(plan.exitCode()).as(plan.all()).isZero();
    assertThat(plan.out())
        .as("the policy comes from the policies folder; its one step is done")
        .containsPattern("INV-7 .* any-time .* schedule complete");
    assertThat(MAIL.getReceivedMessages()).as("plan only previews").hasSize(1);

    CliRunner.Result dead = new CliRunner(Map.of()).run("-c", config.toString(), "outbox", "dead");
    assertThat(dead.exitCode()).as(dead.all()).isZero();
    assertThat(dead.out()).contains("no dead letters");
  }

  /** A config with the test policy folder, GreenMail as SMTP and one-second schedules. */
  private static Path config(Path dir) throws Exception {
    Path policies = dir.resolve("policies");
    Files.createDirectories(policies);
    Files.copy(
        Path.of(RunDunningIT.class.getResource("/runtime/dunning-policies/any-time.yaml").toURI()),
        policies.resolve("any-time.yaml"));
    Path config = dir.resolve("dunhub.yml");
    Files.writeString(
        config,
        """
        mode: development
        http:
          port: 0
        policies: policies
        channels:
          email:
            host: 127.0.0.1
            port: %d
            security: none
            from: ar@northwind.example
        schedules:
          dunning: every 1s
          outbox: every 1s
        """
            .formatted(MAIL.getSmtp().getPort()));
    return config;
  }

  @Test
  void simulatePlaysTheScheduleThroughAPeriodAndSendsTheReminder(@TempDir Path dir)
      throws Exception {
    Path config = config(dir);
    seed(config, LocalDate.of(2026, 3, 2));

    CliRunner.Result result =
        new CliRunner(Map.of())
            .run(
                "-c",
                config.toString(),
                "dunning",
                "simulate",
                "--from",
                "2026-03-01",
                "--to",
                "2026-03-08",
                "--tick",
                "PT6H");

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out())
        .containsPattern("2026-03-0[56]T.*INV-7.*bea@acme.example")
        .contains("1 deliveries");
    assertThat(MAIL.getReceivedMessages()).hasSize(1);
  }

  @Test
  void simulateRefusesAProductionConfig(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("dunhub.yml");
    Files.writeString(config, "mode: production\n");

    CliRunner.Result result =
        new CliRunner(Map.of("DUNHUB_SECRET_KEY", "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA="))
            .run(
                "-c",
                config.toString(),
                "dunning",
                "simulate",
                "--from",
                "2026-03-01",
                "--to",
                "2026-03-02");

    assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
    assertThat(result.err()).contains("refuses a production config");
    assertThat(MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void runStopsAtOnceOnABrokenPolicyFolder(@TempDir Path dir) throws Exception {
    Path policies = Files.createDirectories(dir.resolve("policies"));
    Files.writeString(
        policies.resolve("standard.yaml"),
        """
        policy: standard
        default: true
        days: calendar
        steps:
          - at: due+3d
            action: notice
            channels: [email]
            template: no-such-template
        """);
    Path config = dir.resolve("dunhub.yml");
    Files.writeString(config, "mode: development\nhttp:\n  port: 0\npolicies: policies\n");

    CliRunner.Result result = new CliRunner(Map.of()).run("-c", config.toString(), "run");

    assertThat(result.exitCode()).as(result.all()).isNotZero();
    assertThat(result.all()).contains("standard.yaml:8").contains("no-such-template");
  }

  /** One party with a billing contact and an invoice that fell due on {@code due}. */
  private static void seed(Path config, LocalDate due) throws Exception {
    try (Hub hub =
        new HubLauncher(EnvLookup.of(Map.of()), Clock.systemUTC()).open(config, "seed")) {
      hub.startStore();
      Store store = hub.get(Store.class);
      Party p =
          new Party(
              "p7",
              "Acme Inc",
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
              false);
      Contact c =
          new Contact(
              "c7",
              "p7",
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
              "i7",
              "p7",
              "INV-7",
              due.minusDays(30),
              due,
              Money.of("300", "USD"),
              Money.of("300", "USD"),
              InvoiceStatus.OPEN,
              null,
              "https://pay.example/7",
              Set.of());
      String hash = "0".repeat(64);
      OffsetDateTime created = due.minusDays(30).atStartOfDay().atOffset(ZoneOffset.UTC);
      store
          .jdbi()
          .useHandle(
              h -> {
                h.execute(
                    "INSERT INTO parties (id, name, deleted, data, hash, version, created_at,"
                        + " updated_at) VALUES (?, ?, FALSE, ?, ?, 1, ?, ?)",
                    "p7",
                    p.name(),
                    CanonicalReader.write(p),
                    hash,
                    created,
                    created);
                h.execute(
                    "INSERT INTO contacts (id, party_id, deleted, data, hash, version, created_at,"
                        + " updated_at) VALUES (?, ?, FALSE, ?, ?, 1, ?, ?)",
                    "c7",
                    "p7",
                    CanonicalReader.write(c),
                    hash,
                    created,
                    created);
                h.execute(
                    "INSERT INTO invoices (id, party_id, number, status, issue_date, due_date,"
                        + " currency, total, open_balance, deleted, data, hash, version,"
                        + " created_at, updated_at) VALUES (?, ?, ?, 'OPEN', ?, ?, 'USD', 300, 300,"
                        + " FALSE, ?, ?, 1, ?, ?)",
                    "i7",
                    "p7",
                    "INV-7",
                    due.minusDays(30),
                    due,
                    CanonicalReader.write(i),
                    hash,
                    created,
                    created);
              });
    }
  }
}
