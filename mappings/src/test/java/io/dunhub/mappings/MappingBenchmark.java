package io.dunhub.mappings;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.mapping.Lookups;
import io.dunhub.core.mapping.Mapping;
import io.dunhub.core.mapping.MappingResult;
import io.dunhub.core.mapping.MappingSet;
import io.dunhub.core.model.EntityType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * Records per second of the mapping alone: host records already parsed (as a connector hands them
 * over), mapped to canonical records by the shipped defaults, lookups answered from memory. Not a
 * test: run it by hand (see docs/mappings.md).
 *
 * <p>Arguments: {@code [records] [rounds]} (default 1,000,000 records, 3 rounds after a warm-up).
 */
public final class MappingBenchmark {
  private static final int DISTINCT = 10_000;

  private MappingBenchmark() {}

  public static void main(String[] args) {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    MappingSet set = DefaultMappings.load();
    if (set.hasErrors()) {
      throw new IllegalStateException("defaults do not load: " + set.errors());
    }
    System.out.printf(
        Locale.ROOT,
        "JDK %s, %d cores, heap %d MB%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
    run(
        set,
        "salesforce",
        "blng__Invoice__c",
        MappingBenchmark::salesforceInvoice,
        records,
        rounds);
    run(set, "quickbooks", "Invoice", MappingBenchmark::quickBooksInvoice, records, rounds);
    run(set, "netsuite", "customerPayment", MappingBenchmark::netSuitePayment, records, rounds);
  }

  private interface Generator {
    ObjectNode record(int i);
  }

  private static void run(
      MappingSet set, String system, String object, Generator gen, int records, int rounds) {
    Mapping mapping = set.find(system, object).orElseThrow();
    SourceRecord[] pool = new SourceRecord[DISTINCT];
    for (int i = 0; i < DISTINCT; i++) {
      pool[i] = new SourceRecord(object, "h" + i, "1", Instant.EPOCH, false, gen.record(i));
    }
    Lookups lookups = new EchoLookups();
    long sink = 0;
    // warm-up: let the JIT compile the hot path
    for (int i = 0; i < Math.min(records, 300_000); i++) {
      sink += check(mapping.toCanonical(pool[i % DISTINCT], "bench", lookups));
    }
    double best = 0;
    for (int round = 1; round <= rounds; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < records; i++) {
        sink += check(mapping.toCanonical(pool[i % DISTINCT], "bench", lookups));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double rate = records / seconds;
      best = Math.max(best, rate);
      System.out.printf(
          Locale.ROOT,
          "%-30s round %d: %,d records in %.2f s = %,.0f records/s%n",
          system + "/" + object,
          round,
          records,
          seconds,
          rate);
    }
    System.out.printf(
        Locale.ROOT,
        "%-30s best: %,.0f records/s (check %d)%n",
        system + "/" + object,
        best,
        sink % 7);
  }

  private static int check(MappingResult r) {
    if (!(r instanceof MappingResult.Mapped m)) {
      throw new IllegalStateException("benchmark record did not map: " + r);
    }
    return m.warnings().size() + 1;
  }

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private static ObjectNode salesforceInvoice(int i) {
    LocalDate issued = LocalDate.of(2026, 1, 1).plusDays(i % 300);
    return JSON.objectNode()
        .put("Id", String.format(Locale.ROOT, "a0B5e%013d", i))
        .put("Name", "INV-" + i)
        .put("blng__Account__c", "001" + (i % 500))
        .put("blng__InvoiceDate__c", issued.toString())
        .put("blng__DueDate__c", issued.plusDays(30).toString())
        .put("blng__TotalAmount__c", 100 + (i % 9000) / 7.0)
        .put("blng__Balance__c", (i % 9000) / 13.0)
        .put("blng__InvoiceStatus__c", "Posted")
        .put("blng__PaymentStatus__c", i % 3 == 0 ? "Unpaid" : "Partially Paid")
        .put("CurrencyIsoCode", i % 2 == 0 ? "USD" : "EUR")
        .put("SystemModstamp", "2026-10-02T08:15:00.000+0000");
  }

  private static ObjectNode quickBooksInvoice(int i) {
    ObjectNode n =
        JSON.objectNode()
            .put("Id", Integer.toString(i))
            .put("DocNumber", Integer.toString(1000 + i))
            .put("TxnDate", LocalDate.of(2026, 1, 1).plusDays(i % 300).toString())
            .put("DueDate", LocalDate.of(2026, 2, 1).plusDays(i % 300).toString())
            .put("TotalAmt", 100 + i % 900)
            .put("Balance", i % 100)
            .put("InvoiceLink", "https://pay.example/" + i);
    n.putObject("CustomerRef").put("value", Integer.toString(i % 500));
    n.putObject("CurrencyRef").put("value", "USD");
    n.putObject("SalesTermRef").put("value", "3").put("name", "Net 30");
    return n;
  }

  private static ObjectNode netSuitePayment(int i) {
    ObjectNode n =
        JSON.objectNode()
            .put("id", Integer.toString(i))
            .put("tranDate", LocalDate.of(2026, 1, 1).plusDays(i % 300).toString())
            .put("payment", 300.0 + i % 100);
    n.putObject("customer").put("id", Integer.toString(i % 500));
    n.putObject("paymentMethod").put("refName", "ACH");
    var items = n.putObject("apply").putArray("items");
    items.addObject().put("apply", true).put("amount", 200.0).putObject("doc").put("id", "9" + i);
    items.addObject().put("apply", false).put("amount", 0).putObject("doc").put("id", "8" + i);
    items
        .addObject()
        .put("apply", true)
        .put("amount", 100.0 + i % 100)
        .putObject("doc")
        .put("id", "7" + i);
    return n;
  }

  /** Answers every lookup at once, as a warm cache over the store would. */
  private static final class EchoLookups implements Lookups {
    @Override
    public Optional<String> canonicalId(
        EntityType entity, String connection, String hostObject, String hostId) {
      return Optional.of(hostId);
    }

    @Override
    public Optional<String> hostId(
        EntityType entity, String canonicalId, String connection, String hostObject) {
      return Optional.of(canonicalId);
    }
  }
}
