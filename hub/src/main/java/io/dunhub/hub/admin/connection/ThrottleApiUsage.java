package io.dunhub.hub.admin.connection;

import io.dunhub.core.http.ConnectionThrottles;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * API usage read from the {@link ConnectionThrottles} the connectors take their rate limits from
 * (the same counts as the {@code dunhub_host_calls_total} metric): the calls let through for the
 * connection's throttles since the hub started (this object is made with the hub), and the share of
 * its busiest limited bucket spent now. A connection the hub has not opened yet has made no calls.
 */
@Singleton
public final class ThrottleApiUsage implements ApiUsage {

  private final ConnectionThrottles throttles;
  private final Instant since;

  @Inject
  public ThrottleApiUsage(ConnectionThrottles throttles, Clock clock) {
    this.throttles = throttles;
    this.since = clock.instant();
  }

  @Override
  public Optional<Instant> since() {
    return Optional.of(since);
  }

  @Override
  public OptionalLong used(String connection) {
    long calls = 0;
    for (ConnectionThrottles.Registered r : throttles.all()) {
      if (r.connection().equals(connection)) {
        calls += r.throttle().granted();
      }
    }
    return OptionalLong.of(calls);
  }

  @Override
  public OptionalDouble limitUsed(String connection) {
    double busiest = -1;
    for (ConnectionThrottles.Registered r : throttles.all()) {
      if (r.connection().equals(connection) && r.limit().permits() != Integer.MAX_VALUE) {
        busiest = Math.max(busiest, r.throttle().bucketUsed());
      }
    }
    return busiest < 0 ? OptionalDouble.empty() : OptionalDouble.of(busiest);
  }
}
