package io.dunhub.hub.sync;

import java.time.Duration;

/**
 * How long a parked record waits before its next attempt: {@code first}, doubling per attempt, at
 * most {@code max}; never less than a host's own {@code Retry-After}.
 */
public record Backoff(Duration first, Duration max) {

  public static Backoff defaults() {
    return new Backoff(Duration.ofMinutes(1), Duration.ofHours(6));
  }

  /** The wait before attempt {@code attempts + 1}, after {@code attempts} failures. */
  public Duration after(int attempts, Duration hostAsked) {
    int doublings = Math.max(0, Math.min(attempts - 1, 30));
    Duration wait = first.multipliedBy(1L << doublings);
    if (wait.compareTo(max) > 0 || wait.isNegative()) {
      wait = max;
    }
    if (hostAsked != null && hostAsked.compareTo(wait) > 0) {
      wait = hostAsked;
    }
    return wait;
  }
}
