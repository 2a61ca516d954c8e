package io.dunhub.hub.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.memory.InMemoryHost;
import io.dunhub.hub.demo.DemoCompany.Bill;
import io.dunhub.hub.demo.DemoCompany.Books;
import io.dunhub.hub.demo.DemoCompany.Customer;
import io.dunhub.hub.demo.DemoCompany.Person;
import io.dunhub.netsuite.sandbox.SandboxStore;
import io.dunhub.quickbooks.sandbox.SandboxRealm;
import io.dunhub.salesforce.sandbox.SandboxOrg;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts the demo company into the three sandboxes as its people would have entered it: Accounts and
 * Contacts in Salesforce (owned by the two collectors), customers, invoices and earlier payments in
 * QuickBooks (US) and NetSuite (EU subsidiaries), each record dated when it was entered. Remembers
 * every record's host id for the scripted customer behaviour.
 */
final class DemoSeeder {

  static final String US_COLLECTOR = "sam.reed@northwind-supply.example";
  static final String EU_COLLECTOR = "eva.koch@northwind-supply.example";

  /** NetSuite subsidiaries of the demo company: 2 UK (GBP), 3 Germany (EUR, also AT/IE/NL). */
  static final long NS_UK = 2;

  static final long NS_EU = 3;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** Host ids by invoice number and by customer key. */
  record Ids(Map<String, String> invoices, Map<String, String> customers) {}

  private DemoSeeder() {}

  /** The books (QuickBooks, NetSuite) and the card processor. */
  static Ids seedBooks(DemoCompany company, DemoHosts hosts) {
    Map<String, String> invoices = new LinkedHashMap<>();
    Map<String, String> customers = new LinkedHashMap<>();
    netsuiteLists(hosts.netsuite().store(), company.start());
    for (Customer c : company.customers()) {
      if (c.books() == Books.QUICKBOOKS) {
        quickbooks(c, hosts.realm(), invoices, customers);
      } else {
        netsuite(c, hosts.netsuite().store(), invoices, customers);
      }
      cards(c, hosts.cards());
    }
    return new Ids(Map.copyOf(invoices), Map.copyOf(customers));
  }

  /** The CRM, once Dunhub's package is installed in the org (its Account fields exist). */
  static void seedCrm(DemoCompany company, DemoHosts hosts) {
    salesforce(company, hosts.salesforce().org());
  }

  /**
   * The card payment page knows each customer (by tax id) and its open invoices (by number), as a
   * payment processor does once invoices carry a "pay now" link.
   */
  private static void cards(Customer c, InMemoryHost cards) {
    ObjectNode party = JSON.objectNode();
    party.put("name", c.name());
    party.put("email", c.email());
    party.put("taxId", c.taxId());
    cards.put("Party", "cus_" + c.key(), party);
    for (Bill b : c.invoices()) {
      if (b.open().signum() <= 0) {
        continue;
      }
      ObjectNode i = JSON.objectNode();
      i.put("partyId", "cus_" + c.key());
      i.put("number", b.number());
      i.put("issueDate", b.issued().toString());
      i.put("dueDate", b.due().toString());
      i.putObject("total").put("amount", b.amount()).put("currency", c.currency());
      i.putObject("openBalance").put("amount", b.open()).put("currency", c.currency());
      i.put("status", b.paid().signum() > 0 ? "PARTIALLY_PAID" : "OPEN");
      cards.put("Invoice", "in_" + b.number(), i);
    }
  }

  /** A card payment through the payment page, of one invoice. */
  static String cardPayment(
      InMemoryHost cards, Customer c, String number, BigDecimal amount, Instant at) {
    ObjectNode p = JSON.objectNode();
    p.put("partyId", "cus_" + c.key());
    p.putObject("amount").put("amount", amount).put("currency", c.currency());
    p.put("date", at.atZone(ZoneOffset.UTC).toLocalDate().toString());
    p.put("method", "card");
    ObjectNode applied = p.putArray("applications").addObject();
    applied.put("invoiceId", "in_" + number);
    applied.putObject("amount").put("amount", amount).put("currency", c.currency());
    p.put("result", "SUCCEEDED");
    p.put("origin", "card payments");
    String id = "py_" + number + "_" + at.getEpochSecond();
    cards.put("Payment", id, p);
    return id;
  }

