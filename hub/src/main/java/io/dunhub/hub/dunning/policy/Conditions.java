package io.dunhub.hub.dunning.policy;

import java.util.Currency;
import java.util.Map;
import java.util.Set;

/**
 * When a policy applies. Every condition given must hold; an empty set or an open range means
 * "any".
 *
 * @param segments the party's segment is one of these
 * @param tags the party carries at least one of these tags
 * @param countries the party's country (ISO alpha-2) is one of these
 * @param currencies the invoice's currency is one of these
 * @param openBalance per currency, the party's total open balance in that currency lies in the
 *     range; a currency not listed does not match when the map is not empty
 * @param customerAgeDays days since the party became a customer
 * @param latePayments invoices the party paid after their due date in the last 365 days
 * @param averageDaysLate average days late of those payments
 */
public record Conditions(
    Set<String> segments,
    Set<String> tags,
    Set<String> countries,
    Set<Currency> currencies,
    Map<Currency, Range> openBalance,
    Range customerAgeDays,
    Range latePayments,
    Range averageDaysLate) {

  public static final Conditions ALWAYS =
      new Conditions(
          Set.of(), Set.of(), Set.of(), Set.of(), Map.of(), Range.ANY, Range.ANY, Range.ANY);

  public Conditions {
    segments = Set.copyOf(segments);
    tags = Set.copyOf(tags);
    countries = Set.copyOf(countries);
    currencies = Set.copyOf(currencies);
    openBalance = Map.copyOf(openBalance);
  }
}
