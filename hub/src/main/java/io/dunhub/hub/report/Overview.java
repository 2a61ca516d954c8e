package io.dunhub.hub.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The receivables overview of one day: per currency receivables, aging, risk, DSO and CEI; the DSO
 * trend and CEI of the reporting currency (the one with the most receivables, as money of different
 * currencies is never added); recovery rates; the dunning actions of the next days.
 */
public record Overview(
    LocalDate asOf,
    List<CurrencyReceivables> currencies,
    String reportingCurrency,
    List<DsoPoint> dso,
    BigDecimal cei,
    List<RecoveryRate> recovery,
    List<UpcomingAction> upcoming) {
  public Overview {
    currencies = List.copyOf(currencies);
    dso = List.copyOf(dso);
    recovery = List.copyOf(recovery);
    upcoming = List.copyOf(upcoming);
  }
}
