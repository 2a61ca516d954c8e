package io.dunhub.hub.sync;

import static io.dunhub.hub.sync.Hosts.invoice;
import static io.dunhub.hub.sync.Hosts.money;
import static io.dunhub.hub.sync.Hosts.party;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.hub.dunning.CaseTriggers;
import io.dunhub.hub.dunning.DunningCases;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.testing.StoreTest;
import java.time.Duration;
import java.time.Instant;

/**
 * What a host changes reaches dunning in the sync's own transaction: the cases of a paid or changed
 * invoice, and of the invoices a new payment applies to, are due for evaluation at once; payments
 * and invoices go only to hosts that know their customer.
 */
class SyncTriggersDunningTest {

  private static void seed(Hosts h) {
    h.put(h.accounting, "Party", "C1", party("Acme Corp", "ap@acme.test"));
    h.put(h.accounting, "Party", "C2", party("Globex", "billing@globex.test"));
    h.put(h.accounting, "Invoice", "I1", invoice("INV-1", "C1", "100.00", "100.00"));
    h.put(h.accounting, "Invoice", "I2", invoice("INV-2", "C1", "250.00", "250.00"));
    h.put(h.accounting, "Invoice", "I3", invoice("INV-3", "C2", "75.50", "75.50"));
    h.put(h.crm, "Party", "001A", party("ACME Corporation", "AP@acme.test"));
  }

  private static ObjectNode payment(String partyHostId, String invoiceHostId, String amount) {
    ObjectNode p = Hosts.JSON.objectNode();
    p.put("partyId", partyHostId);
    p.set("amount", money(amount));
    p.put("date", "2026-02-10");
    p.put("result", "SUCCEEDED");
    ObjectNode app = p.putArray("applications").addObject();
    app.put("invoiceId", invoiceHostId);
    app.set("amount", money(amount));
    return p;
  }

  @StoreTest
  void aPaymentOrAnInvoiceChangeMakesTheCaseDueNowAndReopensIt(Store store) {
    Hosts h = new Hosts(store);
    seed(h);
    SyncEngine engine = withCaseTriggers(store, h);
    Instant firstSync = h.clock.instant();
    engine.syncConnection("accounting");
    // the sync opened a case, due now, for each open invoice it stored: no scan is left to do
    assertThat(h.count("SELECT COUNT(*) FROM dunning_cases")).isEqualTo(3);
    assertThat(dueAt(h, "INV-2")).isEqualTo(firstSync);
    assertThat(new DunningCases(store, h.clock).openMissing()).isZero();
    // the sweep evaluated every case and scheduled them weeks ahead; INV-1 was closed as settled
    Instant later = h.clock.instant().plus(Duration.ofDays(20));
    store
        .jdbi()
        .useHandle(
            x ->
                x.createUpdate("UPDATE dunning_cases SET next_evaluation_at = :t")
                    .bind("t", later)
                    .execute());
    store
        .jdbi()
        .useHandle(
            x ->
                x.createUpdate(
                        "UPDATE dunning_cases SET closed = TRUE WHERE invoice_id ="
                            + " (SELECT id FROM invoices WHERE number = 'INV-1')")
                    .execute());

    h.edit(h.accounting, "Invoice", "I1", invoiceBalance("40.00"));
    h.put(h.accounting, "Payment", "P1", payment("C1", "I2", "250.00"));
    Instant syncedAt = h.clock.instant();
    SyncReport report = engine.syncConnection("accounting");

    assertThat(report.ok()).as(report.toString()).isTrue();
    assertThat(dueAt(h, "INV-1")).as("changed invoice").isEqualTo(syncedAt);
    assertThat(closed(h, "INV-1")).as("a changed invoice reopens its case").isFalse();
    assertThat(dueAt(h, "INV-2")).as("invoice the payment applies to").isEqualTo(syncedAt);
    assertThat(dueAt(h, "INV-3")).as("untouched invoice keeps its schedule").isEqualTo(later);
  }

