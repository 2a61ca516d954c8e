package io.dunhub.core.http;

import io.dunhub.core.connector.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rate limit of one connection, shared by every worker of the process: a token bucket of {@link
 * RateLimit#permits()} per {@link RateLimit#window()} (a full bucket allows a burst of that size),
 * a cap of {@link RateLimit#maxConcurrent()} calls in flight, and a pause the host can impose with
 * a 429 and {@code Retry-After}, which holds back every caller of the connection.
 */
public final class ConnectionThrottle {

  private final RateLimit limit;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Semaphore inFlight;
  private final AtomicLong granted = new AtomicLong();
  private final double perNano;
  private double tokens;
  private Instant refilledAt;
  private Instant pausedUntil = Instant.MIN;

  public ConnectionThrottle(RateLimit limit, Clock clock, Sleeper sleeper) {
    this.limit = Objects.requireNonNull(limit, "limit");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.inFlight = new Semaphore(limit.maxConcurrent(), true);
    this.perNano = (double) limit.permits() / limit.window().toNanos();
    this.tokens = limit.permits();
    this.refilledAt = clock.instant();
  }

  public RateLimit limit() {
    return limit;
  }

  /**
   * Waits for the pause to end and a token to be free, then for a concurrency slot. Close the
   * permit when the call is done.
   */
  public Permit acquire() throws InterruptedException {
    while (true) {
      Duration wait = takeToken();
      if (wait.isZero()) {
        break;
      }
      sleeper.sleep(wait);
    }
    inFlight.acquire();
    granted.incrementAndGet();
    return new Permit(inFlight);
  }

  /** Holds back every caller of this connection for {@code duration} (a host's Retry-After). */
  public synchronized void pause(Duration duration) {
    Instant until = clock.instant().plus(duration);
    if (until.isAfter(pausedUntil)) {
      pausedUntil = until;
    }
  }

  /** When the current pause ends, or {@link Instant#MIN} when there is none. */
  public synchronized Instant pausedUntil() {
    return pausedUntil;
  }

  /** Calls in flight now. */
  public int inFlight() {
    return limit.maxConcurrent() - inFlight.availablePermits();
  }

  /**
   * Calls let through since the throttle was made: one per attempt, retries included. The hub's
   * metrics read it; the throttle itself never looks at it.
   */
  public long granted() {
    return granted.get();
  }

  /**
   * How much of the bucket is spent right now, 0 (full: a whole burst may go) to 1 (empty: callers
   * wait), counting the tokens refilled since the last call without taking any.
   */
  public synchronized double bucketUsed() {
    long nanos = Math.max(0, Duration.between(refilledAt, clock.instant()).toNanos());
    double available = Math.min(limit.permits(), tokens + nanos * perNano);
    return Math.max(0, 1 - available / limit.permits());
  }

  /** Takes a token and returns zero, or returns how long to wait before asking again. */
  private synchronized Duration takeToken() {
    Instant now = clock.instant();
    if (now.isBefore(pausedUntil)) {
      return Duration.between(now, pausedUntil);
    }
    long nanos = Duration.between(refilledAt, now).toNanos();
    if (nanos > 0) {
      tokens = Math.min(limit.permits(), tokens + nanos * perNano);
      refilledAt = now;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return Duration.ZERO;
    }
    long waitNanos = (long) Math.ceil((1 - tokens) / perNano);
    return Duration.ofNanos(Math.max(waitNanos, 1_000_000));
  }

  /** A concurrency slot; closing it twice releases it once. */
  public static final class Permit implements AutoCloseable {
    private final Semaphore semaphore;
    private final AtomicBoolean released = new AtomicBoolean();

    private Permit(Semaphore semaphore) {
      this.semaphore = semaphore;
    }

    @Override
    public void close() {
      if (released.compareAndSet(false, true)) {
        semaphore.release();
      }
    }
  }
}
