package io.dunhub.hub.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The demo's clock: it jumps forward to each tick and then runs at real speed until the next jump.
 * A clock that stood still between jumps would stall everything that waits for time to pass (the
 * connectors' rate limiters refill their token buckets from the clock), so within a tick the
 * simulated time moves by the real time the tick takes — milliseconds against hours.
 */
final class DemoClock extends Clock {

  private volatile Instant base;
  private volatile long baseNanos;

  DemoClock(Instant start) {
    this.base = start;
    this.baseNanos = System.nanoTime();
  }

  /**
   * Jumps to {@code instant}, or stays where it is when that is not later (time never goes back).
   */
  synchronized void jumpTo(Instant instant) {
    Instant now = instant();
    base = instant.isAfter(now) ? instant : now;
    baseNanos = System.nanoTime();
  }

  @Override
  public Instant instant() {
    return base.plusNanos(System.nanoTime() - baseNanos);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.offset(this, java.time.Duration.ZERO).withZone(zone);
  }
}
