package io.dunhub.hub.dunning.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** How a late-fee step computes its amount. */
public sealed interface FeeRule {

  /** A fixed amount per currency. */
  record Fixed(Map<Currency, BigDecimal> amounts) implements FeeRule {
    public Fixed {
      amounts = Map.copyOf(amounts);
    }
  }

  /** A percentage of the open balance, at most {@code cap} per currency when given. */
  record Percent(BigDecimal percent, Map<Currency, BigDecimal> cap) implements FeeRule {
    public Percent {
      cap = Map.copyOf(cap);
    }
  }

  /**
   * EU late-payment interest (Directive 2011/7/EU): the ECB reference rate in force on the first
   * day of each half-year plus {@code points}, simple daily interest (actual/365) from the day
   * after the due date, plus a flat compensation per invoice.
   *
   * @param points percentage points over the reference rate (8 for B2B)
   * @param referenceRates the ECB reference rate by the date it took effect (1 January, 1 July)
   * @param compensation flat compensation per currency (EUR 40)
   */
  record Statutory(
      BigDecimal points,
      NavigableMap<LocalDate, BigDecimal> referenceRates,
      Map<Currency, BigDecimal> compensation)
      implements FeeRule {
    public Statutory {
      referenceRates =
          java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(referenceRates));
      compensation = Map.copyOf(compensation);
    }
  }
}
