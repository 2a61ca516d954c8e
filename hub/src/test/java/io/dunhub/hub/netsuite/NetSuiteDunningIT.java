package io.dunhub.hub.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.dunhub.hub.config.EnvLookup;
import io.dunhub.hub.dunning.DunningSimulator;
import io.dunhub.hub.dunning.cli.DunningRuntime;
import io.dunhub.hub.runtime.DunningRuntimes;
import io.dunhub.hub.runtime.Hub;
import io.dunhub.hub.runtime.HubLauncher;
import io.dunhub.hub.sync.SyncEngine;
import io.dunhub.hub.sync.SyncReport;
import io.dunhub.hub.testing.MutableClock;
import io.dunhub.netsuite.sandbox.NetSuiteSandbox;
import io.dunhub.netsuite.sandbox.SandboxRecord;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub with a real NetSuite connection, configured as a user writes it, against the NetSuite
 * sandbox: a month of two-hourly cycles (sync, dunning sweep, outbox relay) on one clock shared
 * with the sandbox. Payments recorded in NetSuite stop dunning of their invoice on the next cycle;
 * the notices and the escalation the hub writes back are in NetSuite on the right invoice and
 * customer; a deleted invoice leaves the hub.
 */
class NetSuiteDunningIT {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant START = Instant.parse("2026-03-10T00:00:00Z");

  private NetSuiteSandbox ns;

