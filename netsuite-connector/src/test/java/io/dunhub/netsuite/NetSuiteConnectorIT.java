package io.dunhub.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.auth.InMemoryTokenStore;
import io.dunhub.core.connector.CheckResult;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.connector.Page;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.connector.Watermark;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.core.connector.WriteRequest;
import io.dunhub.core.testing.ManualClock;
import io.dunhub.netsuite.sandbox.NetSuiteSandbox;
import io.dunhub.netsuite.sandbox.SandboxRecord;
import io.dunhub.netsuite.sandbox.SandboxSeed;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector against a seeded multi-subsidiary, multi-currency sandbox company. */
class NetSuiteConnectorIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OkHttpClient HTTP = new OkHttpClient();

  private ManualClock clock;
  private NetSuiteSandbox ns;
  private Connection connection;

  @BeforeEach
  void startSeededCompany() {
    clock = ManualClock.at("2026-11-23T12:00:00Z");
    ns = NetSuiteSandbox.start("1234567_SB1", clock);
    SandboxSeed.demo(ns);
    // US, UK and Germany; the Canadian subsidiary (4) is someone else's business
    connection = open(TestCredentials.m2m(ns, "acme-ns", Map.of("subsidiaries", "1,2,3")));
  }

  @AfterEach
  void stop() {
    ns.close();
  }

  private Connection open(ConnectionSettings settings) {
    return new NetSuiteConnector()
        .open(new ConnectionContext(settings, clock, new InMemoryTokenStore(), HTTP));
  }

  private List<SourceRecord> readAll(Connection c, String stream, int limit) {
    List<SourceRecord> all = new ArrayList<>();
    Watermark at = null;
    while (true) {
      Page page = c.source(stream).readPage(at, limit);
      all.addAll(page.records());
      if (page.records().isEmpty()) {
        return all;
      }
      at = page.next();
    }
  }

  private long subsidiaryOf(SandboxRecord r) {
    return Long.parseLong(r.ref("subsidiary"));
  }

  @Test
  void invoicesComeWithOpenBalanceDueDateCurrencyAndStatusOnlyFromConfiguredSubsidiaries() {
    List<SourceRecord> invoices = readAll(connection, "invoice", 1000);

    List<SandboxRecord> expected =
        ns.store().all("invoice").stream().filter(r -> subsidiaryOf(r) != SandboxSeed.CA).toList();
    assertThat(expected).hasSizeLessThan(ns.store().count("invoice"));
    assertThat(invoices)
        .extracting(SourceRecord::hostId)
        .containsExactlyInAnyOrderElementsOf(
            expected.stream().map(r -> Long.toString(r.id())).toList());
    for (SourceRecord rec : invoices) {
      SandboxRecord host = ns.store().get("invoice", rec.hostId()).orElseThrow();
      ObjectNode raw = rec.raw();
      assertThat(new BigDecimal(raw.get("amountRemaining").asText()))
          .isEqualByComparingTo(host.fields().get("amountRemaining").decimalValue());
      assertThat(raw.get("dueDate").asText()).isEqualTo(host.text("dueDate"));
      assertThat(raw.at("/status/refName").asText())
          .isEqualTo(
              host.fields().get("amountRemaining").decimalValue().signum() == 0
                  ? "Paid In Full"
                  : "Open");
      String expectedCurrency =
          switch ((int) subsidiaryOf(host)) {
            case 1 -> "USD";
            case 2 -> "GBP";
            case 3 -> "EUR";
            default -> "?";
          };
      assertThat(raw.at("/currency/refName").asText()).isEqualTo(expectedCurrency);
      assertThat(raw.at("/entity/id").asText()).isEqualTo(host.ref("entity"));
      assertThat(rec.lastModified()).isEqualTo(host.lastModified());
    }
  }

  @Test
  void everyStreamReadsToTheEndAndSkipsOtherSubsidiaries() {
    for (String stream : List.of("customer", "contact", "customerPayment")) {
      List<SourceRecord> records = readAll(connection, stream, 7);
      long expected =
          ns.store().all(stream).stream().filter(r -> subsidiaryOf(r) != SandboxSeed.CA).count();
      assertThat(records).as(stream).hasSize((int) expected);
      assertThat(records)
          .as(stream)
          .allSatisfy(r -> assertThat(r.raw().at("/subsidiary/id").asText()).isNotEqualTo("4"));
    }
  }

  @Test
  void paymentsCarryTheInvoicesTheyApplyTo() {
    List<SourceRecord> payments = readAll(connection, "customerPayment", 1000);
    assertThat(payments).isNotEmpty();
    for (SourceRecord p : payments) {
      SandboxRecord host = ns.store().get("customerPayment", p.hostId()).orElseThrow();
      var item = host.fields().path("apply").path("items").get(0);
      var applied = p.raw().at("/apply/items");
      assertThat(applied).hasSize(1);
      assertThat(applied.get(0).at("/doc/id").asText())
          .isEqualTo(item.path("doc").path("id").asText());
      assertThat(applied.get(0).get("apply").asBoolean()).isTrue();
      assertThat(new BigDecimal(applied.get(0).get("amount").asText()))
          .isEqualByComparingTo(item.path("amount").decimalValue());
      assertThat(applied.get(0).at("/doc/refName").asText()).startsWith("INV");
      assertThat(p.raw().at("/customer/id").asText()).isEqualTo(host.ref("customer"));
    }
  }

  @Test
  void keysetPagingReadsPastSuiteQlsOffsetLimit() {
    ns.suiteQlMaxResults(50); // stands in for NetSuite's 100,000
    List<SourceRecord> invoices = readAll(connection, "invoice", 20);
    long expected =
        ns.store().all("invoice").stream().filter(r -> subsidiaryOf(r) != SandboxSeed.CA).count();
    assertThat(expected).isGreaterThan(50);
    assertThat(invoices).extracting(SourceRecord::hostId).doesNotHaveDuplicates();
    assertThat(invoices).hasSize((int) expected);
  }

  @Test
  void noticeNotesAndPhoneCallsLandOnTheInvoiceAndTheCustomer() {
    SourceRecord invoice = readAll(connection, "invoice", 1000).get(0);
    String invoiceId = invoice.hostId();
    String customerId = invoice.raw().at("/entity/id").asText();

    ObjectNode note = JSON.createObjectNode();
    note.put("title", "Dunning reminder 1 sent");
    note.put(
        "note", "Reminder emailed; open balance " + invoice.raw().get("amountRemaining").asText());
    note.putObject("transaction").put("id", invoiceId);
    note.putObject("entity").put("id", customerId);
    WriteOutcome noteOutcome =
        connection
            .sink("note")
            .write(new WriteRequest("notice-42-inv-" + invoiceId, "note", null, note, null));

    ObjectNode call = JSON.createObjectNode();
    call.put("title", "Call about overdue invoice " + invoice.raw().get("tranId").asText());
    call.put("message", "Escalated by Dunhub after the final notice");
    call.put("status", "SCHEDULED");
    call.putObject("company").put("id", customerId);
    call.putObject("transaction").put("id", invoiceId);
    WriteOutcome callOutcome =
        connection
            .sink("phoneCall")
            .write(new WriteRequest("escalation:42/" + invoiceId, "phoneCall", null, call, null));

    assertThat(noteOutcome).isInstanceOf(WriteOutcome.Applied.class);
    assertThat(callOutcome).isInstanceOf(WriteOutcome.Applied.class);
    SandboxRecord storedNote =
        ns.store().get("note", ((WriteOutcome.Applied) noteOutcome).hostId()).orElseThrow();
    assertThat(storedNote.ref("transaction")).isEqualTo(invoiceId);
    assertThat(storedNote.ref("entity")).isEqualTo(customerId);
    assertThat(storedNote.externalId()).isEqualTo("notice-42-inv-" + invoiceId);
    SandboxRecord storedCall =
        ns.store().get("phoneCall", ((WriteOutcome.Applied) callOutcome).hostId()).orElseThrow();
    assertThat(storedCall.ref("transaction")).isEqualTo(invoiceId);
    assertThat(storedCall.ref("company")).isEqualTo(customerId);
    assertThat(storedCall.externalId()).startsWith("dh-");

    WriteOutcome again =
        connection
            .sink("phoneCall")
            .write(new WriteRequest("escalation:42/" + invoiceId, "phoneCall", null, call, null));
    assertThat(again).isEqualTo(new WriteOutcome.AlreadyApplied(storedCall.id() + ""));
    assertThat(ns.store().count("phoneCall")).isEqualTo(1);
  }

  @Test
  void theHubsActivityWriteBackBecomesANoteAndAnEscalationAlsoATask() {
    SourceRecord invoice = readAll(connection, "invoice", 1000).get(0);
    String invoiceId = invoice.hostId();
    String customerId = invoice.raw().at("/entity/id").asText();
    // the payload WriteBackPlanner puts in the outbox: the canonical activity and the host ids
    ObjectNode notice =
        JSON.createObjectNode()
            .put("id", "a-1")
            .put("type", "NOTICE_SENT")
            .put("at", "2026-11-23T08:00:00Z")
            .put("channel", "EMAIL")
            .put("recipient", "ap@acme.example")
            .put("subject", "Payment reminder: $1,200.00 overdue")
            .put("content", "Dear customer, invoice " + invoice.raw().get("tranId").asText())
            .put("invoiceHostId", invoiceId)
            .put("partyHostId", customerId);
    WriteOutcome written =
        connection
            .sink("Activity")
            .write(new WriteRequest("writeback:a-1:acme-ns", "Activity", null, notice, null));
    assertThat(written).isInstanceOf(WriteOutcome.Applied.class);
    SandboxRecord note =
        ns.store().get("note", ((WriteOutcome.Applied) written).hostId()).orElseThrow();
    assertThat(note.ref("transaction")).isEqualTo(invoiceId);
    assertThat(note.ref("entity")).isEqualTo(customerId);
    assertThat(note.text("title")).isEqualTo("Payment reminder: $1,200.00 overdue");
    assertThat(note.text("noteDate")).isEqualTo("2026-11-23");
    assertThat(ns.store().count("task")).isZero();
    assertThat(
            connection
                .sink("Activity")
                .write(new WriteRequest("writeback:a-1:acme-ns", "Activity", null, notice, null)))
        .as("a repeated write-back")
        .isInstanceOf(WriteOutcome.AlreadyApplied.class);

    ObjectNode escalation =
        JSON.createObjectNode()
            .put("id", "a-2")
            .put("type", "ESCALATED")
            .put("at", "2026-11-24T08:00:00Z")
            .put("subject", "Call Acme about their overdue invoice")
            .put("invoiceHostId", invoiceId)
            .put("partyHostId", customerId);
    escalation.putObject("attributes").put("kind", "task").put("assignee", "owner");
    assertThat(
            connection
                .sink("Activity")
                .write(
                    new WriteRequest("writeback:a-2:acme-ns", "Activity", null, escalation, null)))
        .isInstanceOf(WriteOutcome.Applied.class);
    assertThat(ns.store().all("task"))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.ref("transaction")).isEqualTo(invoiceId);
              assertThat(t.ref("company")).isEqualTo(customerId);
              assertThat(t.text("title")).isEqualTo("Call Acme about their overdue invoice");
            });
    assertThat(ns.store().count("note")).isEqualTo(2);

    // the invoice is deleted in NetSuite before the next write-back: the note goes on the customer
    ns.delete("invoice", Long.parseLong(invoiceId));
    ObjectNode late = notice.deepCopy().put("id", "a-3").put("type", "THANK_YOU_SENT");
    WriteOutcome onCustomer =
        connection
            .sink("Activity")
            .write(new WriteRequest("writeback:a-3:acme-ns", "Activity", null, late, null));
    assertThat(onCustomer).isInstanceOf(WriteOutcome.Applied.class);
    SandboxRecord kept =
        ns.store().get("note", ((WriteOutcome.Applied) onCustomer).hostId()).orElseThrow();
    assertThat(kept.ref("transaction")).isNull();
    assertThat(kept.ref("entity")).isEqualTo(customerId);
    assertThat(kept.text("note"))
        .startsWith("(Invoice " + invoiceId + " is no longer in NetSuite.)");
  }

  @Test
  void collectedMoneyIsAppliedToTheInvoiceOnceAndTheNextReadSeesTheNewBalance() {
    List<SourceRecord> first = new ArrayList<>();
    Watermark at = null;
    Page page;
    do {
      page = connection.source("invoice").readPage(at, 1000);
      first.addAll(page.records());
      at = page.next().value().isEmpty() ? at : page.next();
    } while (!page.records().isEmpty());
    SourceRecord open =
        first.stream()
            .filter(r -> r.raw().get("amountPaid").decimalValue().signum() == 0)
            .findFirst()
            .orElseThrow();
    BigDecimal balance = open.raw().get("amountRemaining").decimalValue();
    BigDecimal part = balance.subtract(new BigDecimal("10.00"));

    ObjectNode payment = JSON.createObjectNode();
    payment.putObject("customer").put("id", open.raw().at("/entity/id").asText());
    payment.put("tranDate", "2026-11-23");
    payment.put("memo", "Collected by Dunhub (card)");
    ObjectNode item = payment.putObject("apply").putArray("items").addObject();
    item.putObject("doc").put("id", open.hostId());
    item.put("apply", true);
    item.put("amount", part);
    WriteRequest write =
        new WriteRequest("pay-" + open.hostId(), "customerPayment", null, payment, null);
    assertThat(connection.sink("customerPayment").write(write))
        .isInstanceOf(WriteOutcome.Applied.class);
    assertThat(connection.sink("customerPayment").write(write))
        .isInstanceOf(WriteOutcome.AlreadyApplied.class);

    SandboxRecord invoice = ns.store().get("invoice", open.hostId()).orElseThrow();
    assertThat(invoice.fields().get("amountRemaining").decimalValue())
        .isEqualByComparingTo("10.00");

    clock.advance(Duration.ofSeconds(10)); // past the read lag
    List<SourceRecord> changed = connection.source("invoice").readPage(at, 1000).records();
    assertThat(changed).extracting(SourceRecord::hostId).containsExactly(open.hostId());
    assertThat(changed.get(0).raw().get("amountRemaining").decimalValue())
        .isEqualByComparingTo("10.00");
    assertThat(changed.get(0).raw().at("/status/refName").asText()).isEqualTo("Open");
  }

  @Test
  void refusalsCarryNetSuitesCodeAndFieldPath() {
    ObjectNode note = JSON.createObjectNode().put("note", "orphan");
    note.putObject("transaction").put("id", "999999");
    WriteOutcome outcome =
        connection.sink("note").write(new WriteRequest("orphan-1", "note", null, note, null));
    assertThat(outcome).isInstanceOf(WriteOutcome.Permanent.class);
    assertThat(((WriteOutcome.Permanent) outcome).reason())
        .contains("acme-ns")
        .contains("INVALID_KEY_OR_REF")
        .contains("(at transaction)")
        .contains("999999");

    SandboxRecord inv =
        ns.store().all("invoice").stream()
            .filter(r -> r.fields().get("amountRemaining").decimalValue().signum() > 0)
            .findFirst()
            .orElseThrow();
    ObjectNode payment = JSON.createObjectNode();
    payment.putObject("customer").put("id", inv.ref("entity"));
    ObjectNode item = payment.putObject("apply").putArray("items").addObject();
    item.putObject("doc").put("id", Long.toString(inv.id()));
    item.put("amount", inv.fields().get("amountRemaining").decimalValue().add(BigDecimal.ONE));
    WriteOutcome over =
        connection
            .sink("customerPayment")
            .write(new WriteRequest("over-1", "customerPayment", null, payment, null));
    assertThat(((WriteOutcome.Permanent) over).reason())
        .contains("INVALID_FLD_VALUE")
        .contains("(at apply.items[0].amount)");
    assertThat(ns.store().count("note")).isZero();
  }

  @Test
  void customerEmailAndPhoneUpdatesArePatched() {
    SandboxRecord customer = ns.store().all("customer").get(0);
    ObjectNode change =
        JSON.createObjectNode()
            .put("email", "billing@new.example")
            .put("phone", "+44 20 7946 0000");
    WriteOutcome outcome =
        connection
            .sink("customer")
            .write(
                new WriteRequest(
                    "contact-change-1", "customer", Long.toString(customer.id()), change, null));
    assertThat(outcome).isEqualTo(new WriteOutcome.Applied(Long.toString(customer.id()), null));
    SandboxRecord after = ns.store().get("customer", customer.id()).orElseThrow();
    assertThat(after.text("email")).isEqualTo("billing@new.example");
    assertThat(after.text("companyName")).isEqualTo(customer.text("companyName"));

    WriteOutcome bad =
        connection
            .sink("customer")
            .write(
                new WriteRequest(
                    "contact-change-2",
                    "customer",
                    Long.toString(customer.id()),
                    JSON.createObjectNode().put("email", "not-an-email"),
                    null));
    assertThat(((WriteOutcome.Permanent) bad).reason()).contains("(at email)");
  }

  @Test
  void tokenBasedAuthenticationSignsEveryCall() {
    Connection tba = open(TestCredentials.tba(ns, "legacy-ns"));
    assertThat(readAll(tba, "customer", 1000)).hasSize(ns.store().count("customer"));
    assertThat(ns.calls("token")).isZero();

    ConnectionSettings good = TestCredentials.tba(ns, "legacy-2");
    Map<String, io.dunhub.core.secret.Secret> secrets = new HashMap<>(good.secrets());
    secrets.put("tokenSecret", io.dunhub.core.secret.Secret.of("wrong"));
    CheckResult check =
        new NetSuiteConnector()
            .check(
                new ConnectionContext(
                    new ConnectionSettings("legacy-2", "netsuite", good.values(), secrets),
                    clock,
                    new InMemoryTokenStore(),
                    HTTP));
    assertThat(check.status()).isEqualTo(CheckResult.Status.AUTHENTICATION_FAILED);
    assertThat(check.message()).contains("INVALID_LOGIN").doesNotContain("wrong");
  }

  @Test
  void es256CertificatesWorkAndAnUnmappedCertificateFailsTheCheck() {
    ns.registerCertificate("ec-cert", "ec-client", TestCredentials.ecPublic());
    Map<String, String> values = new HashMap<>(TestCredentials.m2m(ns, "ec", Map.of()).values());
    values.put("clientId", "ec-client");
    values.put("certificateId", "ec-cert");
    values.put("algorithm", "ES256");
    ConnectionSettings ec =
        new ConnectionSettings(
            "ec",
            "netsuite",
            values,
            Map.of("privateKey", io.dunhub.core.secret.Secret.of(TestCredentials.ecPem())));
    CheckResult ok =
        new NetSuiteConnector()
            .check(new ConnectionContext(ec, clock, new InMemoryTokenStore(), HTTP));
    assertThat(ok.ok()).as(ok.message()).isTrue();
    assertThat(ok.message()).contains("1234567_SB1").contains("4 subsidiaries");

    values.put("certificateId", "never-uploaded");
    CheckResult refused =
        new NetSuiteConnector()
            .check(
                new ConnectionContext(
                    new ConnectionSettings("ec", "netsuite", values, ec.secrets()),
                    clock,
                    new InMemoryTokenStore(),
                    HTTP));
    assertThat(refused.status()).isEqualTo(CheckResult.Status.AUTHENTICATION_FAILED);
    assertThat(refused.message()).contains("invalid_client").contains("certificateId");
  }

  @Test
  void validationReportsEveryProblemAtOnce() {
    ConnectionSettings s =
        new ConnectionSettings(
            "x",
            "netsuite",
            Map.of(
                "account",
                "https://acme.app.netsuite.com",
                "algorithm",
                "RS256",
                "subsidiaries",
                "1,two",
                "timeZone",
                "Mars/Olympus"),
            Map.of(
                "privateKey",
                io.dunhub.core.secret.Secret.of(
                    "-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----")));
    List<String> keys =
        new NetSuiteConnector().validate(s).stream().map(p -> p.key()).collect(Collectors.toList());
    assertThat(keys)
        .contains(
            "account",
            "clientId",
            "certificateId",
            "algorithm",
            "subsidiaries",
            "timeZone",
            "privateKey");
  }

  @Test
  void workersSharingAnAccountStayUnderTheCapAndBackOffWhenNetSuiteSaysNo() throws Exception {
    ns.latency(Duration.ofMillis(40));
    ns.concurrencyLimit(3);
    java.time.Clock real = java.time.Clock.systemUTC();
    // two connections of one account, 8 workers: the shared cap of 3 keeps NetSuite happy
    List<Connection> conns =
        List.of(
            new NetSuiteConnector()
                .open(
                    new ConnectionContext(
                        TestCredentials.m2m(ns, "w1", Map.of("maxConcurrency", "3")),
                        real,
                        new InMemoryTokenStore(),
                        HTTP)),
            new NetSuiteConnector()
                .open(
                    new ConnectionContext(
                        TestCredentials.m2m(ns, "w2", Map.of("maxConcurrency", "3")),
                        real,
                        new InMemoryTokenStore(),
                        HTTP)));
    runWorkers(conns, 8);
    assertThat(ns.calls("rejected:429")).isZero();
    assertThat(ns.maxInFlight()).isLessThanOrEqualTo(3);

    // a cap set above the account's limit: NetSuite answers 429, the connector backs off, reads
    // finish
    ns.resetCalls();
    ns.concurrencyLimit(2);
    runWorkers(conns, 8);
    assertThat(ns.calls("rejected:429")).isPositive();
  }

  private void runWorkers(List<Connection> conns, int workers) throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(workers);
    try {
      List<java.util.concurrent.Future<Integer>> done = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        Connection c = conns.get(i % conns.size());
        done.add(pool.submit(() -> c.source("customer").readPage(null, 10).records().size()));
      }
      for (var f : done) {
        assertThat(f.get()).isEqualTo(10);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void readLagHoldsBackTheCurrentSecond() {
    Instant now = clock.instant();
    ObjectNode f = ns.store().all("customer").get(0).fields().deepCopy();
    ns.store().putAt("customer", 99_999, null, f, now);
    assertThat(readAll(connection, "customer", 1000))
        .extracting(SourceRecord::hostId)
        .doesNotContain("99999");
    clock.advance(Duration.ofSeconds(6));
    assertThat(readAll(connection, "customer", 1000))
        .extracting(SourceRecord::hostId)
        .contains("99999");
  }
}
