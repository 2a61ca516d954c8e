package io.dunhub.netsuite.sandbox;

import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Times the SuiteQL engine alone on 50,000 invoices (a probe, not part of verify). */
class SuiteQlSpeedProbe {
  @Test
  void time() {
    try (NetSuiteSandbox ns = NetSuiteSandbox.start("1_SB1", Clock.systemUTC())) {
      SandboxSeed.company(ns, 7L, 500, 100);
      SuiteQlEngine e =
          new SuiteQlEngine(java.time.ZoneId.of("UTC"), new SuiteQlTables(ns.store())::rows);
      String q =
          new io.dunhub.netsuite.internal.StreamQuery(
                  "invoice",
                  "t.id, cur.symbol AS currencycode, s.name AS subsidiaryname",
                  "transaction t INNER JOIN transactionline tl ON tl.transaction = t.id AND"
                      + " tl.mainline = 'T' LEFT JOIN currency cur ON cur.id = t.currency"
                      + " LEFT JOIN subsidiary s ON s.id = tl.subsidiary",
                  "t.type = 'CustInvc'",
                  "tl.subsidiary",
                  "t.lastmodifieddate",
                  "t.id",
                  java.util.List.of("invoice"))
              .page(null, null, "2100-01-01 00:00:00", java.util.Set.of());
      for (int i = 0; i < 5; i++) {
        long t0 = System.nanoTime();
        SuiteQlEngine.Result r = e.run(q, 0, 1000);
        System.out.printf(
            "query %d: %d ms, total %d%n", i, (System.nanoTime() - t0) / 1_000_000, r.total());
      }
    }
  }
}
