package io.dunhub.hub.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.auth.InMemoryTokenStore;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.connector.Page;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.mapping.InboundMapping;
import io.dunhub.core.mapping.Lookups;
import io.dunhub.core.mapping.MappingResult;
import io.dunhub.core.mapping.MappingSet;
import io.dunhub.core.mapping.MappingSource;
import io.dunhub.core.mapping.ObjectDescriptions;
import io.dunhub.core.memory.InMemoryConnector;
import io.dunhub.core.memory.InMemoryHost;
import io.dunhub.core.model.EntityType;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.Party;
import io.dunhub.mappings.DefaultMappings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The "done when": an integrator adds a custom field to the invoice mapping, sees it
 * validated and previewed, and sees it arrive in the canonical record when the records are read
 * from a host (the in-memory host, until the Salesforce sandbox is wired into the hub).
 */
class CustomFieldArrivesTest {
  private static final Path FOLDER = Path.of("src/test/resources/mapping/custom");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-02T10:00:00Z"), ZoneOffset.UTC);
  private InMemoryHost host;

  @AfterEach
  void removeHost() {
    InMemoryHost.remove("custom-field-host");
  }

  @Test
  void aCustomFieldIsValidatedPreviewedAndArrivesInTheCanonicalInvoice() throws Exception {
    // 1. validate: the integrator's folder passes, warnings included
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new MappingsCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    assertThat(cli.execute("validate", "--dir", FOLDER.toString(), "--strict"))
        .as(out.toString())
        .isZero();

    // 2. preview: the field shows in the canonical record
    out.getBuffer().setLength(0);
    int preview =
        cli.execute(
            "preview",
            "--dir",
            FOLDER.toString(),
            "--system",
            "memory",
            "--object",
            "Invoice",
            "--record",
            "src/test/resources/mapping/records/memory-invoice.json");
    assertThat(preview).as(out.toString()).isZero();
    assertThat(out.toString()).contains("\"dunningSegment\" : \"Enterprise\"");

    // 3. the next read from the host maps it into the canonical invoice
    host = InMemoryHost.create("custom-field-host", clock);
    host.put("Party", "acct-1", json("{\"name\": \"Okafor Trading\", \"segment\": \"smb\"}"));
    host.put(
        "Invoice",
        "inv-1",
        (ObjectNode)
            JSON.readTree(
                Files.readString(Path.of("src/test/resources/mapping/records/memory-invoice.json"))
                    .replace("party-1", "acct-1")));
    MappingSet mappings =
        DefaultMappings.load(MappingSource.fromDirectory(FOLDER), ObjectDescriptions.none());
    assertThat(mappings.errors()).isEmpty();
    Connection connection =
        new InMemoryConnector()
            .open(
                new ConnectionContext(
                    new ConnectionSettings(
                        "crm", InMemoryConnector.ID, Map.of("host", "custom-field-host"), Map.of()),
                    clock,
                    new InMemoryTokenStore(),
                    new OkHttpClient()));
    StoreLikeLookups lookups = new StoreLikeLookups();

    for (SourceRecord r : read(connection, "Party")) {
      Party party = (Party) mapped(mappings.inbound("memory", "Party").orElseThrow(), r, lookups);
      lookups.link(EntityType.PARTY, "Party", r.hostId(), "party-" + party.name().hashCode());
    }
    List<SourceRecord> invoices = read(connection, "Invoice");
    Invoice invoice =
        (Invoice)
            mapped(mappings.inbound("memory", "Invoice").orElseThrow(), invoices.get(0), lookups);

    assertThat(invoice.number()).isEqualTo("INV-7");
    assertThat(invoice.partyId()).isEqualTo("party-" + "Okafor Trading".hashCode());
    assertThat(invoice.attributes()).containsEntry("dunningSegment", "Enterprise");
  }

  private static List<SourceRecord> read(Connection connection, String stream) {
    Page page = connection.source(stream).readPage(null, 100);
    assertThat(page.records()).isNotEmpty();
    return page.records();
  }

  private static Object mapped(InboundMapping mapping, SourceRecord r, Lookups lookups) {
    MappingResult result = mapping.toCanonical(r, "crm", lookups);
    assertThat(result).isInstanceOf(MappingResult.Mapped.class);
    return ((MappingResult.Mapped) result).canonical();
  }

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text);
  }

  /** Links host ids to canonical ids as the hub's store does when it upserts a record. */
  private static final class StoreLikeLookups implements Lookups {
    private final Map<String, String> ids = new HashMap<>();

    void link(EntityType entity, String object, String hostId, String id) {
      ids.put(entity + "/" + object + "/" + hostId, id);
    }

    @Override
    public Optional<String> canonicalId(
        EntityType entity, String connection, String hostObject, String hostId) {
      return Optional.ofNullable(ids.get(entity + "/" + hostObject + "/" + hostId));
    }

    @Override
    public Optional<String> hostId(
        EntityType entity, String canonicalId, String connection, String hostObject) {
      return Optional.empty();
    }
  }
}
