package io.dunhub.hub.sync;

import static io.dunhub.hub.sync.Hosts.contact;
import static io.dunhub.hub.sync.Hosts.fields;
import static io.dunhub.hub.sync.Hosts.invoice;
import static io.dunhub.hub.sync.Hosts.money;
import static io.dunhub.hub.sync.Hosts.party;
import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.core.memory.InMemoryHost;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.testing.StoreTest;
import java.util.List;

/** Two in-memory hosts kept in step through the store, in both directions. */
class TwoWaySyncTest {

  /** Accounting has two customers and three invoices; the CRM has one of the customers. */
  private static void seed(Hosts h) {
    h.put(h.accounting, "Party", "C1", party("Acme Corp", "ap@acme.test"));
    h.put(h.accounting, "Party", "C2", party("Globex", "billing@globex.test"));
    h.put(h.accounting, "Invoice", "I1", invoice("INV-1", "C1", "100.00", "100.00"));
    h.put(h.accounting, "Invoice", "I2", invoice("INV-2", "C1", "250.00", "50.00"));
    h.put(h.accounting, "Invoice", "I3", invoice("INV-3", "C2", "75.50", "75.50"));
    h.put(h.crm, "Party", "001A", party("ACME Corporation", "AP@acme.test"));
    h.put(h.crm, "Contact", "003A", contact("Wile", "Coyote", "wile@acme.test", "001A"));
  }

  @StoreTest
  void bothHostsEndUpWithEveryRecordAndOneCanonicalRecordEach(Store store) {
    Hosts h = new Hosts(store);
    seed(h);
    SyncEngine engine = new SyncEngine(store, h.registry(Hosts.usualOwnership()), h.clock);

    SyncReport a = engine.syncConnection("accounting");
    SyncReport c = engine.syncConnection("crm");
    SyncReport a2 = engine.syncConnection("accounting");

    assertThat(a.ok()).as(a.toString()).isTrue();
    assertThat(a.created()).isEqualTo(5);
    // the CRM's customer is linked to accounting's by email (case-insensitive), not duplicated
    assertThat(h.count("SELECT COUNT(*) FROM parties")).isEqualTo(2);
    assertThat(c.created()).as("only the CRM's contact is new").isEqualTo(1);
    assertThat(h.count("SELECT COUNT(*) FROM external_refs WHERE entity = 'PARTY'")).isEqualTo(4);

    // the CRM received Globex and the three invoices, pointing at its own customer ids
    assertThat(h.crm.all("Party")).hasSize(2);
    List<InMemoryHost.Row> crmInvoices = h.crm.all("Invoice");
    assertThat(crmInvoices).hasSize(3);
    assertThat(crmInvoices).extracting(r -> r.fields().get("partyId").asText()).contains("001A");
    // accounting received the CRM's contact, pointing at accounting's customer C1
    assertThat(h.accounting.all("Contact")).hasSize(1);
    assertThat(h.accounting.all("Contact").get(0).fields().get("partyId").asText()).isEqualTo("C1");
    assertThat(a2.ok()).isTrue();
    assertThat(a2.created() + a2.updated()).as("nothing new comes back").isZero();
  }

  @StoreTest
  void theHubsOwnWritesComingBackAreEchoesNotChanges(Store store) {
    Hosts h = new Hosts(store);
    seed(h);
    SyncEngine engine = new SyncEngine(store, h.registry(Hosts.usualOwnership()), h.clock);
    engine.syncConnection("accounting");
    engine.syncConnection("crm"); // writes Globex and the invoices to the CRM
    h.tick();

    SyncReport again = engine.syncConnection("crm");

    assertThat(again.echoes()).as(again.toString()).isGreaterThanOrEqualTo(4);
    assertThat(again.updated()).isZero();
    assertThat(again.written()).isZero();
    assertThat(h.count("SELECT MAX(version) FROM invoices")).isEqualTo(1);
  }

  @StoreTest
  void concurrentEditsOfDifferentFieldsOnBothSidesBothSurvive(Store store) {
    Hosts h = new Hosts(store);
    seed(h);
    SyncEngine engine = new SyncEngine(store, h.registry(Hosts.usualOwnership()), h.clock);
    engine.syncConnection("accounting");
    engine.syncConnection("crm");
    engine.syncConnection("accounting");

    // before either side hears of the other's change
    h.edit(h.accounting, "Party", "C1", fields("phone", "+1 555 0100"));
    h.edit(h.crm, "Party", "001A", fields("segment", "enterprise"));

    engine.syncConnection("accounting");
    engine.syncConnection("crm");
    engine.syncConnection("accounting");

    String canonical = h.one("SELECT data FROM parties WHERE email_key = 'ap@acme.test'");
    assertThat(canonical)
        .contains("\"phone\":\"+1 555 0100\"")
        .contains("\"segment\":\"enterprise\"");
    for (InMemoryHost.Row row :
        List.of(
            h.accounting.get("Party", "C1").orElseThrow(),
            h.crm.get("Party", "001A").orElseThrow())) {
      assertThat(row.fields().get("phone").asText()).isEqualTo("+1 555 0100");
      assertThat(row.fields().get("segment").asText()).isEqualTo("enterprise");
    }
    assertThat(new Conflicts(store, h.clock).open()).isEmpty();
  }

