package io.dunhub.quickbooks.bench;

import io.dunhub.core.auth.InMemoryTokenStore;
import io.dunhub.core.auth.OAuthToken;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.connector.Page;
import io.dunhub.core.connector.Watermark;
import io.dunhub.core.secret.Secret;
import io.dunhub.quickbooks.QuickBooksConnector;
import io.dunhub.quickbooks.QuickBooksSettings;
import io.dunhub.quickbooks.sandbox.QboSandbox;
import io.dunhub.quickbooks.sandbox.SandboxSeeder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Initial sync of 10,000 invoices, 2,000 customers and 5,000 payments from the QBO sandbox with 50
 * ms of latency per call: API calls made against the minimum (pages of 1,000) and wall time against
 * the floor the 10-concurrent-request limit sets. Run by hand:
 *
 * <pre>
 * ./mvnw -o -pl quickbooks-connector -am verify -Dtest=QuickBooksSyncBenchmark \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dquickbooks.excludedGroups=none -Dspotless.check.skip=true
 * </pre>
 *
 * (or run {@link #main} from the IDE). Figures go to standard output and to docs/quickbooks.md.
 */
@Tag("benchmark")
public class QuickBooksSyncBenchmark {

  static final int CUSTOMERS = 2_000;
  static final int INVOICES = 10_000;
  static final int PAYMENTS = 5_000;
  static final Duration LATENCY = Duration.ofMillis(50);
  static final String REALM = "4620816365178300000";

  @Test
  void initialSync() throws Exception {
    main(new String[0]);
  }

  public static void main(String[] args) throws Exception {
    Clock clock = Clock.systemUTC();
    try (QboSandbox sandbox = new QboSandbox(clock, "bench-client", "bench-secret").start()) {
      long seedStart = System.nanoTime();
      sandbox.createRealm(REALM, new SandboxSeeder.Spec(2026, CUSTOMERS, INVOICES, PAYMENTS));
      System.out.printf(
          "seeded %d customers, %d invoices, %d payments in %d ms%n",
          CUSTOMERS, INVOICES, PAYMENTS, (System.nanoTime() - seedStart) / 1_000_000);
      InMemoryTokenStore tokens = new InMemoryTokenStore();
      QboSandbox.Tokens issued = sandbox.connect(REALM);
      tokens.compareAndSet(
          "bench",
          0,
          new OAuthToken(
              Secret.of(issued.accessToken()),
              Secret.of(issued.refreshToken()),
              clock.instant().plus(Duration.ofHours(1))));
      ConnectionSettings settings =
          new ConnectionSettings(
              "bench",
              QuickBooksConnector.ID,
              Map.of(
                  QuickBooksSettings.REALM_ID,
                  REALM,
                  QuickBooksSettings.CLIENT_ID,
                  "bench-client",
                  QuickBooksSettings.BASE_URL,
                  "http://quickbooks.sandbox.invalid/v3/company",
                  QuickBooksSettings.PROXY_HOST,
                  sandbox.host(),
                  QuickBooksSettings.PROXY_PORT,
                  Integer.toString(sandbox.port()),
                  QuickBooksSettings.TOKEN_URL,
                  sandbox.tokenUrl()),
              Map.of(QuickBooksSettings.CLIENT_SECRET, Secret.of("bench-secret")));
      ConnectionContext context =
          new ConnectionContext(settings, clock, tokens, new OkHttpClient());
      // warm the SDK (JAXB contexts) outside the measurement, on a connection closed before the
      // count starts (closing waits for the page it fetched ahead), then count from zero
      try (Connection warm = new QuickBooksConnector().open(context)) {
        warm.source("Customer").readPage(null, 1);
      }
      sandbox.resetCounts();
      Connection connection = new QuickBooksConnector().open(context);
      sandbox.latency(LATENCY);

      long start = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(3);
      List<Future<Integer>> reads = new ArrayList<>();
      for (String stream : List.of("Invoice", "Customer", "Payment")) {
        reads.add(pool.submit(() -> readAll(connection, stream)));
      }
      int records = 0;
      for (Future<Integer> f : reads) {
        records += f.get();
      }
      long wallMs = (System.nanoTime() - start) / 1_000_000;
      pool.shutdown();

      long calls = sandbox.apiCalls();
      int dataPages = pages(INVOICES) + pages(CUSTOMERS) + pages(PAYMENTS);
      int withEnd = dataPages + 3;
      long floorMs = (long) Math.ceil(dataPages / 10.0) * LATENCY.toMillis();
      long sequentialFloorMs = (pages(INVOICES) + 1) * LATENCY.toMillis();
      System.out.printf("records read: %d%n", records);
      System.out.printf("calls by endpoint: %s%n", sandbox.callCounts());
      System.out.printf(
          "API calls: %d; minimum %d data pages (%.2fx); %d if each stream paid for an empty end"
              + " page (%.2fx)%n",
          calls, dataPages, calls / (double) dataPages, withEnd, calls / (double) withEnd);
      System.out.printf(
          "wall time: %d ms; floor with 10 concurrent requests %d ms; floor of keyset paging"
              + " (one stream's pages in sequence) %d ms; peak concurrency %d%n",
          wallMs, floorMs, sequentialFloorMs, sandbox.peakConcurrency(REALM));
      if (records != INVOICES + CUSTOMERS + PAYMENTS) {
        throw new AssertionError("read " + records + " records");
      }
      writes(sandbox, connection);
      connection.close();
    }
  }

  /** 300 activity notes and 300 collected payments, written in batches. */
  private static void writes(QboSandbox sandbox, Connection connection) {
    com.fasterxml.jackson.databind.node.JsonNodeFactory json =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    List<com.fasterxml.jackson.databind.JsonNode> open = new ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode inv : sandbox.realm(REALM).all("Invoice")) {
      if (inv.get("Balance").decimalValue().signum() > 0 && open.size() < 300) {
        open.add(inv);
      }
    }
    List<io.dunhub.core.connector.WriteRequest> notes = new ArrayList<>();
    List<io.dunhub.core.connector.WriteRequest> payments = new ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode inv : open) {
      String id = inv.get("Id").asText();
      com.fasterxml.jackson.databind.node.ObjectNode note = json.objectNode();
      note.put("Note", "Dunhub: second reminder for invoice " + inv.get("DocNumber").asText());
      note.putArray("AttachableRef")
          .addObject()
          .putObject("EntityRef")
          .put("type", "Invoice")
          .put("value", id);
      notes.add(
          new io.dunhub.core.connector.WriteRequest("note-" + id, "Attachable", null, note, null));
      com.fasterxml.jackson.databind.node.ObjectNode pay = json.objectNode();
      pay.set("CustomerRef", inv.get("CustomerRef").deepCopy());
      pay.put("TotalAmt", new java.math.BigDecimal("1.00"));
      com.fasterxml.jackson.databind.node.ObjectNode line = pay.putArray("Line").addObject();
      line.put("Amount", new java.math.BigDecimal("1.00"));
      line.putArray("LinkedTxn").addObject().put("TxnId", id).put("TxnType", "Invoice");
      payments.add(
          new io.dunhub.core.connector.WriteRequest("pay-" + id, "Payment", null, pay, null));
    }
    sandbox.resetCounts();
    long start = System.nanoTime();
    long ok =
        connection.sink("Attachable").writeBatch(notes).stream()
            .filter(io.dunhub.core.connector.WriteOutcome::succeeded)
            .count();
    long notesMs = (System.nanoTime() - start) / 1_000_000;
    long noteCalls = sandbox.apiCalls();
    sandbox.resetCounts();
    start = System.nanoTime();
    long paid =
        connection.sink("Payment").writeBatch(payments).stream()
            .filter(io.dunhub.core.connector.WriteOutcome::succeeded)
            .count();
    long paymentsMs = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "writes: %d/%d notes in %d calls (minimum %d batches of 30), %d ms; %d/%d payments in %d"
            + " calls %s (minimum %d batches; one reference look-up for up to 300 makes them"
            + " AlreadyApplied-safe), %d ms%n",
        ok,
        notes.size(),
        noteCalls,
        pages30(notes.size()),
        notesMs,
        paid,
        payments.size(),
        sandbox.apiCalls(),
        sandbox.callCounts(),
        pages30(payments.size()),
        paymentsMs);
  }

  private static int pages30(int n) {
    return (n + 29) / 30;
  }

  private static int pages(int n) {
    return (n + 999) / 1000;
  }

  private static int readAll(Connection connection, String stream) {
    Watermark at = null;
    int n = 0;
    while (true) {
      Page page = connection.source(stream).readPage(at, 1000);
      n += page.records().size();
      at = page.next();
      if (!page.hasMore()) {
        return n;
      }
    }
  }
}
