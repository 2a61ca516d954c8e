package io.dunhub.quickbooks.read;

import com.intuit.ipp.core.IEntity;
import com.intuit.ipp.data.Customer;
import com.intuit.ipp.data.Invoice;
import com.intuit.ipp.data.Payment;
import com.intuit.ipp.services.CDCQueryResult;
import com.intuit.ipp.services.QueryResult;
import io.dunhub.quickbooks.internal.QboGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * QuickBooks' change data capture, shared by a connection's three streams: one {@code
 * /cdc?entities=Customer,Invoice,Payment&changedSince=…} call answers all three. Each stream takes
 * its part of a reply once; the next read of the same stream asks again. The call starts from the
 * earliest position any stream last asked for, so in the steady state one call serves a whole sync.
 */
public final class CdcFeed {

  /** The most objects one CDC reply holds; a reply that size may be cut short. */
  static final int MAX_OBJECTS = 1000;

  /** QBO looks back at most 30 days; keep a margin. */
  static final Duration WINDOW = Duration.ofDays(30).minusHours(1);

  private static final Duration FRESH = Duration.ofSeconds(60);
  private static final List<String> ENTITIES = List.of("Customer", "Invoice", "Payment");

  private final QboGateway gateway;
  private final Clock clock;
  private final Map<String, Instant> positions = new HashMap<>();
  private Reply last;

  /** What CDC said about one entity. */
  record Changes(List<IEntity> entities, boolean truncated) {}

  private record Reply(
      Instant since,
      Instant fetchedAt,
      Map<String, List<IEntity>> byEntity,
      boolean truncated,
      Set<String> taken) {}

  public CdcFeed(QboGateway gateway, Clock clock) {
    this.gateway = gateway;
    this.clock = clock;
  }

  /** Whether CDC still reaches back to {@code since}. */
  boolean reaches(Instant since) {
    return since != null && since.isAfter(clock.instant().minus(WINDOW));
  }

  /**
   * Notes how far a stream has read by query, so the first CDC call after a load starts early
   * enough for every stream and one call serves them all.
   */
  synchronized void note(String entity, Instant at) {
    positions.put(entity, at);
  }

  /** The changes of {@code entity} at or after {@code since}. */
  synchronized Changes changes(String entity, Instant since) {
    positions.put(entity, since);
    Instant now = clock.instant();
    if (last == null
        || last.taken().contains(entity)
        || last.since().isAfter(since)
        || now.isAfter(last.fetchedAt().plus(FRESH))) {
      last = fetch(earliest(since), now);
    }
    last.taken().add(entity);
    return new Changes(last.byEntity().getOrDefault(entity, List.of()), last.truncated());
  }

  private Instant earliest(Instant since) {
    Instant from = since;
    Instant floor = clock.instant().minus(WINDOW);
    for (Instant p : positions.values()) {
      if (p.isBefore(from) && p.isAfter(floor)) {
        from = p;
      }
    }
    return from;
  }

  private Reply fetch(Instant since, Instant now) {
    // UTC with "Z": the SDK does not URL-encode changedSince, and a "+00:00" would arrive as a
    // space
    String changedSince = since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    List<CDCQueryResult> results =
        gateway.call(
            "read changes (CDC) since " + changedSince,
            null,
            ds ->
                ds.executeCDCQuery(
                    List.of(new Customer(), new Invoice(), new Payment()), changedSince));
    Map<String, List<IEntity>> byEntity = new HashMap<>();
    int total = 0;
    for (CDCQueryResult result : results) {
      if (result.getQueryResults() == null) {
        continue;
      }
      for (Map.Entry<String, QueryResult> e : result.getQueryResults().entrySet()) {
        if (!ENTITIES.contains(e.getKey()) || e.getValue().getEntities() == null) {
          continue;
        }
        List<IEntity> list = byEntity.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
        list.addAll(e.getValue().getEntities());
        total += e.getValue().getEntities().size();
      }
    }
    return new Reply(since, now, byEntity, total >= MAX_OBJECTS, new HashSet<>());
  }
}
