package io.dunhub.salesforce;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.dunhub.core.connector.Page;
import io.dunhub.core.connector.RecordSink;
import io.dunhub.core.connector.SourceStream;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.core.connector.WriteRequest;
import io.dunhub.salesforce.sandbox.ApiCounter;
import io.dunhub.salesforce.sandbox.SandboxSeed;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Initial read of accounts and invoices, then invoice upserts, against the sandbox with a fixed
 * latency per call; reports API calls against the minimum (2,000 rows per query batch, 200 records
 * per write) and the daily allowance consumed per 1,000 records.
 *
 * <pre>
 * ./mvnw -o -q -pl salesforce-connector -am test-compile -Dspotless.check.skip=true
 * java -cp "$(cat salesforce-connector/target/bench.cp):salesforce-connector/target/classes:\
 * salesforce-connector/target/test-classes:connector-core/target/classes:\
 * connector-core/target/test-classes" io.dunhub.salesforce.SalesforceBenchmark 10000 5 5000 50
 * </pre>
 *
 * (arguments: accounts, invoices per account, upserts, latency in ms). {@code
 * SalesforceBenchmarkIT} runs a small variant in the build.
 */
public final class SalesforceBenchmark {

  /** The figures of one run. */
  public record Result(
      int accounts,
      int invoices,
      int upserts,
      long queryCalls,
      long queryMoreCalls,
      long describeCalls,
      long upsertCalls,
      long allowanceUsed,
      long minimumCalls,
      Duration readTime,
      Duration writeTime) {

    long totalCalls() {
      return queryCalls + queryMoreCalls + describeCalls + upsertCalls;
    }

    double ratio() {
      return (double) totalCalls() / minimumCalls;
    }

    double allowancePerThousand() {
      return allowanceUsed * 1000.0 / (accounts + invoices + upserts);
    }

    String table() {
      return String.format(
          "records: %,d accounts + %,d invoices read, %,d invoices upserted%n"
              + "calls: query %d, queryMore %d, describeSObject %d, upsert %d = %d%n"
              + "minimum: %d (2,000 rows per query batch, 200 per write) -> ratio %.3f%n"
              + "daily allowance used: %d = %.3f per 1,000 records%n"
              + "wall time: read %.1f s, write %.1f s",
          accounts,
          invoices,
          upserts,
          queryCalls,
          queryMoreCalls,
          describeCalls,
          upsertCalls,
          totalCalls(),
          minimumCalls,
          ratio(),
          allowanceUsed,
          allowancePerThousand(),
          readTime.toMillis() / 1000.0,
          writeTime.toMillis() / 1000.0);
    }
  }

  public static void main(String[] args) {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int perAccount = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int upserts = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
    int latency = args.length > 3 ? Integer.parseInt(args[3]) : 50;
    System.out.println(run(accounts, perAccount, upserts, Duration.ofMillis(latency)).table());
  }

  public static Result run(int accounts, int invoicesPerAccount, int upserts, Duration latency) {
    Clock clock = Clock.systemUTC();
    try (SandboxOrgFixture org =
        new SandboxOrgFixture(clock, new io.dunhub.core.testing.ManualClock(clock.instant()))) {
      SalesforceConnection installer = org.open("bench-install", Map.of());
      new SalesforceInstaller(clock).install(installer);
      SandboxSeed.Result seeded =
          SandboxSeed.realistic(2026)
              .accounts(accounts)
              .contactsPerAccount(0)
              .invoicesPerAccount(invoicesPerAccount)
              .apply(org.sandbox.org());
      org.sandbox.latency(latency);
      ApiCounter api = org.sandbox.api();
      api.reset();
      long usedBefore = api.used();

      SalesforceConnection sf = org.open("bench", Map.of());
      long start = System.nanoTime();
      int read = readAll(sf.source("Account")) + readAll(sf.source("Invoice"));
      Duration readTime = Duration.ofNanos(System.nanoTime() - start);
      if (read != accounts + seeded.invoices()) {
        throw new IllegalStateException("read " + read + " records");
      }

      RecordSink sink = sf.sink("Dunhub_Invoice__c");
      List<WriteRequest> writes = new ArrayList<>(upserts);
      for (int i = 0; i < upserts; i++) {
        String account = seeded.accountIds().get(i % accounts);
        writes.add(
            new WriteRequest(
                "mirror-" + i,
                "Dunhub_Invoice__c",
                null,
                JsonNodeFactory.instance
                    .objectNode()
                    .put("Dunhub_Key__c", "qbo:Invoice:" + (900_000 + i))
                    .put("Name", "INV-9" + i)
                    .put("Account__c", account)
                    .put("Due_Date__c", "2026-12-15")
                    .put("Total__c", "480.00")
                    .put("Balance__c", "480.00")
                    .put("Currency__c", "USD")
                    .put("Status__c", "Open"),
                null));
      }
      start = System.nanoTime();
      List<WriteOutcome> outcomes = new ArrayList<>();
      for (int i = 0; i < writes.size(); i += 1000) {
        outcomes.addAll(sink.writeBatch(writes.subList(i, Math.min(writes.size(), i + 1000))));
      }
      Duration writeTime = Duration.ofNanos(System.nanoTime() - start);
      if (!outcomes.stream().allMatch(WriteOutcome::succeeded)) {
        throw new IllegalStateException(
            "failed writes: " + outcomes.stream().filter(o -> !o.succeeded()).limit(3).toList());
      }

      long minimum = ceil(accounts, 2000) + ceil(seeded.invoices(), 2000) + ceil(upserts, 200);
      return new Result(
          accounts,
          seeded.invoices(),
          upserts,
          api.calls("query") + api.calls("queryAll"),
          api.calls("queryMore"),
          api.calls("describeSObject"),
          api.calls("upsert"),
          api.used() - usedBefore,
          minimum,
          readTime,
          writeTime);
    }
  }

  private static int readAll(SourceStream stream) {
    int n = 0;
    Page page = stream.readPage(null, 2000);
    n += page.records().size();
    while (page.hasMore()) {
      page = stream.readPage(page.next(), 2000);
      n += page.records().size();
    }
    return n;
  }

  private static long ceil(long n, long d) {
    return (n + d - 1) / d;
  }
}
