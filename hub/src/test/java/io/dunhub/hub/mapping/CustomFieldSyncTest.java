package io.dunhub.hub.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.auth.InMemoryTokenStore;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.mapping.Mapping;
import io.dunhub.core.mapping.MappingSet;
import io.dunhub.core.mapping.ObjectDescriptions;
import io.dunhub.core.memory.InMemoryConnector;
import io.dunhub.core.memory.InMemoryHost;
import io.dunhub.core.model.Invoice;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.sync.CanonicalJson;
import io.dunhub.hub.sync.StaticConnectionRegistry;
import io.dunhub.hub.sync.SyncEngine;
import io.dunhub.hub.sync.SyncReport;
import io.dunhub.hub.testing.MutableClock;
import io.dunhub.hub.testing.StoreTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import okhttp3.OkHttpClient;
import picocli.CommandLine;

/**
 * The "done when", end to end: an integrator adds a custom field to the invoice mapping,
 * validates and previews it with {@code dunhub mappings}, and the next sync through the real {@link
 * SyncEngine} stores it in the canonical invoice. The host is the in-memory connector, standing in
 * for the Salesforce org until its sandbox is wired into the hub; the mapping files are the shipped
 * memory defaults extended by the integrator's folder.
 */
class CustomFieldSyncTest {
  private static final Path FOLDER = Path.of("src/test/resources/mapping/custom");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @StoreTest
  void aCustomFieldAddedToTheInvoiceMappingArrivesInTheStoredCanonicalInvoice(Store store) {
    // validated and previewed first, as the integrator would
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new MappingsCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    assertThat(cli.execute("validate", "--dir", FOLDER.toString(), "--strict"))
        .as(out.toString())
        .isZero();
    assertThat(
            cli.execute(
                "preview",
                "--dir",
                FOLDER.toString(),
                "--system",
                "memory",
                "--object",
                "Invoice",
                "--record",
                "src/test/resources/mapping/records/memory-invoice.json"))
        .as(out.toString())
        .isZero();
    assertThat(out.toString()).contains("\"dunningSegment\" : \"Enterprise\"");

    // a host with a party and an invoice carrying the custom field
    MutableClock clock = MutableClock.atDefaultStart();
    InMemoryHost host = InMemoryHost.create("crm-" + UUID.randomUUID(), clock);
    try {
      host.put("Party", "acct-1", party());
      clock.advance(Duration.ofSeconds(1));
      host.put("Invoice", "inv-1", invoice("Enterprise"));
      clock.advance(Duration.ofSeconds(1));

      MappingSet mappings = HubMappings.load(FOLDER, ObjectDescriptions.none());
      SyncEngine engine = new SyncEngine(store, registry(mappings, host, clock), clock);

      SyncReport report = engine.syncConnection("crm");

      assertThat(report.ok()).as(report.toString()).isTrue();
      assertThat(report.parked()).as(report.toString()).isZero();
      Invoice stored = storedInvoice(store);
      assertThat(stored.number()).isEqualTo("INV-7");
      assertThat(stored.attributes()).containsEntry("dunningSegment", "Enterprise");

      // and a change to the custom field in the host arrives on the next sync
      host.edit("Invoice", "inv-1", JSON.objectNode().put("Dunning_Segment__c", "Strategic"));
      clock.advance(Duration.ofSeconds(1));
      SyncReport next = engine.syncConnection("crm");

      assertThat(next.ok()).as(next.toString()).isTrue();
      assertThat(storedInvoice(store).attributes()).containsEntry("dunningSegment", "Strategic");
    } finally {
      InMemoryHost.remove(host.name());
    }
  }

  private static StaticConnectionRegistry registry(
      MappingSet mappings, InMemoryHost host, MutableClock clock) {
    InMemoryConnector connector = new InMemoryConnector();
    Connection connection =
        connector.open(
            new ConnectionContext(
                new ConnectionSettings(
                    "crm", InMemoryConnector.ID, Map.of("host", host.name()), Map.of()),
                clock,
                new InMemoryTokenStore(),
                new OkHttpClient()));
    StaticConnectionRegistry.Builder b =
        StaticConnectionRegistry.builder().connection(connector, connection);
    for (Mapping m : mappings.forSystem("memory")) {
      b.inbound("crm", m);
    }
    return b.build();
  }

  private static Invoice storedInvoice(Store store) {
    String data =
        store
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT data FROM invoices WHERE number = 'INV-7'")
                        .mapTo(String.class)
                        .one());
    return CanonicalJson.read(CanonicalJson.parse(data), Invoice.class);
  }

  private static ObjectNode party() {
    return JSON.objectNode()
        .put("name", "Okafor Trading")
        .put("email", "ap@okafor.example")
        .put("country", "GB")
        .put("timeZone", "Europe/London");
  }

  private static ObjectNode invoice(String segment) {
    ObjectNode i =
        JSON.objectNode()
            .put("number", "INV-7")
            .put("partyId", "acct-1")
            .put("issueDate", "2026-10-01")
            .put("dueDate", "2026-10-31")
            .put("status", "OPEN")
            .put("Dunning_Segment__c", segment);
    i.putObject("total").put("amount", new BigDecimal("500.00")).put("currency", "USD");
    i.putObject("openBalance").put("amount", new BigDecimal("500.00")).put("currency", "USD");
    return i;
  }
}
