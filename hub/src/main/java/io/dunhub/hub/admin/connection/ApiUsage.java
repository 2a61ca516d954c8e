package io.dunhub.hub.admin.connection;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The host API calls a connection made: counted by the rate limiter every connector passes its
 * calls through ({@link ThrottleApiUsage}, bound by default).
 */
public interface ApiUsage {

  /** Calls the connection made since {@link #since()}, retries included. */
  OptionalLong used(String connection);

  /**
   * How much of the connection's rate limit is spent right now, 0 (a whole burst may go) to 1
   * (callers wait); empty when unknown or the host has no limit.
   */
  default OptionalDouble limitUsed(String connection) {
    return OptionalDouble.empty();
  }

  /** When counting began (the hub's start); empty when unknown. */
  default Optional<Instant> since() {
    return java.util.Optional.empty();
  }

  /**
   * The account-wide allowance the connection's host reports (Salesforce's daily API requests of
   * the org), or empty when its host reports none or has not replied yet.
   */
  default Optional<io.dunhub.core.connector.ReportsAllowance.Allowance> allowance(
      String connection) {
    return Optional.empty();
  }

  ApiUsage UNKNOWN = connection -> OptionalLong.empty();
}
