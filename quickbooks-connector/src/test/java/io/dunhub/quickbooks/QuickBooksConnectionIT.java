package io.dunhub.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.auth.InMemoryTokenStore;
import io.dunhub.core.auth.StoredToken;
import io.dunhub.core.connector.AuthenticationException;
import io.dunhub.core.connector.CheckResult;
import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.connector.Page;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.core.connector.WriteRequest;
import io.dunhub.quickbooks.sandbox.QboSandbox;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The connector's reads, writes and authorization against the QBO sandbox. */
class QuickBooksConnectionIT {

  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private final Clock clock = Clock.systemUTC();
  private final InMemoryTokenStore tokens = new InMemoryTokenStore();
  private QuickBooksSandboxFixture qbo;
  private String name;

  @BeforeEach
  void start() {
    qbo = new QuickBooksSandboxFixture(clock);
    name = "qbo-it-" + NAMES.incrementAndGet();
  }

  @AfterEach
  void stop() {
    qbo.close();
  }

  private Connection open(Map<String, String> extra) {
    ConnectionSettings settings = qbo.connect(name, tokens, extra);
    return new QuickBooksConnector()
        .open(new ConnectionContext(settings, clock, tokens, new OkHttpClient()));
  }

  @Test
  void invoiceRecordsCarryQboJsonForTheMapping() {
    String id = qbo.invoice(Instant.parse("2026-02-01T10:00:00Z"), "1250.50");
    Page page = open(Map.of()).source("Invoice").readPage(null, 100);

    SourceRecord record = page.records().get(0);
    assertThat(record.hostId()).isEqualTo(id);
    assertThat(record.hostVersion()).isEqualTo("0");
    assertThat(record.lastModified()).isEqualTo(Instant.parse("2026-02-01T10:00:00Z"));
    JsonNode raw = record.raw();
    assertThat(raw.path("CustomerRef").path("value").asText()).isEqualTo(qbo.customerId);
    assertThat(raw.path("BillEmail").path("Address").asText())
        .isEqualTo("ap@harbor-freight.example.com");
    assertThat(raw.path("Balance").decimalValue()).isEqualByComparingTo("1250.50");
    assertThat(raw.path("Line").get(0).path("Amount").toString())
        .as("amounts in plain notation")
        .isEqualTo("1250.5");
    assertThat(raw.path("TotalAmt").decimalValue()).isEqualByComparingTo("1250.50");
    assertThat(raw.path("DueDate").asText()).isEqualTo("2026-03-01");
    assertThat(raw.path("CurrencyRef").path("value").asText()).isEqualTo("USD");
  }

  @Test
  void caughtUpStreamsShareOneCdcCallThatAlsoReportsDeletions() {
    // CDC reaches back 30 days: this company changed within the last hours
    Instant earlier = clock.instant().minus(Duration.ofHours(3));
    qbo.realm.edit(
        "Customer", qbo.customerId, JSON.objectNode().put("Notes", "new terms"), earlier);
    String invoice = qbo.invoice(earlier, "300.00");
    ObjectNode payment = JSON.objectNode();
    payment.putObject("CustomerRef").put("value", qbo.customerId);
    payment.put("TotalAmt", new BigDecimal("25.00"));
    String paymentId =
        qbo.realm.create("Payment", payment, earlier.plusSeconds(60)).get("Id").asText();
    Connection connection = open(Map.of());
    Map<String, io.dunhub.core.connector.Watermark> marks = new java.util.HashMap<>();
    for (String stream : List.of("Customer", "Invoice", "Payment")) {
      Page page = connection.source(stream).readPage(null, 1000);
      assertThat(page.hasMore()).isFalse();
      marks.put(stream, page.next());
    }
    assertThat(qbo.sandbox.calls("cdc")).isZero();

    Instant now = clock.instant();
    qbo.realm.edit("Invoice", invoice, JSON.objectNode().put("PrivateNote", "disputed"), now);
    qbo.realm.edit("Customer", qbo.customerId, JSON.objectNode().put("Notes", "vip"), now);
    qbo.realm.remove("Payment", paymentId);

    Map<String, List<SourceRecord>> changes = new java.util.HashMap<>();
    for (String stream : List.of("Invoice", "Customer", "Payment")) {
      changes.put(stream, connection.source(stream).readPage(marks.get(stream), 1000).records());
    }
    assertThat(qbo.sandbox.calls("cdc")).as("one CDC call for all three streams").isEqualTo(1);
    assertThat(changes.get("Invoice")).extracting(SourceRecord::hostId).containsExactly(invoice);
    assertThat(changes.get("Customer"))
        .extracting(SourceRecord::hostId)
        .containsExactly(qbo.customerId);
    assertThat(changes.get("Payment")).hasSize(1);
    assertThat(changes.get("Payment").get(0).hostId()).isEqualTo(paymentId);
    assertThat(changes.get("Payment").get(0).deleted()).isTrue();
  }

