package io.dunhub.hub.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Collection effectiveness index over the period {@code (from, to]}:
 *
 * <pre>
 * CEI = (B + S - E) / (B + S - EC) × 100
 * B  = receivables at the end of {@code from}
 * S  = credit sales (invoice totals) issued in the period
 * E  = receivables at the end of {@code to}
 * EC = receivables at the end of {@code to} that are not yet past due (current)
 * </pre>
 *
 * 100 means everything collectible was collected. One decimal, half up; null when nothing was
 * collectible ({@code B + S - EC} is zero).
 */
final class Cei {

  /** The default period, in days. */
  static final int PERIOD_DAYS = 30;

  private Cei() {}

  static BigDecimal of(LedgerSnapshot ledger, String currency, LocalDate from, LocalDate to) {
    BigDecimal begin = ledger.receivablesAt(currency, from);
    BigDecimal sales = ledger.salesBetween(currency, from, to);
    BigDecimal end = ledger.receivablesAt(currency, to);
    BigDecimal current =
        ledger.in(currency).stream()
            .filter(e -> e.daysPastDue(to) <= 0)
            .map(e -> e.balanceAt(to))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal collectible = begin.add(sales).subtract(current);
    if (collectible.signum() == 0) {
      return null;
    }
    return begin
        .add(sales)
        .subtract(end)
        .multiply(BigDecimal.valueOf(100))
        .divide(collectible, 1, RoundingMode.HALF_UP);
  }
}
