package io.dunhub.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.auth.InMemoryTokenStore;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.Page;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.connector.Watermark;
import io.dunhub.core.testing.ManualClock;
import io.dunhub.netsuite.sandbox.NetSuiteSandbox;
import io.dunhub.netsuite.sandbox.SandboxRecord;
import io.dunhub.netsuite.sandbox.SandboxSeed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Records deleted in NetSuite reach the hub as deleted records, read from DeletedRecord. */
class DeletedRecordsIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ManualClock clock;
  private NetSuiteSandbox ns;
  private Connection connection;

  @BeforeEach
  void start() {
    clock = ManualClock.at("2026-11-23T12:00:00Z");
    ns = NetSuiteSandbox.start("1234567_SB1", clock);
    SandboxSeed.demo(ns);
    connection =
        new NetSuiteConnector()
            .open(
                new ConnectionContext(
                    TestCredentials.m2m(ns, "acme-ns", Map.of()),
                    clock,
                    new InMemoryTokenStore(),
                    new OkHttpClient()));
  }

  @AfterEach
  void stop() {
    ns.close();
  }

  /** Reads to the end as the hub does; returns the records and the last watermark. */
  private List<SourceRecord> read(String stream, Watermark[] at, int limit) {
    List<SourceRecord> all = new ArrayList<>();
    while (true) {
      Page page = connection.source(stream).readPage(at[0], limit);
      all.addAll(page.records());
      at[0] = page.next();
      if (!page.hasMore() || page.records().isEmpty()) {
        return all;
      }
    }
  }

  private SandboxRecord anInvoice() {
    return ns.store().all("invoice").get(3);
  }

  @Test
  void aDeletedInvoiceComesAsADeletedRecordOnceAndOnlyInItsStream() {
    Watermark[] invoices = {null};
    Watermark[] customers = {null};
    assertThat(read("invoice", invoices, 1000)).noneMatch(SourceRecord::deleted);
    read("customer", customers, 1000);

    SandboxRecord gone = anInvoice();
    clock.advance(Duration.ofMinutes(1));
    assertThat(ns.delete("invoice", gone.id())).isTrue();
    ObjectNode note = JSON.createObjectNode().put("title", "t").put("note", "n");
    note.putObject("entity").put("id", gone.ref("entity"));
    SandboxRecord aNote = ns.create("note", note);
    ns.delete("note", aNote.id());
    clock.advance(Duration.ofSeconds(6)); // past the read lag

    List<SourceRecord> next = read("invoice", invoices, 1000);
    assertThat(next).hasSize(1);
    SourceRecord deleted = next.get(0);
    assertThat(deleted.deleted()).isTrue();
    assertThat(deleted.hostObject()).isEqualTo("invoice");
    assertThat(deleted.hostId()).isEqualTo(Long.toString(gone.id()));
    assertThat(deleted.lastModified()).isEqualTo(clock.instant().minusSeconds(6));
    assertThat(invoices[0].value()).contains(";deleted:");

    assertThat(read("invoice", invoices, 1000)).as("read once").isEmpty();
    assertThat(read("customer", customers, 1000))
        .as("other streams see no invoice or note deletion")
        .isEmpty();
  }

  @Test
  void aDeletedPaymentIsReportedAndItsInvoiceComesBackWithItsBalance() {
    Watermark[] payments = {null};
    Watermark[] invoices = {null};
    read("customerPayment", payments, 1000);
    read("invoice", invoices, 1000);

    SandboxRecord payment = ns.store().all("customerPayment").get(0);
    String invoiceId = payment.fields().at("/apply/items/0/doc/id").asText();
    clock.advance(Duration.ofMinutes(5));
    ns.delete("customerPayment", payment.id());
    clock.advance(Duration.ofSeconds(6));

    assertThat(read("customerPayment", payments, 1000))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.deleted()).isTrue();
              assertThat(r.hostId()).isEqualTo(Long.toString(payment.id()));
            });
    List<SourceRecord> changed = read("invoice", invoices, 1000);
    assertThat(changed).extracting(SourceRecord::hostId).containsExactly(invoiceId);
    assertThat(changed.get(0).deleted()).isFalse();
    assertThat(changed.get(0).raw().get("amountRemaining").decimalValue().signum()).isPositive();
  }

  @Test
  void aRecordDeletedWhileTheFirstSyncIsUnderWayIsNotLost() {
    Watermark[] at = {null};
    Page first = connection.source("invoice").readPage(null, 10);
    assertThat(first.hasMore()).isTrue();
    at[0] = first.next();
    String early = first.records().get(0).hostId();

    clock.advance(Duration.ofSeconds(30));
    ns.delete("invoice", Long.parseLong(early));
    clock.advance(Duration.ofSeconds(6));

    List<SourceRecord> rest = read("invoice", at, 10);
    assertThat(rest)
        .filteredOn(SourceRecord::deleted)
        .extracting(SourceRecord::hostId)
        .containsExactly(early);
  }

  @Test
  void aWatermarkStoredBeforeDeletionsWereReadPicksThemUpFromItsTime() {
    Watermark[] at = {null};
    read("invoice", at, 1000);
    String live = at[0].value().substring(0, at[0].value().indexOf(";deleted:"));
    clock.advance(Duration.ofMinutes(2));
    SandboxRecord gone = anInvoice();
    ns.delete("invoice", gone.id());
    clock.advance(Duration.ofSeconds(6));

    Watermark[] old = {new Watermark(live)};
    assertThat(read("invoice", old, 1000))
        .singleElement()
        .satisfies(r -> assertThat(r.hostId()).isEqualTo(Long.toString(gone.id())));
  }
}