  @Test
  void customerBillingEmailIsASparseUpdateAndAStaleTokenIsReReadOnce() {
    Connection connection = open(Map.of());
    // someone edits the customer in QuickBooks after Dunhub read version 0
    qbo.realm.edit(
        "Customer", qbo.customerId, JSON.objectNode().put("Notes", "called"), clock.instant());
    ObjectNode payload = JSON.objectNode();
    payload.putObject("PrimaryEmailAddr").put("Address", "billing@harbor-freight.example.com");
    payload.putObject("PrimaryPhone").put("FreeFormNumber", "(555) 010-7788");

    WriteOutcome outcome =
        connection
            .sink("Customer")
            .write(new WriteRequest("contact-1", "Customer", qbo.customerId, payload, "0"));

    assertThat(outcome).isEqualTo(new WriteOutcome.Applied(qbo.customerId, "2"));
    JsonNode customer = qbo.realm.get("Customer", qbo.customerId).orElseThrow();
    assertThat(customer.path("PrimaryEmailAddr").path("Address").asText())
        .isEqualTo("billing@harbor-freight.example.com");
    assertThat(customer.path("DisplayName").asText()).isEqualTo("Harbor Freight Co");
    assertThat(customer.path("Notes").asText()).as("the other edit survives").isEqualTo("called");
    assertThat(qbo.sandbox.calls("update:customer")).as("stale, then applied").isEqualTo(2);

    WriteOutcome refused =
        connection
            .sink("Customer")
            .write(
                new WriteRequest(
                    "contact-2",
                    "Customer",
                    qbo.customerId,
                    JSON.objectNode().put("DisplayName", "Renamed"),
                    null));
    assertThat(refused).isInstanceOf(WriteOutcome.Permanent.class);
    assertThat(((WriteOutcome.Permanent) refused).reason()).contains("billing contact fields");
  }

  @Test
  void aCollectedPaymentLowersTheInvoiceBalanceOnce() {
    String invoice = qbo.invoice(Instant.parse("2026-02-01T10:00:00Z"), "300.00");
    ObjectNode payload = JSON.objectNode();
    payload.putObject("CustomerRef").put("value", qbo.customerId);
    payload.put("TotalAmt", new BigDecimal("120.00"));
    ObjectNode line = payload.putArray("Line").addObject();
    line.put("Amount", new BigDecimal("120.00"));
    line.putArray("LinkedTxn").addObject().put("TxnId", invoice).put("TxnType", "Invoice");
    WriteRequest request = new WriteRequest("pay-77", "Payment", null, payload, null);
    Connection connection = open(Map.of());

    WriteOutcome first = connection.sink("Payment").write(request);
    WriteOutcome again = connection.sink("Payment").write(request);

    assertThat(first).isInstanceOf(WriteOutcome.Applied.class);
    assertThat(again)
        .isEqualTo(new WriteOutcome.AlreadyApplied(((WriteOutcome.Applied) first).hostId()));
    assertThat(qbo.realm.get("Invoice", invoice).orElseThrow().get("Balance").decimalValue())
        .isEqualByComparingTo("180.00");
  }

