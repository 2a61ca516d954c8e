package io.dunhub.hub.outbox;

import java.time.Duration;

/**
 * How often and how patiently a failing row is retried: exponential back-off from {@code first},
 * doubling per attempt up to {@code max}, and a dead letter after {@code maxAttempts} attempts.
 */
public record RetryPolicy(Duration first, Duration max, int maxAttempts, Duration lease) {

  public static final RetryPolicy DEFAULT =
      new RetryPolicy(Duration.ofMinutes(1), Duration.ofHours(6), 8, Duration.ofMinutes(5));

  /** The wait after the given (1-based) failed attempt, at least {@code hint} when given. */
  public Duration backoff(int attempt, Duration hint) {
    long factor = 1L << Math.min(Math.max(attempt - 1, 0), 20);
    Duration wait = first.multipliedBy(factor);
    if (wait.compareTo(max) > 0) {
      wait = max;
    }
    return hint != null && hint.compareTo(wait) > 0 ? hint : wait;
  }
}
