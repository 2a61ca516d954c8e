package io.dunhub.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.hub.config.EnvLookup;
import io.dunhub.hub.store.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thirty simulated days of the demo, headless: the three sandboxes seeded with Northwind Supply,
 * GreenMail and the SMS stub, the hub syncing, dunning and writing back on the demo clock. What a
 * person watching would notice: notices on every channel, payments and activities landing in every
 * host (counted in the sandboxes), nothing dead-lettered, a paid invoice never chased again, and
 * the disputed invoice left alone.
 */
class DemoIT {

  @Test
  void thirtyDaysOfNorthwindSupply(@TempDir Path dir) throws Exception {
    DemoSession.Options options =
        new DemoSession.Options(
            dir.resolve("demo"), LocalDate.of(2026, 3, 2), Duration.ofHours(6), 0, 2026);
    try (DemoSession demo = DemoSession.start(options, EnvLookup.of(Map.of()))) {
      assertThat(demo.ledger().count("invoices"))
          .as("every invoice of both books synced at the start")
          .isEqualTo(demo.company().invoiceCount());
      for (int d = 0; d < 30; d++) {
        demo.runDay(Duration.ZERO);
      }
      DemoSummary summary = demo.summary();
      StringWriter text = new StringWriter();
      summary.print(new PrintWriter(text));
      String printed = text.toString();

      assertThat(summary.deadLetters()).as(printed).isEmpty();
      assertThat(summary.syncProblems()).as(printed).isEmpty();
      assertThat(summary.notices("EMAIL")).as(printed).isPositive();
      assertThat(summary.notices("SMS")).as(printed).isPositive();
      assertThat(summary.notices("LETTER")).as(printed).isPositive();
      assertThat(summary.tasks()).as(printed).isPositive();
      assertThat(summary.paymentsWrittenByHost())
          .as(printed)
          .containsKeys(HostCounts.SALESFORCE, HostCounts.QUICKBOOKS, HostCounts.NETSUITE)
          .allSatisfy((host, n) -> assertThat(n).as(host + "\n" + printed).isPositive());
      assertThat(summary.activitiesWrittenByHost())
          .as(printed)
          .allSatisfy((host, n) -> assertThat(n).as(host + "\n" + printed).isPositive());
      assertThat(printed)
          .contains("Summary of 30 simulated day(s) from 2026-03-02")
          .containsPattern("Notices sent +email [1-9]");

      // the admin API reports each connection's host calls, NetSuite's through its account's
      // limiter, and Salesforce's org-wide daily allowance as the org last reported it
      java.net.http.HttpResponse<String> connections =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(
                              "http://127.0.0.1:" + demo.httpPort() + "/api/connections"))
                      .header("Authorization", "Bearer " + demo.adminToken())
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(connections.statusCode()).as(connections.body()).isEqualTo(200);
      com.fasterxml.jackson.databind.JsonNode list =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(connections.body());
      Map<String, com.fasterxml.jackson.databind.JsonNode> usageByConnector = new HashMap<>();
      list.forEach(c -> usageByConnector.put(c.get("connector").asText(), c.get("apiUsage")));
      assertThat(usageByConnector.get("netsuite").get("calls").asLong())
          .as(connections.body())
          .isPositive();
      com.fasterxml.jackson.databind.JsonNode allowance =
          usageByConnector.get("salesforce").get("allowance");
      assertThat(allowance.get("limit").asLong()).as(connections.body()).isPositive();
      assertThat(allowance.get("used").asLong()).as(connections.body()).isPositive();
      assertThat(allowance.get("name").asText()).contains("24 hours");

      // what reached the mail server and the SMS provider
      assertThat(demo.hosts().emailsReceived()).isPositive();
      assertThat(demo.hosts().smsSent())
          .as("one text can cover several invoices of a customer")
          .isPositive()
          .isLessThanOrEqualTo(summary.notices("SMS"));
      List<String> germanSubjects = new ArrayList<>();
      for (MimeMessage m : demo.hosts().mail().getReceivedMessages()) {
        if (m.getAllRecipients()[0].toString().endsWith("muellermaschinenbau.example>")
            || m.getAllRecipients()[0].toString().endsWith("muellermaschinenbau.example")) {
          germanSubjects.add(m.getSubject());
        }
      }
      assertThat(germanSubjects)
          .as("Müller Maschinenbau is written to in German")
          .isNotEmpty()
          .allSatisfy(s -> assertThat(s).containsAnyOf("Erinnerung", "Mahnung", "Zahlung"));

      // pounds: a UK customer's card payment is posted into NetSuite in GBP, applied to its GBP
      // invoice, and reaches the CRM in GBP; with UK customers paying, the GBP DSO moves
      var ns = demo.hosts().netsuite().store();
      String gbp =
          ns.all("currency").stream()
              .filter(c -> "GBP".equals(c.text("symbol")))
              .map(c -> Long.toString(c.id()))
              .findFirst()
              .orElseThrow();
      assertThat(ns.all("customerPayment"))
          .as("a GBP payment the hub wrote into NetSuite\n" + printed)
          .anySatisfy(
              p -> {
                assertThat(p.externalId()).as("written by the hub (by external id)").isNotNull();
                assertThat(p.ref("currency")).isEqualTo(gbp);
                String invoice = p.fields().at("/apply/items/0/doc/id").asText();
                assertThat(ns.get("invoice", invoice).orElseThrow().ref("currency")).isEqualTo(gbp);
              });
      assertThat(demo.hosts().salesforce().org().records("Dunhub_Payment__c"))
          .as("a GBP payment in the CRM")
          .anySatisfy(p -> assertThat(p.get("Currency__c")).isEqualTo("GBP"));
      assertThat(summary.events())
          .as("UK customers pay in NetSuite and by card")
          .anySatisfy(e -> assertThat(e.what()).endsWith("GBP in NetSuite"))
          .anySatisfy(e -> assertThat(e.what()).contains("GBP by card"));
      assertThat(summary.dso()).as(printed).containsKey("GBP");
      assertThat(summary.dso().get("GBP")[1])
          .as("the GBP DSO moves\n" + printed)
          .isNotNull()
          .isNotEqualByComparingTo(summary.dso().get("GBP")[0]);

      Store store = demo.hub().get(Store.class);
      // an invoice paid in full gets no more reminders from that moment: in QuickBooks, in
      // NetSuite, by card before the accounting system reflects the card payment, or in parts
      List<CustomerBehaviour.Event> paid =
          summary.events().stream()
              .filter(e -> e.what().startsWith("pays ") && !e.what().startsWith("pays part"))
              .toList();
      assertThat(paid).as(printed).isNotEmpty();
      assertThat(paid)
          .extracting(CustomerBehaviour.Event::what)
          .anyMatch(w -> w.contains("by card"));
      assertThat(paid)
          .extracting(CustomerBehaviour.Event::what)
          .anyMatch(w -> w.endsWith("in NetSuite"));
      for (CustomerBehaviour.Event e : paid) {
        String id = demo.invoiceId(e.invoice()).orElseThrow();
        assertThat(noticesAfter(store, id, e.at()))
            .as(e.invoice() + " was paid in full at " + e.at() + " (" + e.what() + ")")
            .isEmpty();
        if (!e.what().contains("by card")) {
          assertThat(openBalance(store, id)).as(e.invoice()).isZero();
        }
      }
      // the disputed invoice pauses: no notice after the dispute, the case stays disputed
      CustomerBehaviour.Event dispute =
          summary.events().stream()
              .filter(e -> e.what().startsWith("disputes"))
              .findFirst()
              .orElseThrow();
      assertThat(dispute.invoice()).isEqualTo(demo.disputedInvoice());
      String disputedId = demo.invoiceId(dispute.invoice()).orElseThrow();
      assertThat(noticesAfter(store, disputedId, dispute.at())).isEmpty();
      Boolean stillDisputed =
          store
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT disputed FROM dunning_cases WHERE invoice_id = :id")
                          .bind("id", disputedId)
                          .mapTo(Boolean.class)
                          .one());
      assertThat(stillDisputed).isTrue();
      // the promised invoice was paid in QuickBooks within the week
      assertThat(summary.events())
          .anySatisfy(
              e -> {
                assertThat(e.invoice()).isEqualTo(demo.promisedInvoice());
                assertThat(e.what()).startsWith("pays ").endsWith("in QuickBooks");
              });

