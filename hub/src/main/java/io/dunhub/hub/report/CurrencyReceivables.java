package io.dunhub.hub.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * What customers owe in one currency at the end of the report day.
 *
 * @param aging the five buckets, always all of them, in order
 * @param atRisk open balances 61+ days past due, or whose case is disputed, handed over to
 *     collections or had a promise to pay broken, or whose party is in dispute
 * @param dso days sales outstanding on the report day (see {@link Dso}), or null without sales
 * @param cei collection effectiveness index over the 30 days up to the report day (see {@link
 *     Cei}), or null when nothing was collectible
 */
public record CurrencyReceivables(
    String currency,
    io.dunhub.core.model.Money receivables,
    List<AgingLine> aging,
    io.dunhub.core.model.Money atRisk,
    BigDecimal dso,
    BigDecimal cei) {
  public CurrencyReceivables {
    aging = List.copyOf(aging);
  }
}
