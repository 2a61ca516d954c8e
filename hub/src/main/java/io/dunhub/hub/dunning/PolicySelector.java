package io.dunhub.hub.dunning;

import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.Money;
import io.dunhub.core.model.Party;
import io.dunhub.hub.dunning.policy.Conditions;
import io.dunhub.hub.dunning.policy.Policy;
import io.dunhub.hub.dunning.policy.PolicySet;
import io.dunhub.hub.dunning.policy.Range;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Currency;
import java.util.Locale;

/**
 * Picks the policy for an invoice: the first policy whose conditions all hold, else the default.
 */
public final class PolicySelector {

  private PolicySelector() {}

  /**
   * @param partyBalance the party's total open balance in the invoice's currency
   */
  public static Policy select(
      PolicySet policies,
      Party party,
      Invoice invoice,
      Money partyBalance,
      PaymentBehaviour behaviour,
      Instant now) {
    for (Policy policy : policies.ordered()) {
      if (matches(policy.when(), party, invoice, partyBalance, behaviour, now)) {
        return policy;
      }
    }
    return policies.fallback();
  }

  static boolean matches(
      Conditions c,
      Party party,
      Invoice invoice,
      Money partyBalance,
      PaymentBehaviour behaviour,
      Instant now) {
    if (!c.segments().isEmpty()
        && (party.segment() == null || !c.segments().contains(party.segment()))) {
      return false;
    }
    if (!c.tags().isEmpty() && Collections.disjoint(c.tags(), party.tags())) {
      return false;
    }
    String country = party.country() == null ? null : party.country().toUpperCase(Locale.ROOT);
    if (!c.countries().isEmpty() && (country == null || !c.countries().contains(country))) {
      return false;
    }
    Currency currency = invoice.openBalance().currency();
    if (!c.currencies().isEmpty() && !c.currencies().contains(currency)) {
      return false;
    }
    if (!c.openBalance().isEmpty()) {
      Range range = c.openBalance().get(currency);
      if (range == null || !range.contains(partyBalance.amount())) {
        return false;
      }
    }
    if (!c.customerAgeDays().isAny()) {
      if (party.customerSince() == null) {
        return false;
      }
      long age = Duration.between(party.customerSince(), now).toDays();
      if (!c.customerAgeDays().contains(age)) {
        return false;
      }
    }
    if (!c.latePayments().contains(behaviour.latePayments())) {
      return false;
    }
    BigDecimal avg = behaviour.averageDaysLate();
    return c.averageDaysLate().contains(avg == null ? BigDecimal.ZERO : avg);
  }
}
