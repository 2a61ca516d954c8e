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
      int maxInFlight) {

    long calls() {
      return suiteQlCalls + tokenCalls;
    }

    long minimumCalls() {
      // pages of 1,000, one token, one look at DeletedRecord once the live rows are read
      return (invoices + 999) / 1000 + 2;
    }
  }

  private InitialSync() {}

  static Result run(int customers, int invoicesPerCustomer, Duration latency, int cap) {
    return run(customers, invoicesPerCustomer, latency, cap, cap - 1);
  }

  static Result run(
      int customers, int invoicesPerCustomer, Duration latency, int cap, int prefetchPages) {
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
      ns.resetCalls();
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
      return new Result(
          ns.store().count("invoice"),
          records,
          ns.calls("suiteql"),
          ns.calls("token"),
          ns.calls("rejected:429"),
          wall,
          ns.serverTime(),
          ns.suiteQlComputeTime(),
          ns.maxInFlight());
    }
  }
}
