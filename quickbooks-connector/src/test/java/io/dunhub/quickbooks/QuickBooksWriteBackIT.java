package io.dunhub.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.auth.InMemoryTokenStore;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.core.connector.WriteRequest;
import io.dunhub.core.testing.ManualClock;
import io.dunhub.quickbooks.sandbox.SandboxFault;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the hub writes into QuickBooks, against the sandbox on a settable clock: its activity and
 * payment write-backs, and {@code requestid} replays told apart from new writes.
 */
class QuickBooksWriteBackIT {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-10T15:00:00Z"));
  private final InMemoryTokenStore tokens = new InMemoryTokenStore();
  private QuickBooksSandboxFixture qbo;
  private Connection connection;

  @BeforeEach
  void start() {
    qbo = new QuickBooksSandboxFixture(clock);
    connection =
        new QuickBooksConnector()
            .open(
                new ConnectionContext(
                    qbo.connect("books", tokens, Map.of()), clock, tokens, new OkHttpClient()));
  }

  @AfterEach
  void stop() {
    connection.close();
    qbo.close();
  }

  @Test
  void aReplayedRequestIdIsReportedAlreadyAppliedNotAppliedAgain() {
    String invoice = qbo.invoice(Instant.parse("2026-02-01T10:00:00Z"), "300.00");
    WriteRequest note = note("notice-1:books", invoice, "Second reminder sent");

    WriteOutcome first = connection.sink("Attachable").write(note);
    clock.advance(Duration.ofMinutes(5)); // the outbox retries later, from another process
    WriteOutcome again = connection.sink("Attachable").write(note);

    assertThat(first).isInstanceOf(WriteOutcome.Applied.class);
    String id = ((WriteOutcome.Applied) first).hostId();
    assertThat(again)
        .as("QuickBooks answered the repeated requestid with the original reply")
        .isEqualTo(new WriteOutcome.AlreadyApplied(id));
    assertThat(qbo.sandbox.calls("replayed")).isEqualTo(1);
    assertThat(qbo.realm.count("Attachable")).isEqualTo(1);

    WriteOutcome other = connection.sink("Attachable").write(note("notice-2:books", invoice, "x"));
    assertThat(other).as("a new key is a new note").isInstanceOf(WriteOutcome.Applied.class);
  }

  @Test
  void aWriteWhoseAnswerWasLostIsAppliedOnceAndReportedApplied() {
    String invoice = qbo.invoice(Instant.parse("2026-02-01T10:00:00Z"), "300.00");
    qbo.sandbox.inject(SandboxFault.LOST_RESPONSE, 1, "create:attachable");

    WriteOutcome outcome = connection.sink("Attachable").write(note("n-lost", invoice, "x"));

    assertThat(outcome)
        .as("the retry inside this write got the replay of its own first attempt")
        .isInstanceOf(WriteOutcome.Applied.class);
    assertThat(qbo.realm.count("Attachable")).isEqualTo(1);
  }

  @Test
  void aRepeatedCustomerUpdateIsAlreadyApplied() {
    ObjectNode email = JSON.objectNode();
    email.putObject("PrimaryEmailAddr").put("Address", "billing@harbor-freight.example.com");
    WriteRequest update = new WriteRequest("contact-1", "Customer", qbo.customerId, email, null);

    WriteOutcome first = connection.sink("Customer").write(update);
    clock.advance(Duration.ofMinutes(1));
    WriteOutcome again = connection.sink("Customer").write(update);

    assertThat(first).isInstanceOf(WriteOutcome.Applied.class);
    assertThat(again).isEqualTo(new WriteOutcome.AlreadyApplied(qbo.customerId));
    assertThat(qbo.realm.get("Customer", qbo.customerId).orElseThrow().get("SyncToken").asText())
        .isEqualTo("1");
  }