  @Test
  void activityNotesGoThirtyToABatchLinkedToInvoiceAndCustomer() {
    String invoice = qbo.invoice(Instant.parse("2026-02-01T10:00:00Z"), "300.00");
    List<WriteRequest> notes = new ArrayList<>();
    for (int i = 0; i < 35; i++) {
      ObjectNode note = JSON.objectNode();
      note.put("Note", "Reminder " + i + " sent by email to ap@harbor-freight.example.com");
      note.putArray("AttachableRef")
          .add(ref("Invoice", invoice))
          .add(ref("Customer", qbo.customerId));
      notes.add(new WriteRequest("note-" + i, "Attachable", null, note, null));
    }

    List<WriteOutcome> outcomes = open(Map.of()).sink("Attachable").writeBatch(notes);

    assertThat(outcomes).allMatch(WriteOutcome::succeeded);
    assertThat(qbo.sandbox.calls("batch")).isEqualTo(2);
    assertThat(qbo.realm.count("Attachable")).isEqualTo(35);
    JsonNode first = qbo.realm.all("Attachable").get(0);
    assertThat(first.path("AttachableRef"))
        .extracting(r -> r.path("EntityRef").path("type").asText())
        .containsExactly("Invoice", "Customer");
    assertThat(qbo.realm.get("Invoice", invoice).orElseThrow().get("SyncToken").asText())
        .as("notes leave the invoice alone")
        .isEqualTo("0");
  }

  @Test
  void quickBooksSendsTheInvoiceWhenAsked() {
    String invoice = qbo.invoice(Instant.parse("2026-02-01T10:00:00Z"), "300.00");
    WriteOutcome outcome =
        open(Map.of())
            .sink("InvoiceEmail")
            .write(new WriteRequest("send-1", "InvoiceEmail", invoice, JSON.objectNode(), null));
    assertThat(outcome.succeeded()).isTrue();
    assertThat(qbo.realm.get("Invoice", invoice).orElseThrow().get("EmailStatus").asText())
        .isEqualTo("EmailSent");
  }