  /**
   * A customer that changed in its host (here its dispute was resolved) has every open case made
   * due: a case paused "until the dispute is resolved" waits for no date, so only this wakes it.
   */
  @StoreTest
  void aPartyChangeMakesAllItsOpenCasesDueNow(Store store) {
    Hosts h = new Hosts(store);
    ObjectNode disputed = party("Acme Corp", "ap@acme.test");
    disputed.put("inDispute", true);
    h.put(h.accounting, "Party", "C1", disputed);
    h.put(h.accounting, "Party", "C2", party("Globex", "billing@globex.test"));
    h.put(h.accounting, "Invoice", "I1", invoice("INV-1", "C1", "100.00", "100.00"));
    h.put(h.accounting, "Invoice", "I2", invoice("INV-2", "C1", "250.00", "250.00"));
    h.put(h.accounting, "Invoice", "I3", invoice("INV-3", "C2", "75.50", "75.50"));
    SyncEngine engine = withCaseTriggers(store, h);
    engine.syncConnection("accounting");
    // the sweep paused Acme's cases (no next evaluation) and scheduled Globex's for later
    Instant later = h.clock.instant().plus(Duration.ofDays(20));
    store
        .jdbi()
        .useHandle(
            x -> {
              x.createUpdate("UPDATE dunning_cases SET next_evaluation_at = NULL").execute();
              x.createUpdate(
                      "UPDATE dunning_cases SET next_evaluation_at = :t WHERE invoice_id ="
                          + " (SELECT id FROM invoices WHERE number = 'INV-3')")
                  .bind("t", later)
                  .execute();
            });

    ObjectNode resolved = Hosts.JSON.objectNode();
    resolved.put("inDispute", false);
    h.edit(h.accounting, "Party", "C1", resolved);
    Instant syncedAt = h.clock.instant();
    SyncReport report = engine.syncConnection("accounting");

    assertThat(report.ok()).as(report.toString()).isTrue();
    assertThat(dueAt(h, "INV-1")).isEqualTo(syncedAt);
    assertThat(dueAt(h, "INV-2")).isEqualTo(syncedAt);
    assertThat(dueAt(h, "INV-3")).as("another customer's case keeps its schedule").isEqualTo(later);
  }

  @StoreTest
  void paymentsAndInvoicesGoOnlyToHostsThatKnowTheCustomer(Store store) {
    Hosts h = new Hosts(store);
    seed(h);
    h.put(h.accounting, "Payment", "P1", payment("C1", "I1", "100.00"));
    h.put(h.accounting, "Payment", "P3", payment("C2", "I3", "75.50"));
    SyncEngine engine =
        new SyncEngine(
            store, h.registry(Hosts.usualOwnership(), c -> c, c -> c, true, false), h.clock);

    engine.syncConnection("accounting");
    SyncReport crm = engine.syncConnection("crm");

    assertThat(crm.ok()).as(crm.toString()).isTrue();
    // Acme is linked to the CRM's account by email: its invoices and payment go there
    assertThat(h.crm.all("Invoice"))
        .extracting(r -> r.fields().get("number").asText())
        .containsExactlyInAnyOrder("INV-1", "INV-2");
    assertThat(h.crm.all("Payment")).hasSize(1);
    assertThat(h.crm.all("Payment").get(0).fields().get("partyId").asText()).isEqualTo("001A");
    // Globex is unknown to the CRM and the hub never creates customers there: nothing is parked
    assertThat(h.crm.all("Party")).hasSize(1);
    assertThat(h.count("SELECT COUNT(*) FROM parked_records")).isZero();
    assertThat(crm.parked()).isZero();
  }

  private static SyncEngine withCaseTriggers(Store store, Hosts h) {
    return new SyncEngine(
        store,
        h.registry(Hosts.usualOwnership()),
        h.clock,
        SyncOptions.defaults(),
        new CaseTriggers());
  }

  private static ObjectNode invoiceBalance(String balance) {
    ObjectNode n = Hosts.JSON.objectNode();
    n.set("openBalance", money(balance));
    n.put("status", "PARTIALLY_PAID");
    return n;
  }

  private static Instant dueAt(Hosts h, String number) {
    return h.store
        .jdbi()
        .withHandle(
            x ->
                x.createQuery(
                        "SELECT c.next_evaluation_at FROM dunning_cases c JOIN invoices i ON i.id ="
                            + " c.invoice_id WHERE i.number = :n")
                    .bind("n", number)
                    .mapTo(Instant.class)
                    .one());
  }

  private static boolean closed(Hosts h, String number) {
    return h.store
        .jdbi()
        .withHandle(
            x ->
                x.createQuery(
                        "SELECT c.closed FROM dunning_cases c JOIN invoices i ON i.id ="
                            + " c.invoice_id WHERE i.number = :n")
                    .bind("n", number)
                    .mapTo(Boolean.class)
                    .one());
  }
}