  @Test
  void aBillingContactIsWrittenIntoTheCustomerItsPayloadNames() {
    ObjectNode contact = JSON.objectNode();
    contact.putObject("CustomerRef").put("value", qbo.customerId);
    contact.put("ContactRole", "ACCOUNTS_PAYABLE");
    contact.putObject("PrimaryEmailAddr").put("Address", "payables@harbor-freight.example.com");
    contact.putObject("PrimaryPhone").put("FreeFormNumber", "+1 805 555 0199");
    String name =
        qbo.realm.get("Customer", qbo.customerId).orElseThrow().path("DisplayName").asText();

    WriteOutcome first =
        connection
            .sink("CustomerContact")
            .write(new WriteRequest("contact-c1-v1", "CustomerContact", null, contact, null));

    JsonNode customer = qbo.realm.get("Customer", qbo.customerId).orElseThrow();
    assertThat(first)
        .as("the customer's id and SyncToken: the contact's link in QuickBooks")
        .isEqualTo(new WriteOutcome.Applied(qbo.customerId, customer.get("SyncToken").asText()));
    assertThat(customer.path("PrimaryEmailAddr").path("Address").asText())
        .isEqualTo("payables@harbor-freight.example.com");
    assertThat(customer.path("PrimaryPhone").path("FreeFormNumber").asText())
        .isEqualTo("+1 805 555 0199");
    assertThat(customer.has("ContactRole")).as("the role is for the mapping's filter").isFalse();
    assertThat(customer.path("DisplayName").asText()).as("a sparse update").isEqualTo(name);

    // the same values again (another key, a later sync): the customer already holds them
    String token = customer.get("SyncToken").asText();
    WriteOutcome again =
        connection
            .sink("CustomerContact")
            .write(
                new WriteRequest(
                    "contact-c1-v2", "CustomerContact", qbo.customerId, contact, null));
    assertThat(again).isEqualTo(new WriteOutcome.AlreadyApplied(qbo.customerId));
    assertThat(qbo.realm.get("Customer", qbo.customerId).orElseThrow().get("SyncToken").asText())
        .as("not updated again")
        .isEqualTo(token);
  }

  @Test
  void aContactWriteOnAStaleSyncTokenIsAppliedOnTheCurrentOne() {
    ObjectNode contact = JSON.objectNode();
    contact.putObject("CustomerRef").put("value", qbo.customerId);
    contact.putObject("PrimaryEmailAddr").put("Address", "first@harbor-freight.example.com");
    WriteOutcome first =
        connection
            .sink("CustomerContact")
            .write(new WriteRequest("c-v1", "CustomerContact", null, contact, null));
    String token = ((WriteOutcome.Applied) first).version();
    // someone edits the customer in QuickBooks meanwhile: the token the hub holds is stale
    qbo.realm.edit(
        "Customer",
        qbo.customerId,
        JSON.objectNode().put("Notes", "Pays by wire"),
        clock.instant().plusSeconds(1));
    clock.advance(Duration.ofMinutes(1));

    contact.putObject("PrimaryEmailAddr").put("Address", "second@harbor-freight.example.com");
    WriteOutcome second =
        connection
            .sink("CustomerContact")
            .write(new WriteRequest("c-v2", "CustomerContact", qbo.customerId, contact, token));

    assertThat(second).isInstanceOf(WriteOutcome.Applied.class);
    JsonNode customer = qbo.realm.get("Customer", qbo.customerId).orElseThrow();
    assertThat(customer.path("PrimaryEmailAddr").path("Address").asText())
        .isEqualTo("second@harbor-freight.example.com");
    assertThat(customer.path("Notes").asText()).isEqualTo("Pays by wire");
  }

  @Test
  void aContactWriteWithoutItsCustomerIsRefusedWithTheKey() {
    ObjectNode contact = JSON.objectNode();
    contact.putObject("PrimaryEmailAddr").put("Address", "x@harbor-freight.example.com");

    WriteOutcome outcome =
        connection
            .sink("CustomerContact")
            .write(new WriteRequest("contact-c9-v1", "CustomerContact", null, contact, null));

    assertThat(outcome).isInstanceOf(WriteOutcome.Permanent.class);
    assertThat(((WriteOutcome.Permanent) outcome).reason())
        .contains("CustomerRef.value")
        .contains("contact-c9-v1");
  }

