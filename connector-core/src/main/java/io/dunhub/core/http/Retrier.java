package io.dunhub.core.http;

import io.dunhub.core.connector.RetryableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Retries a call that fails with a {@link RetryableException}, by the same {@link RetryPolicy} and
 * {@link ConnectionThrottle} the HTTP interceptors use. For connectors whose host calls do not go
 * through OkHttp (an SDK, the in-memory host), so they behave exactly like HTTP connectors.
 */
public final class Retrier {

  private final RetryPolicy policy;
  private final ConnectionThrottle throttle;
  private final Clock clock;
  private final Sleeper sleeper;

  public Retrier(RetryPolicy policy, ConnectionThrottle throttle, Clock clock, Sleeper sleeper) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.throttle = Objects.requireNonNull(throttle, "throttle");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /**
   * Runs {@code call} under the throttle; on a {@link RetryableException} waits (at least the
   * host's retry-after, which also pauses the connection) and tries again until the policy gives
   * up, then rethrows the last failure.
   */
  public <T> T call(Supplier<T> call) {
    Instant start = clock.instant();
    int attempts = 0;
    while (true) {
      attempts++;
      try (ConnectionThrottle.Permit permit = acquire()) {
        return call.get();
      } catch (RetryableException e) {
        if (e.retryAfter() != null) {
          throttle.pause(e.retryAfter());
        }
        Duration elapsed = Duration.between(start, clock.instant());
        Optional<Duration> delay = policy.delayBeforeRetry(attempts, elapsed, e.retryAfter());
        if (delay.isEmpty()) {
          throw e;
        }
        sleep(delay.get(), e);
      }
    }
  }

  private ConnectionThrottle.Permit acquire() {
    try {
      return throttle.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableException("interrupted while waiting for the rate limit", e);
    }
  }

  private void sleep(Duration delay, RetryableException cause) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw cause;
    }
  }
}