  @Test
  void dunningFollowsWhatHappensInNetSuite(@TempDir Path dir) throws Exception {
    MutableClock clock = new MutableClock(START);
    ns = NetSuiteSandbox.start("1234567_SB1", clock);
    try {
      RSAKey key = new RSAKeyGenerator(2048).keyID("cert-7").generate();
      ns.registerCertificate("cert-7", "client-7", key.toPublicJWK());
      list("currency", 1, JSON.createObjectNode().put("name", "US Dollar").put("symbol", "USD"));
      list(
          "currency", 2, JSON.createObjectNode().put("name", "British pound").put("symbol", "GBP"));
      list("subsidiary", 1, sub("Acme US", "1"));
      list("subsidiary", 2, sub("Acme UK", "2"));
      SandboxRecord acme = customer("Acme Inc", "ap@acme.example", "1");
      SandboxRecord globex = customer("Globex Corp", "ar@globex.example", "1");
      SandboxRecord brit = customer("Brit Ltd", "ap@brit.example", "2");
      SandboxRecord invA = invoice(acme, "INV-A", "1200.00");
      SandboxRecord invC = invoice(acme, "INV-C", "300.00");
      SandboxRecord invB = invoice(globex, "INV-B", "800.00");
      // INV-D is due long after the period: it is deleted in NetSuite before anyone duns it
      SandboxRecord invD = invoice(globex, "INV-D", "50.00", "2026-06-30");
      invoice(brit, "INV-U", "999.00");

      Path config = config(dir);
      Hub hub =
          new HubLauncher(EnvLookup.of(Map.of("NETSUITE_KEY", pem(key))), clock)
              .open(config, "it-node")
              .startStore();
      try {
        DunningRuntime rt = hub.get(DunningRuntimes.class).build(clock, clock::set);
        Instant payC = Instant.parse("2026-03-12T10:00:00Z");
        Instant payA = Instant.parse("2026-03-25T14:00:00Z");
        Instant deleteD = Instant.parse("2026-03-16T10:00:00Z");
        List<SyncReport> failures = new ArrayList<>();
        DunningSimulator.Totals totals =
            new DunningSimulator(rt.clockSetter(), rt.sweep(), rt.relay())
                .run(
                    START,
                    Instant.parse("2026-04-06T00:00:00Z"),
                    Duration.ofHours(2),
                    t -> {
                      if (t.equals(payC)) {
                        pay(acme, invC);
                      } else if (t.equals(payA)) {
                        pay(acme, invA);
                      } else if (t.equals(deleteD)) {
                        assertThat(ns.delete("invoice", invD.id())).isTrue();
                      }
                      SyncReport report = hub.get(SyncEngine.class).syncConnection("books");
                      if (!report.ok() || report.parts().stream().anyMatch(p -> p.parked() > 0)) {
                        failures.add(report);
                      }
                    });
        assertThat(failures).as("sync failures and parked records").isEmpty();
        assertThat(totals.dead())
            .as(
                "dead letters %s; timelines A %s B %s C %s D %s",
                numbers(
                    rt,
                    "SELECT idempotency_key || ': ' || last_error FROM outbox WHERE status = 'DEAD'"),
                timeline(rt, "INV-A"),
                timeline(rt, "INV-B"),
                timeline(rt, "INV-C"),
                timeline(rt, "INV-D"))
            .isZero();

        // initial sync: the configured subsidiary only
        assertThat(numbers(rt, "SELECT number FROM invoices WHERE deleted = FALSE"))
            .containsExactlyInAnyOrder("INV-A", "INV-B", "INV-C");
        assertThat(numbers(rt, "SELECT number FROM invoices WHERE deleted = TRUE"))
            .as("deleted in NetSuite")
            .containsExactly("INV-D");

        // INV-C was paid before its first reminder: never dunned
        assertThat(timeline(rt, "INV-C")).isEmpty();
        // INV-A: two reminders, paid on 03-25 14:00, thanked on the next cycle, nothing after
        List<String> a = timeline(rt, "INV-A");
        assertThat(a)
            .containsExactly(
                "2026-03-13T08:00Z NOTICE_SENT EMAIL",
                "2026-03-23T08:00Z NOTICE_SENT EMAIL",
                "2026-03-25T16:00Z THANK_YOU_SENT EMAIL");
        // INV-B: never paid, escalated to a person after 14 days
        assertThat(timeline(rt, "INV-B"))
            .anyMatch(l -> l.startsWith("2026-04-03") && l.contains("ESCALATED"))
            .noneMatch(l -> l.contains("THANK_YOU"));
        assertThat(timeline(rt, "INV-D")).isEmpty();

        // every activity is a note in NetSuite on its invoice and its customer
        Map<String, String> customerOf =
            Map.of(
                Long.toString(invA.id()), Long.toString(acme.id()),
                Long.toString(invB.id()), Long.toString(globex.id()));
        List<SandboxRecord> notes = ns.store().all("note");
        assertThat(notes).hasSize(activities(rt));
        assertThat(notes)
            .allSatisfy(
                n -> {
                  if (n.ref("transaction") == null) {
                    assertThat(customerOf).containsValue(n.ref("entity"));
                  } else {
                    assertThat(customerOf).containsKey(n.ref("transaction"));
                    assertThat(n.ref("entity")).isEqualTo(customerOf.get(n.ref("transaction")));
                  }
                });
        assertThat(notes)
            .filteredOn(n -> Long.toString(invA.id()).equals(n.ref("transaction")))
            .hasSize(3);
        // the escalation is a task on INV-B and Globex
        assertThat(ns.store().all("task"))
            .singleElement()
            .satisfies(
                task -> {
                  assertThat(task.ref("transaction")).isEqualTo(Long.toString(invB.id()));
                  assertThat(task.ref("company")).isEqualTo(Long.toString(globex.id()));
                });
        assertThat(MAIL.getReceivedMessages()).isNotEmpty();

        // incremental: nothing changed in NetSuite, nothing read
        long callsBefore = ns.calls("suiteql");
        clock.advance(Duration.ofMinutes(5));
        SyncReport idle = hub.get(SyncEngine.class).syncConnection("books");
        assertThat(idle.ok()).as(idle.toString()).isTrue();
        assertThat(idle.parts().stream().mapToLong(SyncReport::read).sum()).isZero();
        assertThat(ns.calls("suiteql") - callsBefore)
            .as("one query per stream and one for its deletions")
            .isLessThanOrEqualTo(8);
      } finally {
        hub.close();
      }
    } finally {
      ns.close();
    }
  }

