package io.dunhub.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.auth.InMemoryTokenStore;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.Page;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.core.connector.WriteRequest;
import io.dunhub.core.testing.ManualClock;
import io.dunhub.netsuite.sandbox.NetSuiteSandbox;
import io.dunhub.netsuite.sandbox.SandboxRecord;
import io.dunhub.netsuite.sandbox.SandboxSeed;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Money the hub collected in pounds or euros is written back into NetSuite in that currency: the
 * mapping names the currency by ISO code, the connector sends NetSuite's reference by internal id,
 * and NetSuite (the sandbox) refuses a payment whose currency is not its customer's.
 */
class ForeignCurrencyPaymentIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OkHttpClient HTTP = new OkHttpClient();

  private ManualClock clock;
  private NetSuiteSandbox ns;
  private Connection connection;

  @BeforeEach
  void start() {
    clock = ManualClock.at("2026-11-23T12:00:00Z");
    ns = NetSuiteSandbox.start("1234567_SB1", clock);
    SandboxSeed.demo(ns); // currencies 1 USD, 2 GBP, 3 CAD, 4 EUR; the UK subsidiary bills in GBP
    connection =
        new NetSuiteConnector()
            .open(
                new ConnectionContext(
                    TestCredentials.m2m(ns, "acme-ns", Map.of()),
                    clock,
                    new InMemoryTokenStore(),
                    HTTP));
  }

  @AfterEach
  void stop() {
    ns.close();
  }

  /** An open invoice in this currency (internal id) with nothing paid yet. */
  private SandboxRecord openInvoiceIn(String currencyId) {
    return ns.store().all("invoice").stream()
        .filter(r -> currencyId.equals(r.ref("currency")))
        .filter(r -> r.fields().get("amountPaid").decimalValue().signum() == 0)
        .filter(r -> r.fields().get("amountRemaining").decimalValue().signum() > 0)
        .findFirst()
        .orElseThrow();
  }

  /** A payment as the default outbound mapping writes it: the currency by its ISO code. */
  private static ObjectNode payment(SandboxRecord invoice, String code, BigDecimal amount) {
    ObjectNode p = JSON.createObjectNode();
    p.putObject("customer").put("id", invoice.ref("entity"));
    p.put("payment", amount);
    p.putObject("currency").put("refName", code);
    p.put("tranDate", "2026-11-23");
    ObjectNode item = p.putObject("apply").putArray("items").addObject();
    item.putObject("doc").put("id", Long.toString(invoice.id()));
    item.put("amount", amount);
    item.put("apply", true);
    return p;
  }

  private WriteOutcome write(String key, ObjectNode payload) {
    return connection
        .sink("customerPayment")
        .write(new WriteRequest(key, "customerPayment", null, payload, null));
  }

  @Test
  void aPoundPaymentLandsInPoundsAppliedToThePoundInvoice() {
    SandboxRecord invoice = openInvoiceIn("2");
    BigDecimal balance = invoice.fields().get("amountRemaining").decimalValue();
    BigDecimal paid = balance.subtract(new BigDecimal("5.00"));

    WriteOutcome outcome = write("gbp-1", payment(invoice, "GBP", paid));

    assertThat(outcome).isInstanceOf(WriteOutcome.Applied.class);
    SandboxRecord written =
        ns.store().get("customerPayment", ((WriteOutcome.Applied) outcome).hostId()).orElseThrow();
    assertThat(written.ref("currency")).isEqualTo("2");
    assertThat(written.fields().get("payment").decimalValue()).isEqualByComparingTo(paid);
    SandboxRecord after = ns.store().get("invoice", Long.toString(invoice.id())).orElseThrow();
    assertThat(after.fields().get("amountRemaining").decimalValue()).isEqualByComparingTo("5.00");

    // read back through the connector, the payment says GBP and which invoice it paid
    clock.advance(Duration.ofSeconds(10));
    Page page = connection.source("customerPayment").readPage(null, 1000);
    SourceRecord read =
        page.records().stream()
            .filter(r -> r.hostId().equals(written.id() + ""))
            .findFirst()
            .orElseThrow();
    assertThat(read.raw().at("/currency/refName").asText()).isEqualTo("GBP");
    assertThat(read.raw().at("/apply/items/0/doc/id").asText()).isEqualTo(invoice.id() + "");
  }

  @Test
  void theCurrencyTableIsReadOncePerConnection() {
    long before = ns.calls("suiteql");

    write("gbp-a", payment(openInvoiceIn("2"), "GBP", new BigDecimal("1.00")));
    write("eur-b", payment(openInvoiceIn("4"), "eur", new BigDecimal("1.00")));
    write("gbp-c", payment(openInvoiceIn("2"), "GBP", new BigDecimal("1.00")));

    assertThat(ns.calls("suiteql") - before).isEqualTo(1);
    assertThat(ns.store().all("customerPayment").stream().filter(p -> p.externalId() != null))
        .extracting(p -> p.ref("currency"))
        .containsExactlyInAnyOrder("2", "4", "2");
  }

  @Test
  void aCodeTheAccountDoesNotHaveIsRefusedNamingTheConnectionAndTheRecord() {
    SandboxRecord invoice = openInvoiceIn("2");

    WriteOutcome outcome = write("chf-1", payment(invoice, "CHF", BigDecimal.ONE));

    assertThat(outcome).isInstanceOf(WriteOutcome.Permanent.class);
    assertThat(((WriteOutcome.Permanent) outcome).reason())
        .contains("acme-ns")
        .contains("customerPayment eid:chf-1")
        .contains("no currency CHF")
        .contains("EUR, GBP");
    assertThat(ns.store().all("customerPayment").stream().filter(p -> p.externalId() != null))
        .isEmpty();
  }

  @Test
  void netSuiteRefusesAPaymentInAnotherCurrencyThanItsCustomers() {
    SandboxRecord invoice = openInvoiceIn("2");
    BigDecimal before = invoice.fields().get("amountRemaining").decimalValue();

    WriteOutcome outcome = write("eur-on-gbp", payment(invoice, "EUR", BigDecimal.ONE));

    assertThat(outcome).isInstanceOf(WriteOutcome.Permanent.class);
    assertThat(((WriteOutcome.Permanent) outcome).reason())
        .contains("INVALID_KEY_OR_REF")
        .contains("Invalid currency reference key 4 for customer " + invoice.ref("entity"))
        .contains("(at currency)");
    assertThat(
            ns.store()
                .get("invoice", Long.toString(invoice.id()))
                .orElseThrow()
                .fields()
                .get("amountRemaining")
                .decimalValue())
        .isEqualByComparingTo(before);
  }

  @Test
  void aPaymentWithoutCurrencyTakesItsCustomersAndIsRefusedWhenTheCustomerHasNone() {
    SandboxRecord invoice = openInvoiceIn("4");
    ObjectNode p = payment(invoice, "EUR", BigDecimal.ONE);
    p.remove("currency");
    WriteOutcome defaulted = write("no-currency", p);
    assertThat(defaulted).isInstanceOf(WriteOutcome.Applied.class);
    assertThat(
            ns.store()
                .get("customerPayment", ((WriteOutcome.Applied) defaulted).hostId())
                .orElseThrow()
                .ref("currency"))
        .isEqualTo("4");

    ObjectNode bare = JSON.createObjectNode().put("companyName", "No Currency Ltd");
    bare.putObject("subsidiary").put("id", "2");
    SandboxRecord customer = ns.create("customer", bare);
    ObjectNode orphan = payment(invoice, "GBP", BigDecimal.ONE);
    orphan.putObject("customer").put("id", Long.toString(customer.id()));
    orphan.remove("currency");
    WriteOutcome refused = write("no-currency-2", orphan);
    assertThat(((WriteOutcome.Permanent) refused).reason())
        .contains("USER_ERROR")
        .contains("Please enter value(s) for: currency.");
  }
}
