package io.dunhub.hub.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.dunhub.core.memory.InMemoryHost;
import io.dunhub.hub.dunning.cli.DunningRuntime;
import io.dunhub.hub.runtime.Hub;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.store.StoreSettings;
import io.dunhub.hub.sync.SyncEngine;
import io.dunhub.hub.sync.SyncReport;
import io.dunhub.hub.testing.TestPostgres;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hub end to end with a real QuickBooks connection against the QBO sandbox: the initial sync,
 * dunning notices by email written back as note Attachables on the invoices and customers, then
 * edits made inside QuickBooks (a payment applied, an invoice voided, a customer's email changed)
 * arriving with one CDC call, after which the paid invoice's case stops and the voided one stops
 * without a word; and a payment collected by another host (a payment processor) posted to
 * QuickBooks as a Payment applied to its invoice.
 */
class QuickBooksHubIT {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String PROCESSOR = "qbo-e2e-processor";

  @TempDir Path dir;
  private QuickBooksHubFixture qbo;
  private StoreSettings postgres;

  @AfterEach
  void stop() {
    if (qbo != null) {
      qbo.close();
    }
    InMemoryHost.remove(PROCESSOR);
    if (postgres != null) {
      TestPostgres.fromEnvironment().dropDatabase(postgres);
    }
  }

  @ParameterizedTest(name = "{0} store")
  @ValueSource(strings = {"embedded", "postgres"})
  void quickBooksEditsReachTheStoreAndStopDunningAndNoticesAreNotesInQuickBooks(String store)
      throws Exception {
    Clock clock = Clock.systemUTC();
    qbo = new QuickBooksHubFixture(clock);
    if (store.equals("postgres")) {
      TestPostgres pg = TestPostgres.fromEnvironment();
      String unreachable = pg.unreachableReason();
      if (pg.required()) {
        assertThat(unreachable).as("PostgreSQL is required").isNull();
      }
      assumeTrue(unreachable == null, unreachable);
      postgres = pg.createDatabase("qbo_e2e");
      qbo.postgres(postgres);
    }
    Instant created = clock.instant().minus(Duration.ofDays(2));
    LocalDate due = LocalDate.now(ZoneOffset.UTC).minusDays(10);
    String northwind = qbo.customer("Northwind Traders", "ap@northwind.example", created);
    String contoso = qbo.customer("Contoso Ltd", "billing@contoso.example", created);
    String paid = qbo.invoice(northwind, "INV-3001", "500.00", due, created);
    String voided = qbo.invoice(contoso, "INV-3002", "300.00", due, created.plusSeconds(1));
    String open = qbo.invoice(contoso, "INV-3003", "200.00", due, created.plusSeconds(2));
    qbo.realm.create("Payment", payment(contoso, open, "50.00"), created.plusSeconds(3));
    // a payment processor that knows Contoso and its invoice INV-3003 (matched by email, number)
    InMemoryHost processor = InMemoryHost.create(PROCESSOR, clock);
    processor.put("Party", "cus_1", party("Contoso Ltd", "billing@contoso.example"), created);
    processor.put("Invoice", "in_1", processorInvoice("cus_1", "INV-3003", due), created);
    Hub hub = qbo.start(config(), s -> !s.name().equals("scheduler"));
    SyncEngine engine = hub.get(SyncEngine.class);
    DunningRuntime dunning = hub.get(DunningRuntime.class);

    // initial sync: everything QuickBooks holds is in the store
    SyncReport initial = engine.syncConnection(QuickBooksHubFixture.CONNECTION);
    assertThat(initial.ok()).as(initial.toString()).isTrue();
    SyncReport processorSync = engine.syncConnection("processor");
    assertThat(processorSync.ok()).as(processorSync.toString()).isTrue();
    assertThat(qbo.stored("invoices", "INVOICE", paid, "open_balance"))
        .hasValueSatisfying(b -> assertThat(new BigDecimal(b)).isEqualByComparingTo("500"));
    assertThat(qbo.stored("invoices", "INVOICE", open, "open_balance"))
        .hasValueSatisfying(b -> assertThat(new BigDecimal(b)).isEqualByComparingTo("150"));

    // the sweep sends reminders; the relay mails them, then writes each back into QuickBooks
    dunning.sweep().run(200);
    dunning.relay().drain(50);
    dunning.relay().drain(50);
    assertThat(MAIL.getReceivedMessages()).isNotEmpty();
    List<String> mailed = recipients();
    assertThat(mailed).contains("ap@northwind.example", "billing@contoso.example");
    List<ObjectNode> notes = qbo.realm.all("Attachable");
    for (String[] invoiceAndCustomer :
        List.of(
            new String[] {paid, northwind},
            new String[] {voided, contoso},
            new String[] {open, contoso})) {
      assertThat(notes)
          .as("a note on invoice %s and its customer", invoiceAndCustomer[0])
          .anySatisfy(
              n -> {
                assertThat(n.path("Note").asText()).startsWith("Dunhub: notice sent by email");
                assertThat(refs(n))
                    .containsExactly(
                        "Invoice:" + invoiceAndCustomer[0], "Customer:" + invoiceAndCustomer[1]);
              });
    }
    int mailsBefore = MAIL.getReceivedMessages().length;

    // the processor collects INV-3003's balance; the hub will post it to QuickBooks
    ObjectNode collected = JsonNodeFactory.instance.objectNode();
    collected.put("partyId", "cus_1");
    collected.putObject("amount").put("amount", new BigDecimal("150.00")).put("currency", "USD");
    collected.put("date", LocalDate.now(ZoneOffset.UTC).toString());
    collected.put("method", "card");
    ObjectNode applied = collected.putArray("applications").addObject();
    applied.put("invoiceId", "in_1");
    applied.putObject("amount").put("amount", new BigDecimal("150.00")).put("currency", "USD");
    collected.put("result", "SUCCEEDED");
    collected.put("origin", "processor");
    processor.put("Payment", "py_1", collected);
    SyncReport fromProcessor = engine.syncConnection("processor");
    assertThat(fromProcessor.ok()).as(fromProcessor.toString()).isTrue();

    // people work in QuickBooks: a payment applied, an invoice voided, an email changed
    Instant now = clock.instant();
    qbo.realm.create("Payment", payment(northwind, paid, "500.00"), now);
    qbo.realm.voidByUser("Invoice", voided);
    qbo.realm.edit(
        "Customer",
        contoso,
        (ObjectNode)
            JsonNodeFactory.instance
                .objectNode()
                .set(
                    "PrimaryEmailAddr",
                    JsonNodeFactory.instance.objectNode().put("Address", "ar@contoso.example")),
        now);

    qbo.sandbox.resetCounts();
    SyncReport incremental = engine.syncConnection(QuickBooksHubFixture.CONNECTION);
    assertThat(incremental.ok()).as(incremental.toString()).isTrue();
    Map<String, Long> calls = qbo.sandbox.callCounts();
    assertThat(calls).as("one CDC call serves the three streams").containsEntry("cdc", 1L);
    assertThat(calls.keySet())
        .as("no query pages: only the payment write's reference look-up")
        .noneMatch(k -> k.startsWith("query:Invoice") || k.startsWith("query:Customer"))
        .doesNotContain("batch");

    assertThat(qbo.stored("invoices", "INVOICE", paid, "open_balance"))
        .hasValueSatisfying(b -> assertThat(new BigDecimal(b)).isZero());
    assertThat(qbo.stored("invoices", "INVOICE", voided, "status")).contains("VOID");
    assertThat(qbo.stored("parties", "PARTY", contoso, "data"))
        .hasValueSatisfying(d -> assertThat(d).contains("ar@contoso.example"));

    // the processor's payment was posted to QuickBooks, applied to INV-3003
    assertThat(calls).containsEntry("create:payment", 1L);
    List<ObjectNode> posted =
        qbo.realm.all("Payment").stream()
            .filter(p -> p.path("TotalAmt").decimalValue().compareTo(new BigDecimal("150")) == 0)
            .toList();
    assertThat(posted).hasSize(1);
    assertThat(posted.get(0).path("CustomerRef").path("value").asText()).isEqualTo(contoso);
    assertThat(posted.get(0).path("Line").get(0).path("LinkedTxn").get(0).path("TxnId").asText())
        .isEqualTo(open);
    assertThat(qbo.realm.get("Invoice", open).orElseThrow().path("Balance").decimalValue())
        .isZero();

    // the next incremental sync brings INV-3003's zero balance back: again one CDC call
    qbo.sandbox.resetCounts();
    SyncReport echo = engine.syncConnection(QuickBooksHubFixture.CONNECTION);
    assertThat(echo.ok()).as(echo.toString()).isTrue();
    assertThat(qbo.sandbox.callCounts()).containsEntry("cdc", 1L);
    assertThat(qbo.sandbox.callCounts().keySet())
        .noneMatch(k -> k.startsWith("query:Invoice") || k.startsWith("query:Customer"));
    assertThat(qbo.stored("invoices", "INVOICE", open, "open_balance"))
        .hasValueSatisfying(b -> assertThat(new BigDecimal(b)).isZero());
    assertThat(qbo.realm.count("Payment")).as("nothing posted twice").isEqualTo(3);

    dunning.sweep().run(200);
    dunning.relay().drain(50);
    assertThat(caseStatus(hub, qbo.canonicalId("INVOICE", paid))).startsWith("closed: paid");
    assertThat(caseStatus(hub, qbo.canonicalId("INVOICE", voided)))
        .isEqualTo("closed: invoice void");
    assertThat(caseStatus(hub, qbo.canonicalId("INVOICE", open))).startsWith("closed: paid");
    MimeMessage[] after = MAIL.getReceivedMessages();
    for (int i = mailsBefore; i < after.length; i++) {
      assertThat(GreenMailUtil.getWholeMessage(after[i]))
          .as("nothing more about the voided invoice")
          .doesNotContain("INV-3002");
    }
  }

  private static ObjectNode party(String name, String email) {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("name", name);
    p.put("email", email);
    return p;
  }

  private static ObjectNode processorInvoice(String party, String number, LocalDate due) {
    ObjectNode i = JsonNodeFactory.instance.objectNode();
    i.put("partyId", party);
    i.put("number", number);
    i.put("issueDate", due.minusDays(30).toString());
    i.put("dueDate", due.toString());
    i.putObject("total").put("amount", new BigDecimal("200.00")).put("currency", "USD");
    i.putObject("openBalance").put("amount", new BigDecimal("150.00")).put("currency", "USD");
    i.put("status", "OPEN");
    return i;
  }

  private static ObjectNode payment(String customer, String invoice, String amount) {
    ObjectNode payment = JsonNodeFactory.instance.objectNode();
    payment.putObject("CustomerRef").put("value", customer);
    payment.put("TotalAmt", new BigDecimal(amount));
    ObjectNode line = payment.putArray("Line").addObject();
    line.put("Amount", new BigDecimal(amount));
    line.putArray("LinkedTxn").addObject().put("TxnId", invoice).put("TxnType", "Invoice");
    return payment;
  }

  private Path config() throws Exception {
    Path policies = Files.createDirectories(dir.resolve("policies"));
    Files.writeString(
        policies.resolve("any-time.yaml"),
        """
        # one reminder three days after the due date, at any hour
        policy: any-time
        default: true
        days: calendar
        guards:
          window: "00:00-23:59"
          business_days_only: false
          max_contacts_per_7_days: 3
        steps:
          - at: due+3d
            action: notice
            channels: [email]
            template: overdue-reminder
            tone: 2
        """);
    return qbo.config(
        dir,
        """
          - name: processor
            type: memory
            settings:
              host: %s
            sync:
              schedule: every 1h
        """
            .formatted(PROCESSOR),
        """
        ownership:
          rules:
            - entity: invoice
              owner: books
              fields: "*"
        policies: policies
        channels:
          email:
            host: 127.0.0.1
            port: %d
            security: none
            from: ar@northwind-books.example
        """
            .formatted(MAIL.getSmtp().getPort()));
  }

  private static List<String> refs(JsonNode note) {
    List<String> out = new ArrayList<>();
    for (JsonNode r : note.path("AttachableRef")) {
      out.add(
          r.path("EntityRef").path("type").asText()
              + ":"
              + r.path("EntityRef").path("value").asText());
    }
    return out;
  }

  private static List<String> recipients() throws Exception {
    List<String> out = new ArrayList<>();
    for (MimeMessage m : MAIL.getReceivedMessages()) {
      out.add(((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress());
    }
    return out;
  }

  private static String caseStatus(Hub hub, String invoiceId) {
    return hub.get(Store.class)
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT last_status FROM dunning_cases WHERE invoice_id = :id")
                    .bind("id", invoiceId)
                    .mapTo(String.class)
                    .one());
  }
}
