package io.dunhub.hub.sync;

import static io.dunhub.hub.sync.Hosts.fields;
import static io.dunhub.hub.sync.Hosts.invoice;
import static io.dunhub.hub.sync.Hosts.money;
import static io.dunhub.hub.sync.Hosts.party;
import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.hub.store.Store;
import io.dunhub.hub.testing.StoreTest;
import java.time.Duration;
import java.util.List;

/** Crashes mid-run resume exactly once; bad records are parked, fixed and retried. */
class ResumeAndParkTest {

  private static final SyncOptions SMALL_PAGES = SyncOptions.defaults().withPageSize(10);

  private static void seedInvoices(Hosts h, int n) {
    h.put(h.accounting, "Party", "C1", party("Acme Corp", "ap@acme.test"));
    for (int i = 1; i <= n; i++) {
      h.put(
          h.accounting,
          "Invoice",
          String.format("I%03d", i),
          invoice("INV-" + i, "C1", "10.00", "10.00"));
    }
  }

  @StoreTest
  void aReadThatDiesAfterTwoPagesResumesWithNoDuplicatesAndNoGaps(Store store) {
    Hosts h = new Hosts(store);
    seedInvoices(h, 35);
    SyncEngine crashing =
        new SyncEngine(
            store,
            h.registry(
                FieldOwnership.none(),
                c -> CrashingConnection.readsDieAfter(c, "Invoice", 2),
                c -> c),
            h.clock,
            SMALL_PAGES);

    SyncReport broken = crashing.syncStream("accounting", "Invoice");

    assertThat(broken.ok()).isFalse();
    assertThat(broken.error()).contains("connection reset (injected crash)");
    // the party stream was not run; invoices are parked until it is
    assertThat(h.count("SELECT COUNT(*) FROM invoices")).isZero();
    assertThat(new ParkedRecords(store, h.clock).count("accounting")).isEqualTo(20);

    crashing.syncStream("accounting", "Party");
    new ParkedRecords(store, h.clock).retryAll("accounting");
    SyncReport resumed = crashing.syncStream("accounting", "Invoice");

    assertThat(resumed.ok()).as(resumed.toString()).isTrue();
    assertThat(resumed.read()).as("only the pages not yet committed are read again").isEqualTo(15);
    assertThat(resumed.retried()).isEqualTo(20);
    assertThat(h.count("SELECT COUNT(*) FROM invoices")).isEqualTo(35);
    assertThat(h.count("SELECT COUNT(DISTINCT number) FROM invoices")).isEqualTo(35);
    assertThat(h.count("SELECT COUNT(*) FROM external_refs WHERE entity = 'INVOICE'"))
        .isEqualTo(35);
    assertThat(new ParkedRecords(store, h.clock).count(null)).isZero();
  }

  @StoreTest
  void aCrashAfterCommittedPagesReadsOnlyWhatIsLeft(Store store) {
    Hosts h = new Hosts(store);
    seedInvoices(h, 35);
    SyncEngine engine =
        new SyncEngine(
            store,
            h.registry(
                FieldOwnership.none(),
                c -> CrashingConnection.readsDieAfter(c, "Invoice", 3),
                c -> c),
            h.clock,
            SMALL_PAGES);
    engine.syncStream("accounting", "Party");

    SyncReport broken = engine.syncStream("accounting", "Invoice");
    assertThat(broken.pages()).isEqualTo(3);
    assertThat(h.count("SELECT COUNT(*) FROM invoices")).isEqualTo(30);
    h.edit(h.accounting, "Invoice", "I001", fields("terms", "Net 45"));

    SyncReport resumed = engine.syncStream("accounting", "Invoice");

    assertThat(resumed.read()).isEqualTo(6); // I031..I035, and I001 edited since
    assertThat(resumed.created()).isEqualTo(5);
    assertThat(resumed.updated()).isEqualTo(1);
    assertThat(h.count("SELECT COUNT(*) FROM invoices")).isEqualTo(35);
  }