  @Test
  void theHubsActivityWriteBackBecomesANoteOnTheInvoiceAndTheCustomer() {
    String invoice = qbo.invoice(Instant.parse("2026-02-01T10:00:00Z"), "300.00");
    ObjectNode activity = JSON.objectNode();
    activity.put("id", "a1");
    activity.put("type", "NOTICE_SENT");
    activity.put("at", "2026-03-10T14:00:00Z");
    activity.put("channel", "EMAIL");
    activity.put("recipient", "ap@harbor-freight.example.com");
    activity.put("subject", "Payment reminder: $300.00 overdue");
    activity.put("content", "Dear customer, invoice 1002 is overdue.");
    activity.put("invoiceHostId", invoice);
    activity.put("partyHostId", qbo.customerId);

    WriteOutcome outcome =
        connection
            .sink("Activity")
            .write(new WriteRequest("writeback:a1:books", "Activity", null, activity, null));

    assertThat(outcome).isInstanceOf(WriteOutcome.Applied.class);
    JsonNode note = qbo.realm.all("Attachable").get(0);
    assertThat(note.path("Note").asText())
        .startsWith(
            "Dunhub: notice sent by email to ap@harbor-freight.example.com on 2026-03-10 14:00 UTC"
                + " — Payment reminder: $300.00 overdue")
        .contains("invoice 1002 is overdue");
    assertThat(note.path("AttachableRef"))
        .extracting(
            r ->
                r.path("EntityRef").path("type").asText()
                    + ":"
                    + r.path("EntityRef").path("value").asText())
        .containsExactly("Invoice:" + invoice, "Customer:" + qbo.customerId);
  }

  @Test
  void aPaymentTheHubCollectedElsewhereIsAppliedToTheInvoice() {
    String invoice = qbo.invoice(Instant.parse("2026-02-01T10:00:00Z"), "300.00");
    ObjectNode payment = canonicalPayment("SUCCEEDED", invoice);

    WriteOutcome outcome =
        connection
            .sink("Payment")
            .write(new WriteRequest("writeback:pay1:books", "Payment", null, payment, null));

    assertThat(outcome).isInstanceOf(WriteOutcome.Applied.class);
    JsonNode posted = qbo.realm.all("Payment").get(0);
    assertThat(posted.path("TotalAmt").decimalValue()).isEqualByComparingTo("120.00");
    assertThat(posted.path("Line").get(0).path("LinkedTxn").get(0).path("TxnId").asText())
        .isEqualTo(invoice);
    assertThat(posted.path("TxnDate").asText()).isEqualTo("2026-03-09");
    assertThat(posted.path("PrivateNote").asText()).isEqualTo("Collected by Dunhub (card)");
    assertThat(qbo.realm.get("Invoice", invoice).orElseThrow().get("Balance").decimalValue())
        .isEqualByComparingTo("180.00");
  }

  @Test
  void aFailedPaymentBecomesANoteNotAPayment() {
    String invoice = qbo.invoice(Instant.parse("2026-02-01T10:00:00Z"), "300.00");

    WriteOutcome outcome =
        connection
            .sink("Payment")
            .write(
                new WriteRequest(
                    "writeback:pay2:books",
                    "Payment",
                    null,
                    canonicalPayment("FAILED", invoice),
                    null));

    assertThat(outcome.succeeded()).isTrue();
    assertThat(qbo.realm.count("Payment")).isZero();
    assertThat(qbo.realm.all("Attachable").get(0).path("Note").asText())
        .isEqualTo("Dunhub: payment of 120.00 USD failed on 2026-03-09: card declined");
    assertThat(qbo.realm.get("Invoice", invoice).orElseThrow().get("Balance").decimalValue())
        .isEqualByComparingTo("300.00");
  }

  private ObjectNode canonicalPayment(String result, String invoice) {
    ObjectNode p = JSON.objectNode();
    p.put("id", "pay");
    p.put("partyId", "party-1");
    p.putObject("amount").put("amount", new BigDecimal("120.00")).put("currency", "USD");
    p.put("date", "2026-03-09");
    p.put("method", "card");
    ObjectNode app = p.putArray("applications").addObject();
    app.put("invoiceId", "inv-1");
    app.putObject("amount").put("amount", new BigDecimal("120.00")).put("currency", "USD");
    p.put("result", result);
    if (result.equals("FAILED")) {
      p.put("failureReason", "card declined");
    }
    p.put("origin", "stripe");
    p.put("partyHostId", qbo.customerId);
    p.putArray("invoiceHostIds").add(invoice);
    return p;
  }

  private WriteRequest note(String key, String invoice, String text) {
    ObjectNode note = JSON.objectNode();
    note.put("Note", text);
    note.putArray("AttachableRef")
        .addObject()
        .putObject("EntityRef")
        .put("type", "Invoice")
        .put("value", invoice);
    return new WriteRequest(key, "Attachable", null, note, null);
  }
}