  private static void salesforce(DemoCompany company, SandboxOrg org) {
    String us = org.userId(US_COLLECTOR).orElseGet(() -> org.addUser(US_COLLECTOR, "Sam Reed"));
    String eu = org.userId(EU_COLLECTOR).orElseGet(() -> org.addUser(EU_COLLECTOR, "Eva Koch"));
    for (Customer c : company.customers()) {
      Map<String, String> account = new LinkedHashMap<>();
      account.put("Name", c.name());
      account.put("AccountNumber", c.taxId());
      account.put("Type", "Customer - Direct");
      account.put("Industry", c.books() == Books.QUICKBOOKS ? "Retail" : "Manufacturing");
      account.put("Phone", c.phone());
      account.put("BillingCity", c.city());
      account.put("BillingState", c.state());
      account.put("BillingCountry", c.country());
      String accountId = org.insert("Account", account, c.books() == Books.QUICKBOOKS ? us : eu);
      for (Person p : c.people()) {
        Map<String, String> contact = new LinkedHashMap<>();
        contact.put("AccountId", accountId);
        contact.put("FirstName", p.first());
        contact.put("LastName", p.last());
        contact.put("Title", p.title());
        contact.put("Email", p.email());
        contact.put("Phone", p.phone());
        contact.put("MailingCountry", c.country());
        org.insert("Contact", contact, c.books() == Books.QUICKBOOKS ? us : eu);
      }
    }
  }

  private static void quickbooks(
      Customer c, SandboxRealm realm, Map<String, String> invoices, Map<String, String> customers) {
    Instant since =
        c.invoices().get(0).issued().minusDays(200).atStartOfDay().toInstant(ZoneOffset.UTC);
    ObjectNode customer = JSON.objectNode();
    customer.put("DisplayName", c.name());
    customer.put("CompanyName", c.name());
    customer.putObject("PrimaryEmailAddr").put("Address", c.email());
    customer.putObject("PrimaryPhone").put("FreeFormNumber", c.phone());
    customer.putObject("CurrencyRef").put("value", "USD").put("name", "United States Dollar");
    customer.put("PrimaryTaxIdentifier", c.taxId());
    ObjectNode addr = customer.putObject("BillAddr");
    addr.put("Line1", (100 + Math.abs(c.key().hashCode()) % 800) + " Commerce Way");
    addr.put("City", c.city());
    addr.put("CountrySubDivisionCode", c.state());
    addr.put("Country", "US");
    String customerId = realm.create("Customer", customer, since).get("Id").asText();
    customers.put(c.key(), customerId);
    for (Bill b : c.invoices()) {
      ObjectNode inv = JSON.objectNode();
      inv.putObject("CustomerRef").put("value", customerId);
      inv.put("DocNumber", b.number());
      inv.put("TxnDate", b.issued().toString());
      inv.put("DueDate", b.due().toString());
      inv.putObject("SalesTermRef").put("value", "3").put("name", b.terms());
      inv.put("InvoiceLink", "https://pay.northwind-supply.example/i/" + b.number());
      ObjectNode line = inv.putArray("Line").addObject();
      line.put("Amount", b.amount());
      line.put("Description", b.description());
      line.put("DetailType", "SalesItemLineDetail");
      ObjectNode detail = line.putObject("SalesItemLineDetail");
      detail.putObject("ItemRef").put("value", "1").put("name", "Equipment");
      detail.put("Qty", 1);
      detail.put("UnitPrice", b.amount());
      String id = realm.create("Invoice", inv, at(b.issued(), 15)).get("Id").asText();
      invoices.put(b.number(), id);
      if (b.paid().signum() > 0) {
        qboPayment(realm, customerId, id, b.paid(), at(b.due().minusDays(2), 18));
      }
    }
  }

  /** Records a customer's payment of one invoice in QuickBooks, as the bookkeeper would. */
  static String qboPayment(
      SandboxRealm realm, String customerId, String invoiceId, BigDecimal amount, Instant at) {
    ObjectNode p = JSON.objectNode();
    p.putObject("CustomerRef").put("value", customerId);
    p.putObject("CurrencyRef").put("value", "USD");
    p.put("TotalAmt", amount);
    p.put("TxnDate", at.atZone(ZoneOffset.UTC).toLocalDate().toString());
    p.put("PaymentRefNum", "ACH-" + invoiceId + "-" + at.getEpochSecond() % 100_000);
    ObjectNode line = p.putArray("Line").addObject();
    line.put("Amount", amount);
    line.putArray("LinkedTxn").addObject().put("TxnId", invoiceId).put("TxnType", "Invoice");
    return realm.create("Payment", p, at).get("Id").asText();
  }

