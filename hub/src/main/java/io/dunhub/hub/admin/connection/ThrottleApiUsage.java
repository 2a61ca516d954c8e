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
  private final jakarta.inject.Provider<io.dunhub.hub.sync.ConnectionRegistry> registry;

  @Inject
  public ThrottleApiUsage(
      ConnectionThrottles throttles,
      Clock clock,
      jakarta.inject.Provider<io.dunhub.hub.sync.ConnectionRegistry> registry) {
    this.throttles = throttles;
    this.since = clock.instant();
    this.registry = registry;
  }

  public ThrottleApiUsage(ConnectionThrottles throttles, Clock clock) {
    this(throttles, clock, () -> null);
  }

  /** What the open connection's host last said of its account's allowance (never opens one). */
  @Override
  public Optional<io.dunhub.core.connector.ReportsAllowance.Allowance> allowance(
      String connection) {
    io.dunhub.hub.sync.ConnectionRegistry r = registry.get();
    if (r == null) {
      return Optional.empty();
    }
    return r.ifOpen(connection)
        .filter(c -> c instanceof io.dunhub.core.connector.ReportsAllowance)
        .flatMap(c -> ((io.dunhub.core.connector.ReportsAllowance) c).allowance());
  }

  @Override
  public Optional<Instant> since() {
    return Optional.of(since);
  }

  @Override
  public OptionalLong used(String connection) {
    long calls = 0;
    java.util.Set<String> keys = throttles.keysOf(connection);
    for (ConnectionThrottles.Registered r : throttles.all()) {
      if (keys.contains(r.connection())) {
        calls += r.throttle().granted();
      }
    }
    return OptionalLong.of(calls);
  }

  @Override
  public OptionalDouble limitUsed(String connection) {
    double busiest = -1;
    java.util.Set<String> keys = throttles.keysOf(connection);
    for (ConnectionThrottles.Registered r : throttles.all()) {
      if (keys.contains(r.connection()) && r.limit().permits() != Integer.MAX_VALUE) {
        busiest = Math.max(busiest, r.throttle().bucketUsed());
      }
    }
    return busiest < 0 ? OptionalDouble.empty() : OptionalDouble.of(busiest);
  }
}
