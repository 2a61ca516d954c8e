package io.dunhub.hub.demo;

import io.dunhub.hub.report.ReceivablesReports;
import io.dunhub.hub.store.Store;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * DSO per currency on the demo's first day and on its last, from the hub's receivables reports
 * ({@link ReceivablesReports}), both read from the ledger as it stands at the end.
 */
final class DemoDso {

  private DemoDso() {}

  /** Currency to {before, after}; a side is null when the currency had no sales in 90 days. */
  static Map<String, BigDecimal[]> compute(
      Store store, Clock clock, LocalDate first, LocalDate last) {
    ReceivablesReports reports = new ReceivablesReports(store, clock, ZoneOffset.UTC, null);
    Map<String, BigDecimal[]> out = new LinkedHashMap<>();
    TreeSet<String> currencies = new TreeSet<>();
    store
        .jdbi()
        .useHandle(
            h ->
                currencies.addAll(
                    h.createQuery("SELECT DISTINCT currency FROM invoices WHERE deleted = FALSE")
                        .mapTo(String.class)
                        .list()));
    for (String c : currencies) {
      out.put(c, new BigDecimal[] {reports.dso(c, first.minusDays(1)), reports.dso(c, last)});
    }
    return out;
  }
}
