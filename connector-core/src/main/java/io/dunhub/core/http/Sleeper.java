package io.dunhub.core.http;

import java.time.Clock;
import java.time.Duration;

/**
 * How the HTTP plumbing waits: between retries, for a rate-limit token, for a host's {@code
 * Retry-After}. Injected so tests wait without wall-clock time: a test clock that also implements
 * {@code Sleeper} (such as the test-jar's {@code ManualClock}) advances itself instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

  /** Waits {@code duration}; returns at once for zero or negative durations. */
  void sleep(Duration duration) throws InterruptedException;

  /** Sleeps the current thread. */
  static Sleeper system() {
    return duration -> {
      if (!duration.isNegative() && !duration.isZero()) {
        Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
      }
    };
  }

  /**
   * The sleeper that goes with {@code clock}: the clock itself when it is a {@code Sleeper} (a test
   * clock that advances when asked to sleep), else {@link #system()}. Connectors call this with the
   * clock of their {@code ConnectionContext}, so tests stay fast and deterministic.
   */
  static Sleeper forClock(Clock clock) {
    return clock instanceof Sleeper sleeper ? sleeper : system();
  }
}
