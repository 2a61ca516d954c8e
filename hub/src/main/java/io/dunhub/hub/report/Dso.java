package io.dunhub.hub.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Days sales outstanding, the standard (sales-based) method: at the end of day {@code d},
 *
 * <pre>DSO(d) = receivables(d) / credit sales in (d - 90 days, d] × 90</pre>
 *
 * where receivables are the open balances at the end of {@code d} (invoices issued by then, not
 * void) and credit sales the totals of invoices issued in the period. One decimal, half up; null
 * when there were no sales in the period.
 */
final class Dso {

  /** The period the sales are taken over, in days. */
  static final int PERIOD_DAYS = 90;

  private Dso() {}

  static BigDecimal at(LedgerSnapshot ledger, String currency, LocalDate day) {
    BigDecimal sales = ledger.salesBetween(currency, day.minusDays(PERIOD_DAYS), day);
    if (sales.signum() == 0) {
      return null;
    }
    return ledger
        .receivablesAt(currency, day)
        .multiply(BigDecimal.valueOf(PERIOD_DAYS))
        .divide(sales, 1, RoundingMode.HALF_UP);
  }

  /** DSO at the end of each of the {@code days} days up to and including {@code last}. */
  static List<DsoPoint> trend(LedgerSnapshot ledger, String currency, LocalDate last, int days) {
    List<DsoPoint> points = new ArrayList<>();
    for (int i = days - 1; i >= 0; i--) {
      LocalDate d = last.minusDays(i);
      points.add(new DsoPoint(d, at(ledger, currency, d)));
    }
    return points;
  }
}
