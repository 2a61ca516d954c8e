package io.dunhub.core.connector;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A connection whose host reports how much of an account-wide API allowance is spent, such as
 * Salesforce's daily API requests of the org (every app's calls, not only this hub's). The hub
 * shows it next to the calls it counts itself.
 */
public interface ReportsAllowance {

  /** The latest reading the host gave, or empty before its first reply. */
  Optional<Allowance> allowance();

  /**
   * @param name what the allowance is, for people (e.g. "API requests in 24 hours, org-wide")
   * @param used how much of it is spent
   * @param limit its size
   * @param at when the host reported it
   */
  record Allowance(String name, long used, long limit, Instant at) {
    public Allowance {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(at, "at");
    }
  }
}
