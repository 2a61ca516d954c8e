package io.dunhub.netsuite;

import io.dunhub.core.auth.InMemoryTokenStore;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.Page;
import io.dunhub.core.connector.Watermark;
import io.dunhub.netsuite.sandbox.NetSuiteSandbox;
import io.dunhub.netsuite.sandbox.SandboxSeed;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * An initial sync of the invoice stream against a seeded sandbox, as the hub runs it: read pages of
 * 1,000 until the connector says there are no more. Reports records, calls and wall time.
 */
final class InitialSync {

  /** What one run measured. */
  record Result(
      int invoices,
      int records,
      long suiteQlCalls,
      long tokenCalls,
      long rejected,
      Duration wall,
      Duration sandboxCpu,
      Duration suiteQlCompute,
      int maxInFlight,
      boolean warm,
      Duration processCpu) {

    long calls() {
      return suiteQlCalls + tokenCalls;
    }

    long minimumCalls() {
      // pages of 1,000, one look at DeletedRecord once the live rows are read, and one token
      // unless the warm-up read already got it
      return (invoices + 999) / 1000 + 1 + (warm ? 0 : 1);
    }
  }

  private InitialSync() {}

  static Result run(int customers, int invoicesPerCustomer, Duration latency, int cap) {
    return run(customers, invoicesPerCustomer, latency, cap, cap - 1, false);
  }

  /**
   * @param warmUp whether to read one page of another stream over the same SuiteQL tables first
   */
  static Result run(
      int customers,
      int invoicesPerCustomer,
      Duration latency,
      int cap,
      int prefetchPages,
      boolean warmUp) {
    try (NetSuiteSandbox ns = NetSuiteSandbox.start("1234567_SB1", Clock.systemUTC())) {
      SandboxSeed.company(ns, 7L, customers, invoicesPerCustomer);
      ns.concurrencyLimit(cap);
      ns.latency(latency);
      Connection c =
          new NetSuiteConnector()
              .open(
                  new ConnectionContext(
                      TestCredentials.m2m(
                          ns,
                          "bench",
                          Map.of(
                              "maxConcurrency",
                              Integer.toString(cap),
                              "prefetchPages",
                              Integer.toString(prefetchPages))),
                      Clock.systemUTC(),
                      new InMemoryTokenStore(),
                      new OkHttpClient()));
      if (warmUp) {
        // the sandbox builds its SuiteQL tables (projections of every record) on first use, and
        // the JVM compiles the hot paths: one page of another stream over the same tables does
        // both outside the measurement, without priming the measured query itself
        c.source("customerPayment").readPage(null, 1000);
      }
      ns.resetCalls();
      long cpu0 = processCpuNanos();
      long start = System.nanoTime();
      int records = 0;
      Watermark at = null;
      while (true) {
        Page page = c.source("invoice").readPage(at, 1000);
        records += page.records().size();
        at = page.next();
        if (!page.hasMore()) {
          break;
        }
      }
      Duration wall = Duration.ofNanos(System.nanoTime() - start);
      Duration cpu = Duration.ofNanos(processCpuNanos() - cpu0);
      return new Result(
          ns.store().count("invoice"),
          records,
          ns.calls("suiteql"),
          ns.calls("token"),
          ns.calls("rejected:429"),
          wall,
          ns.serverTime(),
          ns.suiteQlComputeTime(),
          ns.maxInFlight(),
          warmUp,
          cpu);
    }
  }

  /** CPU time of the whole JVM (connector, sandbox, WireMock): what a loaded machine stretches. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
