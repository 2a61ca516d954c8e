package io.dunhub.hub.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test sets and advances by hand. Thread-safe. */
public final class MutableClock extends Clock {
  private volatile Instant now;
  private final ZoneId zone;

  public MutableClock(Instant start) {
    this(start, ZoneOffset.UTC);
  }

  private MutableClock(Instant start, ZoneId zone) {
    this.now = start;
    this.zone = zone;
  }

  /** A clock at 2026-01-15T09:00:00Z. */
  public static MutableClock atDefaultStart() {
    return new MutableClock(Instant.parse("2026-01-15T09:00:00Z"));
  }

  public void set(Instant instant) {
    now = instant;
  }

  public synchronized Instant advance(Duration by) {
    now = now.plus(by);
    return now;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new MutableClock(now, newZone);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