  private static void netsuiteLists(SandboxStore store, LocalDate start) {
    Instant at = start.minusYears(3).atStartOfDay().toInstant(ZoneOffset.UTC);
    store.putAt(
        "currency", 1, null, JSON.objectNode().put("symbol", "USD").put("name", "US Dollar"), at);
    store.putAt(
        "currency",
        2,
        null,
        JSON.objectNode().put("symbol", "GBP").put("name", "British pound"),
        at);
    store.putAt(
        "currency", 4, null, JSON.objectNode().put("symbol", "EUR").put("name", "Euro"), at);
    subsidiary(store, 1, "Northwind Supply Inc. (parent)", "US", 1, at);
    subsidiary(store, NS_UK, "Northwind Supply Ltd", "GB", 2, at);
    subsidiary(store, NS_EU, "Northwind Supply GmbH", "DE", 4, at);
  }

  private static void subsidiary(
      SandboxStore store, long id, String name, String country, long currency, Instant at) {
    ObjectNode f = JSON.objectNode().put("name", name).put("country", country);
    f.putObject("currency").put("id", Long.toString(currency));
    store.putAt("subsidiary", id, null, f, at);
  }

  private static void netsuite(
      Customer c, SandboxStore store, Map<String, String> invoices, Map<String, String> customers) {
    long subsidiary = c.currency().equals("GBP") ? NS_UK : NS_EU;
    long currency = c.currency().equals("GBP") ? 2 : 4;
    Instant since =
        c.invoices().get(0).issued().minusDays(200).atStartOfDay().toInstant(ZoneOffset.UTC);
    ObjectNode f = JSON.objectNode();
    f.put("entityId", c.taxId());
    f.put("companyName", c.name());
    f.put("email", c.email());
    f.put("phone", c.phone());
    f.putObject("subsidiary").put("id", Long.toString(subsidiary));
    f.putObject("currency").put("id", Long.toString(currency));
    f.putObject("terms").put("id", "2");
    f.put("isInactive", false);
    f.put("dateCreated", since.toString());
    long id = store.nextId("customer");
    store.putAt("customer", id, null, f, since);
    customers.put(c.key(), Long.toString(id));
    for (Bill b : c.invoices()) {
      ObjectNode inv = JSON.objectNode();
      inv.put("tranId", b.number());
      inv.put("tranDate", b.issued().toString());
      inv.put("dueDate", b.due().toString());
      inv.putObject("entity").put("id", Long.toString(id)).put("refName", c.name());
      inv.putObject("currency").put("id", Long.toString(currency));
      inv.putObject("subsidiary").put("id", Long.toString(subsidiary));
      inv.putObject("terms").put("id", "2").put("refName", b.terms());
      inv.put("total", b.amount());
      inv.put("amountPaid", BigDecimal.ZERO.setScale(2));
      inv.put("amountRemaining", b.amount());
      inv.put("memo", b.description());
      long invoiceId = store.nextId("invoice");
      // each invoice entered at its own second (see the report: NetSuite paging and equal stamps)
      store.putAt("invoice", invoiceId, null, inv, at(b.issued(), 9).plusSeconds(invoiceId));
      invoices.put(b.number(), Long.toString(invoiceId));
      if (b.paid().signum() > 0) {
        nsPayment(store, invoiceId, b.paid(), at(b.due().minusDays(1), 11), "PYMT-" + b.number());
      }
    }
  }

  /**
   * Records a customer's payment of one invoice in NetSuite, as the accountant would: a customer
   * payment applied to the invoice, whose amount remaining drops.
   */
  static String nsPayment(
      SandboxStore store, long invoiceId, BigDecimal amount, Instant at, String tranId) {
    var invoice = store.get("invoice", invoiceId).orElseThrow();
    ObjectNode inv = invoice.fields().deepCopy();
    BigDecimal remaining = new BigDecimal(inv.path("amountRemaining").asText()).subtract(amount);
    BigDecimal paid = new BigDecimal(inv.path("amountPaid").asText("0")).add(amount);
    inv.put("amountRemaining", remaining);
    inv.put("amountPaid", paid);
    ObjectNode p = JSON.objectNode();
    p.put("tranId", tranId);
    p.put("tranDate", at.atZone(ZoneOffset.UTC).toLocalDate().toString());
    p.set("customer", JSON.objectNode().put("id", inv.path("entity").path("id").asText()));
    p.set("currency", inv.get("currency").deepCopy());
    p.set("subsidiary", inv.get("subsidiary").deepCopy());
    p.put("payment", amount);
    p.put("memo", "Bank transfer");
    ObjectNode item = p.putObject("apply").putArray("items").addObject();
    item.putObject("doc").put("id", Long.toString(invoiceId));
    item.put("apply", true);
    item.put("amount", amount);
    long paymentId = store.nextId("customerPayment");
    store.putAt("customerPayment", paymentId, null, p, at);
    store.putAt("invoice", invoiceId, invoice.externalId(), inv, at);
    return Long.toString(paymentId);
  }

  private static Instant at(LocalDate day, int hour) {
    return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
  }
}
