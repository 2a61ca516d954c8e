package io.dunhub.hub.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.Money;
import io.dunhub.core.model.Party;
import io.dunhub.hub.dunning.policy.PolicyLoader;
import io.dunhub.hub.dunning.policy.PolicySet;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PolicySelectorTest {

  private static final String STEPS = "steps:\n  - at: due\n    action: task\n";
  private final PolicySet set =
      new PolicyLoader(n -> true)
          .load(
              new TreeMap<>(
                  Map.of(
                      "a.yaml",
                          "policy: key-accounts\norder: 1\nwhen:\n  open_balance:\n    USD: {min: 10000}\n    EUR: {min: 9000}\n"
                              + STEPS,
                      "b.yaml",
                          "policy: chronic-late\norder: 2\nwhen:\n  late_payments: {min: 3}\n  average_days_late: {min: 10}\n"
                              + STEPS,
                      "c.yaml",
                          "policy: new-customers\norder: 3\nwhen:\n  customer_age_days: {max: 90}\n  tags: [trial, startup]\n"
                              + STEPS,
                      "d.yaml", "policy: standard\ndefault: true\n" + STEPS)));
  private final Instant now = Instant.parse("2026-03-01T00:00:00Z");

  private Party party(Instant since, Set<String> tags) {
    return new Party(
        "p", "P", null, null, "US", Locale.US, null, null, tags, null, since, false, false);
  }

  private String pick(Party p, String balance, String currency, PaymentBehaviour b) {
    Invoice inv = Fixtures.invoice("i", "p", "2026-03-20", "100", currency);
    return PolicySelector.select(set, p, inv, Money.of(balance, currency), b, now).id();
  }

  @Test
  void balanceThresholdsArePerCurrency() {
    Party p = party(Instant.parse("2020-01-01T00:00:00Z"), Set.of());
    assertThat(pick(p, "10000", "USD", PaymentBehaviour.NONE)).isEqualTo("key-accounts");
    assertThat(pick(p, "9999.99", "USD", PaymentBehaviour.NONE)).isEqualTo("standard");
    assertThat(pick(p, "9000", "EUR", PaymentBehaviour.NONE)).isEqualTo("key-accounts");
    assertThat(pick(p, "50000", "GBP", PaymentBehaviour.NONE))
        .isEqualTo("standard"); // no GBP threshold
  }

  @Test
  void paymentHistoryAndCustomerAgeAndTags() {
    Party old = party(Instant.parse("2020-01-01T00:00:00Z"), Set.of());
    assertThat(pick(old, "10", "USD", new PaymentBehaviour(3, new BigDecimal("12.5"))))
        .isEqualTo("chronic-late");
    assertThat(pick(old, "10", "USD", new PaymentBehaviour(3, new BigDecimal("4"))))
        .isEqualTo("standard");
    Party young = party(Instant.parse("2026-01-15T00:00:00Z"), Set.of("startup"));
    assertThat(pick(young, "10", "USD", PaymentBehaviour.NONE)).isEqualTo("new-customers");
    assertThat(
            pick(
                party(Instant.parse("2026-01-15T00:00:00Z"), Set.of()),
                "10",
                "USD",
                PaymentBehaviour.NONE))
        .isEqualTo("standard");
    assertThat(pick(party(null, Set.of("startup")), "10", "USD", PaymentBehaviour.NONE))
        .isEqualTo("standard");
  }
}
