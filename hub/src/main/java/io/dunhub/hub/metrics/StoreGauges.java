package io.dunhub.hub.metrics;

import io.dunhub.hub.config.ConnectionConfig;
import io.dunhub.hub.config.HubConfig;
import io.dunhub.hub.runtime.StoreService;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.sync.ConnectionRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges read from the store, so every hub process of a cluster reports the same figures, brought
 * up to date once per scrape with a few indexed queries:
 *
 * <ul>
 *   <li>{@code dunhub_sync_lag_seconds{connection, stream}}: now (the hub's clock) minus the end of
 *       the stream's last successful inbound run; {@code +Inf} for an enabled stream that never
 *       synced;
 *   <li>{@code dunhub_sync_parked_records{connection, stream, direction}}: records parked now;
 *   <li>{@code dunhub_outbox_depth{status=pending|claimed|dead}} and {@code
 *       dunhub_outbox_oldest_age_seconds{status}}: rows waiting, in flight and dead, and the age of
 *       the oldest of each (0 when there is none).
 * </ul>
 */
@Singleton
public final class StoreGauges {

  private static final Logger LOG = LoggerFactory.getLogger(StoreGauges.class);
  private static final List<String> OUTBOX_STATUSES = List.of("PENDING", "CLAIMED", "DEAD");

  private final Provider<Store> store;
  private final StoreService service;
  private final HubConfig config;
  private final Provider<ConnectionRegistry> registry;
  private final Clock clock;
  private final MultiGauge lag;
  private final MultiGauge parked;
  private final MultiGauge outboxDepth;
  private final MultiGauge outboxAge;

  @Inject
  StoreGauges(
      Provider<Store> store,
      StoreService service,
      HubConfig config,
      Provider<ConnectionRegistry> registry,
      Clock clock,
      MeterRegistry meters) {
    this.store = store;
    this.service = service;
    this.config = config;
    this.registry = registry;
    this.clock = clock;
    this.lag =
        MultiGauge.builder("dunhub.sync.lag")
            .description("Time since the stream's last successful inbound sync")
            .baseUnit("seconds")
            .register(meters);
    this.parked =
        MultiGauge.builder("dunhub.sync.parked.records")
            .description(
                "Records parked now (could not be mapped or written), retried with backoff")
            .register(meters);
    this.outboxDepth =
        MultiGauge.builder("dunhub.outbox.depth")
            .description("Outbox rows by status: waiting, being relayed, dead letters")
            .register(meters);
    this.outboxAge =
        MultiGauge.builder("dunhub.outbox.oldest.age")
            .description("Age of the oldest outbox row of each status")
            .baseUnit("seconds")
            .register(meters);
  }

  /** Reads the figures again; on a store that is down, keeps the last ones and logs why. */
  public void refresh() {
    if (!service.isStarted()) {
      return;
    }
    Instant now = clock.instant();
    try {
      store.get().jdbi().useHandle(h -> read(h, now));
    } catch (RuntimeException e) {
      LOG.warn("metrics: cannot read the store: {}", e.getMessage());
    }
  }

  private void read(Handle h, Instant now) {
    lag.register(lagRows(h, now), true);
    parked.register(parkedRows(h), true);
    Map<String, Long> depth = new LinkedHashMap<>();
    Map<String, Double> age = new LinkedHashMap<>();
    for (String status : OUTBOX_STATUSES) {
      depth.put(status, 0L);
      age.put(status, 0.0);
    }
    h.createQuery(
            "SELECT status, COUNT(*), MIN(created_at) FROM outbox"
                + " WHERE status IN ('PENDING', 'CLAIMED', 'DEAD') GROUP BY status")
        .map(
            (rs, ctx) -> {
              String status = rs.getString(1);
              depth.put(status, rs.getLong(2));
              OffsetDateTime oldest = rs.getObject(3, OffsetDateTime.class);
              if (oldest != null) {
                age.put(status, seconds(Duration.between(oldest.toInstant(), now)));
              }
              return status;
            })
        .list();
    List<MultiGauge.Row<?>> depthRows = new ArrayList<>();
    List<MultiGauge.Row<?>> ageRows = new ArrayList<>();
    for (String status : OUTBOX_STATUSES) {
      Tags tags = Tags.of("status", status.toLowerCase(Locale.ROOT));
      depthRows.add(MultiGauge.Row.of(tags, depth.get(status)));
      ageRows.add(MultiGauge.Row.of(tags, age.get(status)));
    }
    outboxDepth.register(depthRows, true);
    outboxAge.register(ageRows, true);
  }

  private List<MultiGauge.Row<?>> lagRows(Handle h, Instant now) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    for (ConnectionConfig c : config.connections()) {
      if (!c.sync().enabled()) {
        continue;
      }
      List<String> streams;
      try {
        streams = registry.get().streams(c.name());
      } catch (RuntimeException e) {
        continue; // a connection that cannot be opened has no streams to report
      }
      for (String stream : streams) {
        List<OffsetDateTime> last =
            h.createQuery(
                    "SELECT finished_at FROM sync_runs WHERE connection = :c AND stream = :s"
                        + " AND direction = 'IN' AND status = 'OK' ORDER BY started_at DESC")
                .bind("c", c.name())
                .bind("s", stream)
                .setMaxRows(1)
                .map((rs, ctx) -> rs.getObject(1, OffsetDateTime.class))
                .list();
        double value =
            last.isEmpty() || last.get(0) == null
                ? Double.POSITIVE_INFINITY
                : Math.max(0, seconds(Duration.between(last.get(0).toInstant(), now)));
        rows.add(MultiGauge.Row.of(Tags.of("connection", c.name(), "stream", stream), value));
      }
    }
    return rows;
  }

  private static List<MultiGauge.Row<?>> parkedRows(Handle h) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    h.createQuery(
            "SELECT connection, stream, direction, COUNT(*) FROM parked_records"
                + " GROUP BY connection, stream, direction")
        .map(
            (rs, ctx) ->
                rows.add(
                    MultiGauge.Row.of(
                        Tags.of(
                            "connection",
                            rs.getString(1),
                            "stream",
                            rs.getString(2),
                            "direction",
                            rs.getString(3).toLowerCase(Locale.ROOT)),
                        rs.getLong(4))))
        .list();
    return rows;
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
