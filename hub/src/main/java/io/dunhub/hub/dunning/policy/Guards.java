package io.dunhub.hub.dunning.policy;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Currency;
import java.util.Map;

/**
 * What every step must respect before it contacts anyone.
 *
 * @param windowStart earliest local time of a contact in the party's time zone
 * @param windowEnd latest local time (exclusive) of a contact
 * @param businessDaysOnly contact only on weekdays that are not public holidays in the party's
 *     country
 * @param maxContactsPer7Days at most this many notices per party in any rolling 7 days
 * @param minimumBalance per currency, no notice when the open balance is below it
 * @param consolidate one notice per party and channel when several invoices reach a step the same
 *     day
 */
public record Guards(
    LocalTime windowStart,
    LocalTime windowEnd,
    boolean businessDaysOnly,
    int maxContactsPer7Days,
    Map<Currency, BigDecimal> minimumBalance,
    boolean consolidate) {

  public static final Guards DEFAULT =
      new Guards(LocalTime.of(8, 0), LocalTime.of(21, 0), true, 3, Map.of(), true);

  public Guards {
    minimumBalance = Map.copyOf(minimumBalance);
  }
}
