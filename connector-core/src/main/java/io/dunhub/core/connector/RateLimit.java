package io.dunhub.core.connector;

import java.time.Duration;

/**
 * What a host allows one connection: {@code permits} requests per {@code window}, and at most
 * {@code maxConcurrent} in flight.
 */
public record RateLimit(int permits, Duration window, int maxConcurrent) {
  public RateLimit {
    if (permits < 1 || maxConcurrent < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException(
          "a rate limit needs positive permits, window and concurrency");
    }
  }

  public static RateLimit unlimited() {
    return new RateLimit(Integer.MAX_VALUE, Duration.ofSeconds(1), Integer.MAX_VALUE);
  }
}
