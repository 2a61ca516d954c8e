package io.dunhub.hub.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.connector.Capabilities;
import io.dunhub.core.connector.CheckResult;
import io.dunhub.core.connector.ConfigSpec;
import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.Page;
import io.dunhub.core.connector.RateLimit;
import io.dunhub.core.connector.RecordSink;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.connector.SourceStream;
import io.dunhub.core.connector.StreamSpec;
import io.dunhub.core.connector.Watermark;
import io.dunhub.core.model.EntityType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory host whose records are generated from their index instead of stored: {@code parties}
 * parties and {@code invoices} invoices in the in-memory connector's shape (canonical field names),
 * served in pages ordered by (last modified, id) with a watermark that breaks ties, like every
 * connector. A million stored JSON trees do not fit a 512 MB heap beside the hub; these cost
 * nothing until read. {@link #changeEveryHundredth()} edits 1% of the invoices, which then sort
 * after everything read before, exactly as edited records do in a real host.
 */
final class GeneratedHost implements io.dunhub.core.connector.HostConnector {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant T1 = Instant.parse("2026-06-01T00:00:00Z");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final int parties;
  private final int invoices;
  private volatile boolean changed;

  GeneratedHost(int parties, int invoices) {
    this.parties = parties;
    this.invoices = invoices;
  }

  /** Edits every hundredth invoice: part paid, last modified after everything else. */
  void changeEveryHundredth() {
    changed = true;
  }

  int changedCount() {
    return (invoices + 99) / 100;
  }

  @Override
  public String id() {
    return "generated";
  }

  @Override
  public ConfigSpec configSpec() {
    return new ConfigSpec();
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(
        List.of(
            new StreamSpec("Party", EntityType.PARTY),
            new StreamSpec("Invoice", EntityType.INVOICE)),
        List.of(),
        1000,
        RateLimit.unlimited());
  }

  @Override
  public CheckResult check(ConnectionContext context) {
    return CheckResult.ok("generated");
  }

  @Override
  public Connection open(ConnectionContext context) {
    return connection("bench");
  }

  Connection connection(String name) {
    return new Connection() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public SourceStream source(String stream) {
        return switch (stream) {
          case "Party" -> (w, limit) -> page(w, limit, parties, false);
          case "Invoice" -> (w, limit) -> page(w, limit, invoices, true);
          default -> throw new ConfigurationException(name + ": no stream " + stream);
        };
      }

      @Override
      public RecordSink sink(String hostObject) {
        throw new ConfigurationException(name + ": the generated host is read-only");
      }
    };
  }

  /**
   * Phase 0 lists every record not edited, by index; phase 1 lists the edited invoices. The
   * watermark is {@code phase:index} of the last record returned.
   */
  private Page page(Watermark w, int limit, int count, boolean invoice) {
    int phase = 0;
    int index = -1;
    if (w != null && !w.value().isEmpty()) {
      String[] parts = w.value().split(":");
      phase = Integer.parseInt(parts[0]);
      index = Integer.parseInt(parts[1]);
    }
    boolean edits = invoice && changed;
    List<SourceRecord> records = new ArrayList<>(limit);
    int i = phase == 1 && index >= 0 ? index + 100 : index + 1;
    while (records.size() < limit && phase <= 1) {
      if (phase == 0) {
        if (i >= count) {
          phase = 1;
          i = 0;
          continue;
        }
        if (!(edits && i % 100 == 0)) {
          records.add(record(invoice, i, false));
        }
        i++;
      } else {
        if (!edits || i >= count) {
          break;
        }
        records.add(record(true, i, true));
        i += 100;
      }
    }
    if (records.isEmpty()) {
      return new Page(List.of(), w == null ? new Watermark("") : w, false);
    }
    SourceRecord last = records.get(records.size() - 1);
    int lastIndex = Integer.parseInt(last.hostId().substring(1));
    int lastPhase = last.lastModified().isBefore(T1) ? 0 : 1;
    return new Page(records, new Watermark(lastPhase + ":" + lastIndex), true);
  }

  private SourceRecord record(boolean invoice, int i, boolean edited) {
    ObjectNode f = JSON.objectNode();
    String id;
    if (invoice) {
      id = String.format("I%07d", i);
      f.put("number", "INV-" + i);
      f.put("partyId", String.format("P%07d", i % parties));
      f.put("issueDate", "2026-01-02");
      f.put("dueDate", "2026-02-01");
      BigDecimal total = BigDecimal.valueOf(10_000 + (i % 90_000), 2);
      f.set("total", money(total));
      f.set("openBalance", money(edited ? total.divide(BigDecimal.valueOf(2)) : total));
      f.put("status", edited ? "PARTIALLY_PAID" : "OPEN");
      f.put("terms", "Net 30");
    } else {
      id = String.format("P%07d", i);
      f.put("name", "Customer " + i);
      f.put("email", "ap" + i + "@customer.test");
      f.put("country", "US");
      f.put("timeZone", "America/New_York");
      f.put("segment", i % 10 == 0 ? "enterprise" : "smb");
      f.put("taxId", "TAX-" + i);
    }
    Instant at = (edited ? T1 : T0).plusMillis(i);
    return new SourceRecord(invoice ? "Invoice" : "Party", id, edited ? "2" : "1", at, false, f);
  }

  private static ObjectNode money(BigDecimal amount) {
    ObjectNode m = JSON.objectNode();
    m.put("amount", amount);
    m.put("currency", "USD");
    return m;
  }

  /** The record of one index, for the baseline insert. */
  SourceRecord recordAt(boolean invoice, int i) {
    return record(invoice, i, false);
  }
}
