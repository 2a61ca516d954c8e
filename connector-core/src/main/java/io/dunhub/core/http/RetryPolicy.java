package io.dunhub.core.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed call again: jittered exponential backoff within a budget of attempts and
 * elapsed time. The delay before retry {@code n} is drawn from {@code [d/2, d]} where {@code d =
 * min(maxDelay, baseDelay * 2^(n-1))}, and never shorter than what the host asked for in {@code
 * Retry-After}. When the next wait would break the budget the policy gives up, and the caller
 * surfaces a {@code RetryableException} so the hub tries again later.
 *
 * @param maxAttempts the most calls in all, the first one included
 * @param maxElapsed the longest time from the first call to the start of the last retry
 * @param jitter a source of numbers in {@code [0, 1)}; tests pass a constant
 */
public record RetryPolicy(
    int maxAttempts,
    Duration maxElapsed,
    Duration baseDelay,
    Duration maxDelay,
    DoubleSupplier jitter) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    Objects.requireNonNull(maxElapsed, "maxElapsed");
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(jitter, "jitter");
    if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay");
    }
  }

  /** Five attempts within a minute, starting at half a second, at most 20 seconds apart. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        5,
        Duration.ofSeconds(60),
        Duration.ofMillis(500),
        Duration.ofSeconds(20),
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /** Never retries. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, () -> 0);
  }

  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, maxElapsed, baseDelay, maxDelay, jitter);
  }

  public RetryPolicy withMaxElapsed(Duration elapsed) {
    return new RetryPolicy(maxAttempts, elapsed, baseDelay, maxDelay, jitter);
  }

  public RetryPolicy withJitter(DoubleSupplier newJitter) {
    return new RetryPolicy(maxAttempts, maxElapsed, baseDelay, maxDelay, newJitter);
  }

  /**
   * How long to wait before the next attempt, or empty to give up.
   *
   * @param attemptsSoFar calls made so far (1 after the first failure)
   * @param elapsed time since the first call started
   * @param retryAfter what the host asked for, or null
   */
  public Optional<Duration> delayBeforeRetry(
      int attemptsSoFar, Duration elapsed, Duration retryAfter) {
    if (attemptsSoFar >= maxAttempts) {
      return Optional.empty();
    }
    Duration delay = backoff(attemptsSoFar);
    if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
      delay = retryAfter;
    }
    if (elapsed.plus(delay).compareTo(maxElapsed) > 0) {
      return Optional.empty();
    }
    return Optional.of(delay);
  }

  /** The jittered backoff before retry number {@code retry} (1 for the first retry). */
  Duration backoff(int retry) {
    long base = baseDelay.toMillis();
    long cap = maxDelay.toMillis();
    long exp = base;
    for (int i = 1; i < retry && exp < cap; i++) {
      exp *= 2;
    }
    exp = Math.min(exp, cap);
    double r = Math.max(0, Math.min(1, jitter.getAsDouble()));
    return Duration.ofMillis(exp / 2 + Math.round((exp - exp / 2) * r));
  }
}