  private Path config(Path dir) throws Exception {
    Path config = dir.resolve("dunhub.yml");
    Files.writeString(
        config,
        """
        mode: development
        http:
          port: 0
        store:
          embedded:
            dataDir: %s
        connections:
          - name: books
            type: netsuite
            settings:
              account: 1234567-sb1
              baseUrl: %s
              clientId: client-7
              certificateId: cert-7
              privateKey: ${NETSUITE_KEY}
              subsidiaries: "1"
              timeZone: UTC
            sync:
              schedule: every 5m
        channels:
          email:
            host: 127.0.0.1
            port: %d
            security: none
            from: ar@northwind.example
        """
            .formatted(
                dir.resolve("data").toString().replace('\\', '/'),
                ns.baseUrl(),
                MAIL.getSmtp().getPort()));
    return config;
  }

  private void list(String type, long id, ObjectNode fields) {
    ns.store().putAt(type, id, null, fields, START.minus(Duration.ofDays(400)));
  }

  private static ObjectNode sub(String name, String currency) {
    ObjectNode s = JSON.createObjectNode().put("name", name);
    s.putObject("currency").put("id", currency);
    return s;
  }

  private SandboxRecord customer(String name, String email, String subsidiary) {
    ObjectNode c = JSON.createObjectNode().put("companyName", name).put("email", email);
    c.putObject("subsidiary").put("id", subsidiary);
    c.putObject("currency").put("id", subsidiary);
    return ns.create("customer", c);
  }

  private SandboxRecord invoice(SandboxRecord customer, String number, String total) {
    return invoice(customer, number, total, "2026-03-20");
  }

  private SandboxRecord invoice(
      SandboxRecord customer, String number, String total, String dueDate) {
    ObjectNode i = JSON.createObjectNode();
    i.putObject("entity").put("id", Long.toString(customer.id()));
    i.put("tranId", number);
    i.put("tranDate", "2026-02-18");
    i.put("dueDate", dueDate);
    i.put("total", new BigDecimal(total));
    return ns.create("invoice", i);
  }

  /** A customer payment entered in NetSuite, applied in full to the invoice. */
  private void pay(SandboxRecord customer, SandboxRecord invoice) {
    BigDecimal open =
        ns.store()
            .get("invoice", invoice.id())
            .orElseThrow()
            .fields()
            .get("amountRemaining")
            .decimalValue();
    ObjectNode p = JSON.createObjectNode();
    p.putObject("customer").put("id", Long.toString(customer.id()));
    p.put("tranDate", "2026-03-25");
    ObjectNode item = p.putObject("apply").putArray("items").addObject();
    item.putObject("doc").put("id", Long.toString(invoice.id()));
    item.put("apply", true);
    item.put("amount", open);
    ns.create("customerPayment", p);
  }

  private static List<String> numbers(DunningRuntime rt, String sql) {
    return rt.store().jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
  }

  private static int activities(DunningRuntime rt) {
    return rt.store()
        .jdbi()
        .withHandle(
            h -> h.createQuery("SELECT COUNT(*) FROM activities").mapTo(Integer.class).one());
  }

  /** {@code <instant> <type> <channel>} for an invoice's activities, in order. */
  private static List<String> timeline(DunningRuntime rt, String number) {
    return rt
        .store()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT a.occurred_at, a.type, a.channel FROM activities a JOIN invoices i"
                            + " ON i.id = a.invoice_id WHERE i.number = :n ORDER BY a.occurred_at,"
                            + " a.type")
                    .bind("n", number)
                    .map(
                        (rs, ctx) ->
                            rs.getObject(1, OffsetDateTime.class)
                                    .toInstant()
                                    .toString()
                                    .replace(":00Z", "Z")
                                + " "
                                + rs.getString(2)
                                + " "
                                + (rs.getString(3) == null ? "-" : rs.getString(3)))
                    .list())
        .stream()
        .collect(Collectors.toList());
  }

  private static String pem(RSAKey key) throws Exception {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.toPrivateKey().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }
}
