package io.dunhub.hub.metrics;

import io.dunhub.core.connector.RateLimit;
import io.dunhub.core.http.ConnectionThrottles;
import io.dunhub.hub.config.ConnectionConfig;
import io.dunhub.hub.config.HubConfig;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Host API calls and rate-limit use per connection, read from the {@link ConnectionThrottles} every
 * connector takes its limit from (so it counts SDK and SOAP calls as well as OkHttp ones, and core
 * needs no metrics library):
 *
 * <ul>
 *   <li>{@code dunhub_host_calls_total{host, connection}}: attempts let through, retries included;
 *   <li>{@code dunhub_host_limit_used_ratio{host, connection}}: how much of the token bucket is
 *       spent (1: callers wait for the rate limit);
 *   <li>{@code dunhub_host_limit_rate{host, connection}}: requests per second the limit allows;
 *   <li>{@code dunhub_host_in_flight{host, connection}}: calls in flight now, and {@code
 *       dunhub_host_max_concurrent} the cap.
 * </ul>
 *
 * A NetSuite account's limit is shared by its connections, so its throttle is named {@code
 * netsuite:<account>}. A connection with two limits (its API and its token endpoint) sums its calls
 * and reports its busiest bucket.
 */
@Singleton
public final class HostCallMetrics {

  private final ConnectionThrottles throttles;
  private final MeterRegistry registry;
  private final Map<String, String> hostOf = new ConcurrentHashMap<>();
  private final Set<String> counted = ConcurrentHashMap.newKeySet();
  private final MultiGauge used;
  private final MultiGauge rate;
  private final MultiGauge inFlight;
  private final MultiGauge maxConcurrent;

  @Inject
  HostCallMetrics(ConnectionThrottles throttles, MeterRegistry registry, HubConfig config) {
    this.throttles = throttles;
    this.registry = registry;
    for (ConnectionConfig c : config.connections()) {
      hostOf.put(c.name(), c.type());
    }
    this.used =
        MultiGauge.builder("dunhub.host.limit.used")
            .description("Share of the connection's rate-limit bucket spent (1 = callers wait)")
            .baseUnit("ratio")
            .register(registry);
    this.rate =
        MultiGauge.builder("dunhub.host.limit.rate")
            .description("Requests per second the connection's rate limit allows")
            .register(registry);
    this.inFlight =
        MultiGauge.builder("dunhub.host.in.flight")
            .description("Host calls in flight now")
            .register(registry);
    this.maxConcurrent =
        MultiGauge.builder("dunhub.host.max.concurrent")
            .description("Cap on host calls in flight")
            .register(registry);
  }

  /** Registers the meters of throttles made since the last scrape and reads the gauges. */
  public void refresh() {
    Map<String, List<ConnectionThrottles.Registered>> byConnection = new TreeMap<>();
    for (ConnectionThrottles.Registered r : throttles.all()) {
      byConnection.computeIfAbsent(r.connection(), k -> new ArrayList<>()).add(r);
    }
    List<MultiGauge.Row<?>> usedRows = new ArrayList<>();
    List<MultiGauge.Row<?>> rateRows = new ArrayList<>();
    List<MultiGauge.Row<?>> inFlightRows = new ArrayList<>();
    List<MultiGauge.Row<?>> maxRows = new ArrayList<>();
    byConnection.forEach(
        (connection, list) -> {
          Tags tags = Tags.of("host", host(connection), "connection", connection);
          if (counted.add(connection)) {
            FunctionCounter.builder("dunhub.host.calls", this, m -> m.calls(connection))
                .description("Calls to the host API, retries included")
                .tags(tags)
                .register(registry);
          }
          double busiest = 0;
          double slowest = Double.POSITIVE_INFINITY;
          long flying = 0;
          long cap = 0;
          for (ConnectionThrottles.Registered r : list) {
            busiest = Math.max(busiest, r.throttle().bucketUsed());
            RateLimit limit = r.limit();
            if (limit.permits() != Integer.MAX_VALUE) {
              slowest = Math.min(slowest, limit.permits() * 1000.0 / limit.window().toMillis());
            }
            flying += r.throttle().inFlight();
            cap = Math.max(cap, limit.maxConcurrent());
          }
          usedRows.add(MultiGauge.Row.of(tags, busiest));
          rateRows.add(MultiGauge.Row.of(tags, slowest));
          inFlightRows.add(MultiGauge.Row.of(tags, flying));
          maxRows.add(MultiGauge.Row.of(tags, cap));
        });
    used.register(usedRows, true);
    rate.register(rateRows, true);
    inFlight.register(inFlightRows, true);
    maxConcurrent.register(maxRows, true);
  }

  private double calls(String connection) {
    long sum = 0;
    for (ConnectionThrottles.Registered r : throttles.all()) {
      if (r.connection().equals(connection)) {
        sum += r.throttle().granted();
      }
    }
    return sum;
  }

  /** The connector type of a connection: {@code salesforce}, or {@code netsuite:<account>}'s. */
  private String host(String connection) {
    String type = hostOf.get(connection);
    if (type != null) {
      return type;
    }
    int colon = connection.indexOf(':');
    return colon > 0 ? connection.substring(0, colon) : "unknown";
  }
}