  @StoreTest
  void aWriteWhoseAnswerWasLostIsAppliedOnceOnRetry(Store store) {
    Hosts h = new Hosts(store);
    seedInvoices(h, 12);
    SyncEngine engine =
        new SyncEngine(
            store,
            h.registry(
                FieldOwnership.none(),
                c -> c,
                c -> CrashingConnection.loseFirstWriteAnswer(c, "Invoice"),
                false), // the CRM receives invoices but does not read them back
            h.clock,
            SMALL_PAGES);
    engine.syncConnection("accounting");

    SyncReport first = engine.syncConnection("crm");
    // pages of 10: the first batch's answer is lost, the second batch goes through
    assertThat(first.parked()).isEqualTo(10);
    assertThat(first.written()).as("the customer and two invoices").isEqualTo(3);
    assertThat(h.crm.all("Invoice")).as("the host did apply them").hasSize(12);

    h.clock.advance(Duration.ofMinutes(2)); // past the first backoff
    SyncReport retry = engine.syncConnection("crm");

    assertThat(retry.written()).isEqualTo(10);
    assertThat(retry.retried()).isEqualTo(10);
    assertThat(h.crm.all("Invoice")).as("the same keys applied nothing twice").hasSize(12);
    assertThat(
            h.count(
                "SELECT COUNT(*) FROM external_refs WHERE connection = 'crm'"
                    + " AND entity = 'INVOICE'"))
        .isEqualTo(12);
    assertThat(new ParkedRecords(store, h.clock).count(null)).isZero();
  }

  @StoreTest
  void aBadRecordIsParkedWithItsReasonThenFixedInTheHostAndSynced(Store store) {
    Hosts h = new Hosts(store);
    h.put(h.accounting, "Party", "C1", party("Acme Corp", "ap@acme.test"));
    h.put(h.accounting, "Invoice", "I1", invoice("INV-1", "C1", "10.00", "10.00"));
    var bad = invoice("INV-2", "C1", "10.00", "10.00");
    bad.set("total", money("-5.00"));
    h.put(h.accounting, "Invoice", "I2", bad);
    h.put(h.accounting, "Invoice", "I3", invoice("INV-3", "C1", "30.00", "30.00"));
    SyncEngine engine =
        new SyncEngine(store, h.registry(FieldOwnership.none()), h.clock, SMALL_PAGES);

    SyncReport report = engine.syncConnection("accounting");

    assertThat(report.ok()).isTrue();
    assertThat(report.parked()).isEqualTo(1);
    assertThat(h.count("SELECT COUNT(*) FROM invoices")).isEqualTo(2);
    List<ParkedRecord> parked = new ParkedRecords(store, h.clock).list("accounting");
    assertThat(parked).hasSize(1);
    ParkedRecord p = parked.get(0);
    assertThat(p.hostId()).isEqualTo("I2");
    assertThat(p.direction()).isEqualTo("IN");
    assertThat(p.stream()).isEqualTo("Invoice");
    assertThat(p.reason()).contains("invoice INV-2 total must not be negative");
    assertThat(p.attempts()).isEqualTo(1);
    assertThat(p.nextAttemptAt()).isAfter(h.clock.instant());
    assertThat(p.rawPayload()).contains("-5.00");
    assertThat(p.describe()).contains("accounting/Invoice I2");

    // a retry before the fix fails again, with the attempt counted
    new ParkedRecords(store, h.clock).retry(p.id());
    engine.syncConnection("accounting");
    assertThat(new ParkedRecords(store, h.clock).list("accounting").get(0).attempts()).isEqualTo(2);

    var fixed = Hosts.JSON.objectNode();
    fixed.set("total", money("20.00"));
    h.edit(h.accounting, "Invoice", "I2", fixed);
    SyncReport after = engine.syncConnection("accounting");

    assertThat(after.created()).isEqualTo(1);
    assertThat(after.retried()).isEqualTo(1);
    assertThat(h.count("SELECT COUNT(*) FROM invoices")).isEqualTo(3);
    assertThat(new ParkedRecords(store, h.clock).count("accounting")).isZero();
  }

  @StoreTest
  void anInvoiceWhoseCustomerIsNotSyncedYetWaitsForItInsteadOfFailing(Store store) {
    Hosts h = new Hosts(store);
    h.put(h.accounting, "Invoice", "I1", invoice("INV-1", "C9", "10.00", "10.00"));
    SyncEngine engine = new SyncEngine(store, h.registry(FieldOwnership.none()), h.clock);

    engine.syncConnection("accounting");
    ParkedRecord p = new ParkedRecords(store, h.clock).list(null).get(0);
    assertThat(p.rule()).isEqualTo("Invoice.partyId");
    assertThat(p.value()).isEqualTo("C9");
    assertThat(p.reason()).contains("Party C9 has not been synced from accounting yet");

    h.put(h.accounting, "Party", "C9", party("Late Customer", "late@example.test"));
    new ParkedRecords(store, h.clock).retry(p.id());
    SyncReport report = engine.syncConnection("accounting");

    assertThat(report.retried()).isEqualTo(1);
    assertThat(h.count("SELECT COUNT(*) FROM invoices")).isEqualTo(1);
    assertThat(
            h.one(
                "SELECT p.name FROM invoices i JOIN parties p ON p.id = i.party_id"
                    + " WHERE i.number = 'INV-1'"))
        .isEqualTo("Late Customer");
  }
}
