package io.dunhub.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.mapping.Mapping;
import io.dunhub.core.mapping.MappingResult;
import io.dunhub.core.mapping.MappingSet;
import io.dunhub.core.model.Contact;
import io.dunhub.core.model.ContactRole;
import io.dunhub.core.model.EntityType;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.InvoiceStatus;
import io.dunhub.core.model.Money;
import io.dunhub.core.model.Party;
import io.dunhub.core.model.Payment;
import io.dunhub.core.model.PaymentApplication;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Host records shaped like each host's API replies, mapped by the shipped defaults. */
class SampleRecordsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static MappingSet defaults;

  @BeforeAll
  static void load() {
    defaults = DefaultMappings.load();
  }

  @Test
  void salesforceBillingInvoiceBecomesAnInvoiceInItsCurrency() throws IOException {
    MapLookups lookups =
        new MapLookups().link(EntityType.PARTY, "sf", "Account", "0015e00000AbCdEAAV", "party-7");

    Invoice invoice = (Invoice) mapped("salesforce", "blng__Invoice__c", lookups);

    assertThat(invoice.partyId()).isEqualTo("party-7");
    assertThat(invoice.number()).isEqualTo("INV-000142");
    assertThat(invoice.issueDate()).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(invoice.dueDate()).isEqualTo(LocalDate.of(2026, 10, 31));
    assertThat(invoice.total()).isEqualTo(Money.of("1250.50", "EUR"));
    assertThat(invoice.openBalance()).isEqualTo(Money.of("750.25", "EUR"));
    assertThat(invoice.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
  }

  @Test
  void aDraftSalesforceInvoiceIsSkippedByTheFilter() throws IOException {
    ObjectNode raw = sample("salesforce", "blng__Invoice__c");
    raw.put("blng__InvoiceStatus__c", "Draft");

    MappingResult result =
        mapping("salesforce", "blng__Invoice__c").toCanonical(record(raw), "sf", new MapLookups());

    assertThat(result).isInstanceOf(MappingResult.Skipped.class);
    assertThat(((MappingResult.Skipped) result).reason()).contains("blng__InvoiceStatus__c");
  }

  @Test
  void anInvoiceWhoseAccountIsNotSyncedYetFailsWithTheRuleAndTheValue() throws IOException {
    MappingResult result =
        mapping("salesforce", "blng__Invoice__c")
            .toCanonical(record(sample("salesforce", "blng__Invoice__c")), "sf", new MapLookups());

    assertThat(result).isInstanceOf(MappingResult.Failed.class);
    MappingResult.Failed failed = (MappingResult.Failed) result;
    assertThat(failed.rule()).startsWith("invoice.partyId (salesforce/blng__Invoice__c.yaml:");
    assertThat(failed.value()).isEqualTo("0015e00000AbCdEAAV");
    assertThat(failed.reason()).contains("no party synced yet for Account");
  }

  @Test
  void salesforceContactReadsItsRoleThroughACaseInsensitiveValueMap() throws IOException {
    MapLookups lookups =
        new MapLookups().link(EntityType.PARTY, "sf", "Account", "0015e00000AbCdEAAV", "party-7");

    Contact contact = (Contact) mapped("salesforce", "Contact", lookups);

    assertThat(contact.partyId()).isEqualTo("party-7");
    assertThat(contact.displayName()).isEqualTo("Ada Okafor");
    assertThat(contact.role()).isEqualTo(ContactRole.ACCOUNTS_PAYABLE);
    assertThat(contact.consent()).isTrue();
  }

  @Test
  void quickBooksPaymentAppliesOnlyItsInvoiceLines() throws IOException {
    MapLookups lookups =
        new MapLookups()
            .link(EntityType.PARTY, "qbo", "Customer", "58", "party-58")
            .link(EntityType.INVOICE, "qbo", "Invoice", "130", "inv-130")
            .link(EntityType.INVOICE, "qbo", "Invoice", "131", "inv-131");

    Payment payment = (Payment) mapped("quickbooks", "Payment", "qbo", lookups);

    assertThat(payment.amount()).isEqualTo(Money.of("300.00", "USD"));
    assertThat(payment.date()).isEqualTo(LocalDate.of(2026, 10, 20));
    assertThat(payment.applications())
        .containsExactly(
            new PaymentApplication("inv-130", Money.of("200.00", "USD")),
            new PaymentApplication("inv-131", Money.of("100.00", "USD")));
    assertThat(payment.origin()).isEqualTo("quickbooks");
  }

  @Test
  void quickBooksPaymentIsWrittenBackWithLinkedInvoiceLines() throws IOException {
    MapLookups lookups =
        new MapLookups()
            .link(EntityType.PARTY, "qbo", "Customer", "58", "party-58")
            .link(EntityType.INVOICE, "qbo", "Invoice", "130", "inv-130");
    Payment collected =
        new Payment(
            null,
            "party-58",
            Money.of("120.00", "USD"),
            LocalDate.of(2026, 11, 2),
            "card",
            java.util.List.of(new PaymentApplication("inv-130", Money.of("120.00", "USD"))),
            null,
            null,
            "hub");

    ObjectNode payload = mapping("quickbooks", "Payment").toHost(collected, "qbo", lookups);

    assertThat(payload.toString())
        .isEqualTo(
            "{\"CustomerRef\":{\"value\":\"58\"},\"CurrencyRef\":{\"value\":\"USD\"},\"TotalAmt\":120.00,\"TxnDate\":\"2026-11-02\","
                + "\"Line\":[{\"LinkedTxn\":[{\"TxnId\":\"130\",\"TxnType\":\"Invoice\"}],"
                + "\"Amount\":120.00}]}");
  }

  @Test
  void aBillingContactIsWrittenAsItsQuickBooksCustomersPrimaryEmailAndPhone() {
    MapLookups lookups = new MapLookups().link(EntityType.PARTY, "qbo", "Customer", "58", "p-58");
    Contact ap =
        new Contact(
            "c-1",
            "p-58",
            "Ana",
            "Alvarez",
            "payables@acme.example",
            "+1 415 555 0101",
            ContactRole.ACCOUNTS_PAYABLE,
            null,
            null,
            true);
    Mapping mapping = mapping("quickbooks", "CustomerContact");

    ObjectNode payload = mapping.toHost(ap, "qbo", lookups);

    assertThat(payload.toString())
        .isEqualTo(
            "{\"CustomerRef\":{\"value\":\"58\"},\"ContactRole\":\"ACCOUNTS_PAYABLE\","
                + "\"PrimaryEmailAddr\":{\"Address\":\"payables@acme.example\"},"
                + "\"PrimaryPhone\":{\"FreeFormNumber\":\"+1 415 555 0101\"}}");
    assertThat(mapping.toCanonical(record(payload), "qbo", lookups))
        .as("the filter takes billing contacts")
        .isNotInstanceOf(MappingResult.Skipped.class);
    ObjectNode sales =
        mapping.toHost(
            new Contact(
                "c-2",
                "p-58",
                "Sam",
                "Seller",
                "sam@acme.example",
                null,
                ContactRole.OTHER,
                null,
                null,
                false),
            "qbo",
            lookups);
    assertThat(mapping.toCanonical(record(sales), "qbo", lookups))
        .as("and leaves the others out")
        .isInstanceOf(MappingResult.Skipped.class);
  }

  @Test
  void netSuitePaymentTakesOnlyAppliedSublistLinesAndRoundsToCents() throws IOException {
    MapLookups lookups =
        new MapLookups()
            .link(EntityType.PARTY, "ns", "customer", "812", "party-812")
            .link(EntityType.INVOICE, "ns", "invoice", "9001", "inv-9001")
            .link(EntityType.INVOICE, "ns", "invoice", "9003", "inv-9003");

    Payment payment = (Payment) mapped("netsuite", "customerPayment", "ns", lookups);

    assertThat(payment.amount()).isEqualTo(Money.of("500.00", "GBP"));
    assertThat(payment.applications().get(0).amount()).isEqualTo(Money.of("400.00", "GBP"));
    assertThat(payment.method()).isEqualTo("ACH");
    assertThat(payment.applications())
        .extracting(PaymentApplication::invoiceId)
        .containsExactly("inv-9001", "inv-9003");
  }

  @Test
  void aPoundPaymentIsWrittenBackToNetSuiteInPoundsNamingItsCurrencyByCode() {
    MapLookups lookups =
        new MapLookups()
            .link(EntityType.PARTY, "ns", "customer", "812", "party-812")
            .link(EntityType.INVOICE, "ns", "invoice", "9001", "inv-9001");
    Payment collected =
        new Payment(
            "pay-1",
            "party-812",
            Money.of("120.00", "GBP"),
            LocalDate.of(2026, 11, 2),
            "card",
            java.util.List.of(new PaymentApplication("inv-9001", Money.of("120.00", "GBP"))),
            null,
            null,
            "hub");

    ObjectNode payload = mapping("netsuite", "customerPayment").toHost(collected, "ns", lookups);

    assertThat(payload.at("/currency/refName").asText()).isEqualTo("GBP");
    assertThat(payload.get("payment").decimalValue()).isEqualByComparingTo("120.00");
    assertThat(payload.at("/customer/id").asText()).isEqualTo("812");
    assertThat(payload.at("/apply/items/0/doc/id").asText()).isEqualTo("9001");
    assertThat(payload.at("/apply/items/0/amount").decimalValue()).isEqualByComparingTo("120.00");
  }

  @Test
  void netSuiteInvoiceTakesItsCurrencyFromTheRecord() throws IOException {
    ObjectNode raw = sample("netsuite", "invoice");
    raw.putObject("currency").put("id", "4").put("refName", "EUR");
    MapLookups lookups = new MapLookups().link(EntityType.PARTY, "ns", "customer", "812", "p");

    MappingResult result = mapping("netsuite", "invoice").toCanonical(record(raw), "ns", lookups);

    assertThat(((Invoice) ((MappingResult.Mapped) result).canonical()).total())
        .isEqualTo(Money.of("400.13", "EUR"));
  }

  @Test
  void netSuiteInvoiceRoundsHalfUpAndMapsItsStatus() throws IOException {
    MapLookups lookups = new MapLookups().link(EntityType.PARTY, "ns", "customer", "812", "p");

    Invoice invoice = (Invoice) mapped("netsuite", "invoice", "ns", lookups);

    assertThat(invoice.total()).isEqualTo(Money.of("400.13", "USD"));
    assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(invoice.isOpen()).isFalse();
  }

  @Test
  void quickBooksInvoiceCarriesItsCurrencyAndPaymentLink() throws IOException {
    MapLookups lookups = new MapLookups().link(EntityType.PARTY, "qbo", "Customer", "58", "p");

    Invoice invoice = (Invoice) mapped("quickbooks", "Invoice", "qbo", lookups);

    assertThat(invoice.openBalance()).isEqualTo(Money.of("162.07", "CAD"));
    assertThat(invoice.terms()).isEqualTo("Net 30");
    assertThat(invoice.paymentLink()).isEqualTo("https://connect.intuit.example/pay/abc");
  }

  @Test
  void aVoidedQuickBooksInvoiceIsVoidNotPaid() throws IOException {
    MapLookups lookups = new MapLookups().link(EntityType.PARTY, "qbo", "Customer", "58", "p");
    ObjectNode voided = sample("quickbooks", "Invoice");
    voided.put("PrivateNote", "Voided");
    voided.put("TotalAmt", 0);
    voided.put("Balance", 0);

    MappingResult result =
        mapping("quickbooks", "Invoice").toCanonical(record(voided), "qbo", lookups);
    Invoice open = (Invoice) mapped("quickbooks", "Invoice", "qbo", lookups);

    assertThat(((Invoice) ((MappingResult.Mapped) result).canonical()).status())
        .isEqualTo(InvoiceStatus.VOID);
    assertThat(open.status()).isEqualTo(InvoiceStatus.OPEN);
  }

  @Test
  void salesforceAccountCarriesItsOwnerAndBillingAddress() throws IOException {
    Party party = (Party) mapped("salesforce", "Account", new MapLookups());

    assertThat(party.name()).isEqualTo("Okafor Trading Ltd");
    assertThat(party.accountOwner()).isEqualTo("0055e000001AbCdAAK");
    assertThat(party.address().lines())
        .containsExactly("12 Wharf Road", "Unit 4", "N1 7GR London", "United Kingdom");
  }

  @Test
  void quickBooksCustomerCarriesItsBillingAddress() throws IOException {
    Party party = (Party) mapped("quickbooks", "Customer", new MapLookups());

    assertThat(party.accountOwner()).isNull();
    assertThat(party.address().lines())
        .containsExactly("65 Ocean Dr.", "94213 Half Moon Bay CA", "US");
  }

  @Test
  void netSuiteCustomerCarriesItsSalesRepAndDefaultAddress() throws IOException {
    Party party = (Party) mapped("netsuite", "customer", new MapLookups());

    assertThat(party.accountOwner()).isEqualTo("-5");
    assertThat(party.address().lines())
        .containsExactly("Brandt Maschinenbau GmbH", "Industriestr. 5", "80339 München", "Germany");
  }

  private Object mapped(String system, String object, MapLookups lookups) throws IOException {
    return mapped(system, object, "sf", lookups);
  }

  private Object mapped(String system, String object, String connection, MapLookups lookups)
      throws IOException {
    MappingResult result =
        mapping(system, object).toCanonical(record(sample(system, object)), connection, lookups);
    assertThat(result).isInstanceOf(MappingResult.Mapped.class);
    return ((MappingResult.Mapped) result).canonical();
  }

  static Mapping mapping(String system, String object) {
    return defaults.find(system, object).orElseThrow();
  }

  static ObjectNode sample(String system, String object) throws IOException {
    try (InputStream in =
        SampleRecordsTest.class.getResourceAsStream(
            "/samples/" + system + "/" + object + ".json")) {
      return (ObjectNode) JSON.readTree(in);
    }
  }

  static SourceRecord record(ObjectNode raw) {
    return new SourceRecord("x", "id-1", "1", Instant.parse("2026-10-02T08:15:00Z"), false, raw);
  }
}
