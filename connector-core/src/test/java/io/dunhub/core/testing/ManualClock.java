package io.dunhub.core.testing;

import io.dunhub.core.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told, and that is also a {@link Sleeper}: sleeping advances it at
 * once. Hand it to a connection as its clock and every backoff, rate-limit wait and Retry-After
 * pause costs no wall-clock time, yet is visible: {@link #slept()} tells how long the code waited.
 */
public final class ManualClock extends Clock implements Sleeper {

  private final AtomicReference<Instant> now;
  private final AtomicLong sleptNanos = new AtomicLong();
  private final AtomicLong sleeps = new AtomicLong();

  public ManualClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  public static ManualClock at(String isoInstant) {
    return new ManualClock(Instant.parse(isoInstant));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a ManualClock is always UTC");
  }

  public void advance(Duration duration) {
    now.updateAndGet(t -> t.plus(duration));
  }

  public void set(Instant instant) {
    now.set(instant);
  }

  @Override
  public void sleep(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    sleeps.incrementAndGet();
    sleptNanos.addAndGet(duration.toNanos());
    advance(duration);
  }

  /** The total time callers slept on this clock. */
  public Duration slept() {
    return Duration.ofNanos(sleptNanos.get());
  }

  /** How many times callers slept. */
  public long sleeps() {
    return sleeps.get();
  }
}