      // a card payment in a currency the NetSuite account does not have: the hub parks the write
      // with the connector's reason (connection, record, the codes the account has), keeps the
      // payment, and writes nothing into NetSuite
      String kestrelInvoice =
          demo.company().customer("kestrel").invoices().stream()
              .filter(b -> b.open().signum() > 0)
              .map(DemoCompany.Bill::number)
              .findFirst()
              .orElseThrow();
      var chf = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      chf.put("partyId", "cus_kestrel");
      chf.putObject("amount")
          .put("amount", new java.math.BigDecimal("10.00"))
          .put("currency", "CHF");
      chf.put("date", "2026-04-01");
      chf.put("method", "card");
      var applied = chf.putArray("applications").addObject();
      applied.put("invoiceId", "in_" + kestrelInvoice);
      applied
          .putObject("amount")
          .put("amount", new java.math.BigDecimal("10.00"))
          .put("currency", "CHF");
      chf.put("result", "SUCCEEDED");
      chf.put("origin", "card payments");
      demo.hosts().cards().put("Payment", "py_chf_1", chf);
      int paymentsInNetSuite = ns.all("customerPayment").size();
      demo.runDay(Duration.ZERO);
      List<String> parked =
          store
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT r.reason FROM parked_records r JOIN payments p"
                                  + " ON p.id = r.canonical_id WHERE r.connection = 'books-eu'"
                                  + " AND r.direction = 'OUT' AND p.currency = 'CHF'")
                          .mapTo(String.class)
                          .list());
      assertThat(parked)
          .as("the CHF payment's write into NetSuite is parked")
          .singleElement()
          .satisfies(
              reason ->
                  assertThat(reason)
                      .contains("books-eu")
                      .contains("customerPayment eid:")
                      .contains("no currency CHF"));
      assertThat(ns.all("customerPayment")).hasSize(paymentsInNetSuite);
    }
  }

  private static List<String> noticesAfter(Store store, String invoiceId, Instant at) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT occurred_at || ' ' || subject FROM activities WHERE invoice_id = :id"
                            + " AND type = 'NOTICE_SENT' AND occurred_at > :at")
                    .bind("id", invoiceId)
                    .bind("at", at)
                    .mapTo(String.class)
                    .list());
  }

  private static java.math.BigDecimal openBalance(Store store, String invoiceId) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT open_balance FROM invoices WHERE id = :id")
                    .bind("id", invoiceId)
                    .mapTo(java.math.BigDecimal.class)
                    .one());
  }
}
