package io.dunhub.hub.dunning.policy;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** All policies, tried in order, and the default. */
public final class PolicySet {
  private final List<Policy> ordered;
  private final Policy fallback;
  private final boolean balanceConditions;

  public PolicySet(List<Policy> policies) {
    this.ordered =
        policies.stream()
            .filter(p -> !p.isDefault())
            .sorted(Comparator.comparingInt(Policy::order).thenComparing(Policy::id))
            .toList();
    this.fallback = policies.stream().filter(Policy::isDefault).findFirst().orElse(null);
    if (fallback == null) {
      throw new IllegalArgumentException("a policy set needs a default policy");
    }
    this.balanceConditions = ordered.stream().anyMatch(p -> !p.when().openBalance().isEmpty());
  }

  /**
   * Whether choosing a case's policy reads the party's total open balance: some policy has an
   * open-balance condition.
   */
  public boolean choiceReadsBalance() {
    return balanceConditions;
  }

  /**
   * Whether a case pinned to {@code policyId} (null: not pinned yet) has its policy chosen anew by
   * the conditions: it is not pinned, or its policy is no longer in the set.
   */
  public boolean choosesFor(String policyId) {
    return policyId == null || byId(policyId).isEmpty();
  }

  /** The non-default policies in the order they are tried. */
  public List<Policy> ordered() {
    return ordered;
  }

  public Policy fallback() {
    return fallback;
  }

  public Optional<Policy> byId(String id) {
    if (fallback.id().equals(id)) {
      return Optional.of(fallback);
    }
    return ordered.stream().filter(p -> p.id().equals(id)).findFirst();
  }
}