  @Test
  void privateNoteIsOffByDefaultAndAppendsOnceWhenOn() {
    String invoice = qbo.invoice(Instant.parse("2026-02-01T10:00:00Z"), "300.00");
    assertThatThrownBy(() -> open(Map.of()).sink("InvoicePrivateNote"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("privateNote.enabled");

    Connection on = open(Map.of(QuickBooksSettings.PRIVATE_NOTE, "true"));
    WriteRequest line =
        new WriteRequest(
            "pn-1",
            "InvoicePrivateNote",
            invoice,
            JSON.objectNode().put("PrivateNote", "2026-03-01 first reminder emailed"),
            null);
    assertThat(on.sink("InvoicePrivateNote").write(line)).isInstanceOf(WriteOutcome.Applied.class);
    assertThat(on.sink("InvoicePrivateNote").write(line))
        .isEqualTo(new WriteOutcome.AlreadyApplied(invoice));
    JsonNode after = qbo.realm.get("Invoice", invoice).orElseThrow();
    assertThat(after.get("PrivateNote").asText())
        .startsWith("2026-03-01 first reminder emailed [dh:");
    assertThat(after.get("Balance").decimalValue()).isEqualByComparingTo("300.00");
    assertThat(after.get("Line")).as("a sparse update keeps the lines").hasSize(2);
  }

  @Test
  void aRevokedRealmAsksAPersonToReconnect() {
    Connection connection = open(Map.of());
    qbo.sandbox.revoke(QuickBooksSandboxFixture.REALM);

    assertThatThrownBy(() -> connection.source("Invoice").readPage(null, 10))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("Reconnect QuickBooks")
        .hasMessageContaining(name);
    CheckResult check =
        new QuickBooksConnector()
            .check(
                new ConnectionContext(
                    qbo.connect(name + "-x", tokens, Map.of()), clock, tokens, new OkHttpClient()));
    assertThat(check.ok()).as("a freshly connected check works").isTrue();
  }

  @Test
  void manyWorkersHittingAnExpiredTokenRefreshItOnce() throws Exception {
    Connection connection = open(Map.of());
    qbo.invoice(Instant.parse("2026-02-01T10:00:00Z"), "10.00");
    long versionBefore = tokens.load(name).orElseThrow().version();
    qbo.sandbox.expireAccessTokens(QuickBooksSandboxFixture.REALM);

    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Page>> reads = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      reads.add(pool.submit(() -> connection.source("Invoice").readPage(null, 10)));
    }
    for (Future<Page> f : reads) {
      assertThat(f.get().records()).hasSize(1);
    }
    pool.shutdown();

    assertThat(qbo.sandbox.refreshCount()).isEqualTo(1);
    StoredToken stored = tokens.load(name).orElseThrow();
    assertThat(stored.version()).isEqualTo(versionBefore + 1);
  }

  @Test
  void aTokenAnotherHubProcessAlreadyRefreshedIsUsedNotRefreshedAgain() {
    Connection connection = open(Map.of());
    qbo.invoice(Instant.parse("2026-02-01T10:00:00Z"), "10.00");
    connection.source("Invoice").readPage(null, 10);
    // another hub process refreshes first and stores the rotated token (version-checked)
    StoredToken mine = tokens.load(name).orElseThrow();
    qbo.sandbox.expireAccessTokens(QuickBooksSandboxFixture.REALM);
    QboSandbox.Tokens theirs = qbo.sandbox.connect(QuickBooksSandboxFixture.REALM);
    assertThat(
            tokens.compareAndSet(
                name,
                mine.version(),
                new io.dunhub.core.auth.OAuthToken(
                    io.dunhub.core.secret.Secret.of(theirs.accessToken()),
                    io.dunhub.core.secret.Secret.of(theirs.refreshToken()),
                    clock.instant().plus(Duration.ofHours(1)))))
        .isTrue();
    int refreshes = qbo.sandbox.refreshCount();

    assertThat(connection.source("Invoice").readPage(null, 10).records()).hasSize(1);
    assertThat(qbo.sandbox.refreshCount()).as("no second refresh").isEqualTo(refreshes);
  }

  @Test
  void neverMoreThanTenRequestsInFlightPerRealm() throws Exception {
    Connection connection = open(Map.of());
    qbo.invoice(Instant.parse("2026-02-01T10:00:00Z"), "10.00");
    connection.source("Invoice").readPage(null, 10);
    qbo.sandbox.latency(Duration.ofMillis(40));
    ExecutorService pool = Executors.newFixedThreadPool(24);
    List<Callable<Page>> reads = new ArrayList<>();
    for (int i = 0; i < 48; i++) {
      reads.add(() -> connection.source("Invoice").readPage(null, 10));
    }
    for (Future<Page> f : pool.invokeAll(reads)) {
      assertThat(f.get().records()).hasSize(1);
    }
    pool.shutdown();
    assertThat(qbo.sandbox.peakConcurrency(QuickBooksSandboxFixture.REALM)).isLessThanOrEqualTo(10);
    assertThat(qbo.sandbox.apiCalls())
        .as("no call was refused (429) and retried: one (page and count) call per read")
        .isEqualTo(49);
  }

  @Test
  void noTokenReachesTheLogsEvenAtDebug() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level before = root.getLevel();
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    root.setLevel(Level.DEBUG);
    List<String> secrets = new ArrayList<>();
    try {
      Connection connection = open(Map.of());
      StoredToken first = tokens.load(name).orElseThrow();
      secrets.add(first.token().accessToken().reveal());
      secrets.add(first.token().refreshToken().reveal());
      qbo.invoice(Instant.parse("2026-02-01T10:00:00Z"), "10.00");
      connection.source("Invoice").readPage(null, 10);
      qbo.sandbox.expireAccessTokens(QuickBooksSandboxFixture.REALM);
      connection.source("Invoice").readPage(null, 10);
      StoredToken second = tokens.load(name).orElseThrow();
      secrets.add(second.token().accessToken().reveal());
      secrets.add(second.token().refreshToken().reveal());
      qbo.sandbox.revoke(QuickBooksSandboxFixture.REALM);
      assertThatThrownBy(() -> connection.source("Invoice").readPage(null, 10))
          .isInstanceOf(AuthenticationException.class);
    } finally {
      root.setLevel(before);
      root.detachAppender(logs);
    }
    assertThat(logs.list).as("DEBUG logging was on").isNotEmpty();
    StringBuilder all = new StringBuilder();
    for (ILoggingEvent e : logs.list) {
      all.append(e.getFormattedMessage()).append('\n');
      if (e.getThrowableProxy() != null) {
        all.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
      }
    }
    for (String secret : secrets) {
      assertThat(all.toString()).doesNotContain(secret);
    }
  }

  private static ObjectNode ref(String type, String id) {
    ObjectNode ref = JSON.objectNode();
    ref.putObject("EntityRef").put("type", type).put("value", id);
    return ref;
  }
}
