package io.dunhub.hub.runtime;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock that stands still until it is set: what {@code dunhub dunning simulate} moves through a
 * period. Thread-safe; never used by a running hub.
 */
public final class SettableClock extends Clock {

  private final ZoneId zone;
  private volatile Instant now;

  public SettableClock(Instant start, ZoneId zone) {
    this.now = start;
    this.zone = zone;
  }

  /** Moves the clock to {@code instant} (forwards or backwards). */
  public void set(Instant instant) {
    this.now = instant;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    SettableClock other = new SettableClock(now, zone);
    return other;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