  @StoreTest
  void anEditOfAnOwnedFieldFromTheWrongSideIsRecordedNotApplied(Store store) {
    Hosts h = new Hosts(store);
    seed(h);
    SyncEngine engine = new SyncEngine(store, h.registry(Hosts.usualOwnership()), h.clock);
    engine.syncConnection("accounting");
    engine.syncConnection("crm");
    String crmId =
        h.crm.all("Invoice").stream()
            .filter(r -> r.fields().get("number").asText().equals("INV-1"))
            .findFirst()
            .orElseThrow()
            .hostId();

    var change = Hosts.JSON.objectNode();
    change.set("openBalance", money("0.00"));
    h.edit(h.crm, "Invoice", crmId, change);
    SyncReport report = engine.syncConnection("crm");

    assertThat(report.conflicts()).as(new Conflicts(store, h.clock).open().toString()).isEqualTo(1);
    assertThat(
            h.one("SELECT CAST(open_balance AS VARCHAR(40)) FROM invoices WHERE number = 'INV-1'"))
        .startsWith("100.00");
    List<Conflict> open = new Conflicts(store, h.clock).open();
    assertThat(open).hasSize(1);
    Conflict conflict = open.get(0);
    assertThat(conflict.connection()).isEqualTo("crm");
    assertThat(conflict.owner()).isEqualTo("accounting");
    assertThat(conflict.field()).isEqualTo("openBalance");
    assertThat(conflict.hostId()).isEqualTo(crmId);
    assertThat(conflict.proposedValue()).contains("0.00");
    assertThat(conflict.currentValue()).contains("100.00");
    // accounting never hears of it
    engine.syncConnection("accounting");
    assertThat(
            h.accounting
                .get("Invoice", "I1")
                .orElseThrow()
                .fields()
                .get("openBalance")
                .get("amount")
                .decimalValue())
        .isEqualByComparingTo("100.00");

    // the owner may change it, and that flows to the CRM
    var paid = Hosts.JSON.objectNode();
    paid.set("openBalance", money("0.00"));
    paid.put("status", "PAID");
    h.edit(h.accounting, "Invoice", "I1", paid);
    engine.syncConnection("accounting");
    engine.syncConnection("crm");
    assertThat(h.crm.get("Invoice", crmId).orElseThrow().fields().get("status").asText())
        .isEqualTo("PAID");
  }

  @StoreTest
  void voidsAndDeletesPropagate(Store store) {
    Hosts h = new Hosts(store);
    seed(h);
    SyncEngine engine = new SyncEngine(store, h.registry(Hosts.usualOwnership()), h.clock);
    engine.syncConnection("accounting");
    engine.syncConnection("crm");
    String crmInvoice =
        h.crm.all("Invoice").stream()
            .filter(r -> r.fields().get("number").asText().equals("INV-3"))
            .findFirst()
            .orElseThrow()
            .hostId();
    String crmContact = "003A";

    h.edit(h.accounting, "Invoice", "I3", fields("status", "VOID"));
    h.tick();
    h.crm.delete("Contact", crmContact);
    h.tick();
    SyncReport a = engine.syncConnection("accounting");
    SyncReport c = engine.syncConnection("crm");
    engine.syncConnection("accounting");

    assertThat(a.updated()).isEqualTo(1);
    assertThat(h.crm.get("Invoice", crmInvoice).orElseThrow().fields().get("status").asText())
        .isEqualTo("VOID");
    assertThat(h.one("SELECT status FROM invoices WHERE number = 'INV-3'")).isEqualTo("VOID");
    assertThat(c.deleted()).isEqualTo(1);
    assertThat(h.count("SELECT COUNT(*) FROM contacts WHERE deleted = TRUE")).isEqualTo(1);
    InMemoryHost.Row accountingContact = h.accounting.all("Contact").get(0);
    assertThat(accountingContact.fields().path(OutboundWriter.DELETED_FIELD).asBoolean())
        .as("the delete reached accounting")
        .isTrue();
  }
}
