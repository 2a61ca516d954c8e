package io.dunhub.hub.sync;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.connector.AuthenticationException;
import io.dunhub.core.connector.ConnectorException;
import io.dunhub.core.connector.RecordSink;
import io.dunhub.core.connector.RetryableException;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.core.connector.WriteRequest;
import io.dunhub.core.mapping.Lookups;
import io.dunhub.core.mapping.Mapping;
import io.dunhub.core.mapping.MappingException;
import io.dunhub.core.mapping.MappingResult;
import io.dunhub.core.mapping.OutboundMapping;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes queued canonical changes of one entity to one connection: reads the queue in pages, maps
 * each record to the host's payload, skips what the host already has, writes in batches of the
 * sink's {@code maxBatch} with deterministic idempotency keys, then in one transaction records the
 * links and written hashes, parks failures and removes the handled queue rows (each only if no
 * newer change re-queued it meanwhile). A crash between the write and the commit is harmless: the
 * rows are still queued, and the same key makes the host answer {@code AlreadyApplied}.
 *
 * <p>A deleted canonical record is written as a payload holding only {@value #DELETED_FIELD}:
 * {@code true}; the SPI has no delete operation yet.
 *
 * <p>The filters of an outbound mapping test the payload it builds: a record they leave out (a
 * contact that is not a billing contact, for QuickBooks) is not written there.
 */
final class OutboundWriter {

  private static final Logger LOG = LoggerFactory.getLogger(OutboundWriter.class);

  /** The field a delete is written as. */
  static final String DELETED_FIELD = "_deleted";

  /**
   * One target: a connection's sink for one entity.
   *
   * @param partyLinked write an invoice, payment or contact there only when its party is linked to
   *     that connection (true when the hub never writes parties to it: a QuickBooks company that
   *     does not know the customer cannot hold its invoices, payments or billing contact, so they
   *     are not meant for it)
   */
  record Target(
      String connection,
      OutboundMapping mapping,
      RecordSink sink,
      int maxBatch,
      EntityTable table,
      boolean partyLinked) {}

  private final Jdbi jdbi;
  private final SyncTables tables;
  private final Backoff backoff;
  private final Clock clock;
  private final int pageSize;

  OutboundWriter(Jdbi jdbi, SyncTables tables, Backoff backoff, Clock clock, int pageSize) {
    this.jdbi = jdbi;
    this.tables = tables;
    this.backoff = backoff;
    this.clock = clock;
    this.pageSize = pageSize;
  }

  /** A request and what it was made from. */
  private record Pending(
      String canonicalId, long version, SyncTables.Row row, WriteRequest request) {}

  Counts drain(Target t, RefLookups lookups, SyncProgress progress) {
    Counts total = new Counts();
    String entity = t.table().entity().name();
    String stream = t.mapping().hostObject();
    requeueDueParked(t);
    while (true) {
      Counts counts = new Counts();
      Map<String, Long> handled = new LinkedHashMap<>();
      Map<String, SyncTables.Park> toPark = new LinkedHashMap<>();
      List<Pending> pending = new ArrayList<>();
      Map<String, SyncTables.Ref> refs = new LinkedHashMap<>();
      jdbi.useTransaction(
          h -> {
            LinkedHashMap<String, Long> queued = tables.queued(h, t.connection(), entity, pageSize);
            if (queued.isEmpty()) {
              return;
            }
            Map<String, SyncTables.Row> rows = tables.rows(h, t.table(), queued.keySet());
            refs.putAll(tables.refsByCanonicalId(h, t.connection(), entity, queued.keySet()));
            if (t.partyLinked()) {
              Set<String> foreign =
                  tables.withUnlinkedParty(h, t.table(), t.connection(), queued.keySet());
              foreign.removeAll(refs.keySet());
              rows.keySet().removeAll(foreign); // not meant for this host: nothing to write
            }
            lookups.beginPage(h);
            List<String> again = new ArrayList<>();
            for (Map.Entry<String, Long> q : queued.entrySet()) {
              lookups.beginRecord();
              Object outcome = prepare(t, q.getKey(), rows.get(q.getKey()), refs, lookups);
              if (lookups.missed()) {
                again.add(q.getKey());
              } else {
                collect(t, q, outcome, rows, handled, toPark, pending);
              }
            }
            lookups.resolvePending();
            for (String id : again) {
              Object outcome = prepare(t, id, rows.get(id), refs, lookups);
              collect(t, Map.entry(id, queued.get(id)), outcome, rows, handled, toPark, pending);
            }
            counts.read = queued.size();
          });
      if (counts.read == 0) {
        break;
      }
      Map<String, WriteOutcome> outcomes = write(t, pending);
      Instant now = clock.instant();
      List<SyncTables.Ref> newRefs = new ArrayList<>();
      List<SyncTables.Ref> writtenRefs = new ArrayList<>();
      for (Pending p : pending) {
        WriteOutcome o = outcomes.get(p.canonicalId());
        handled.put(p.canonicalId(), p.version());
        SyncTables.Ref ref = refs.get(p.canonicalId());
        String writtenHash = writtenHash(p.row());
        if (o instanceof WriteOutcome.Applied a) {
          remember(ref, a.hostId(), a.version(), p, writtenHash, t, newRefs, writtenRefs);
          counts.written++;
        } else if (o instanceof WriteOutcome.AlreadyApplied a) {
          remember(ref, a.hostId(), null, p, writtenHash, t, newRefs, writtenRefs);
          counts.written++;
        } else if (o instanceof WriteOutcome.Retryable r) {
          toPark.put(
              p.canonicalId(),
              park(p, ref, "the host asked to retry: " + r.reason(), r.retryAfter()));
        } else if (o instanceof WriteOutcome.Permanent r) {
          toPark.put(
              p.canonicalId(), park(p, ref, "the host refused the write: " + r.reason(), null));
        }
      }
      counts.parked = toPark.size();
      jdbi.useTransaction(
          h -> {
            Map<String, SyncTables.Parked> parked =
                tables.parked(h, t.connection(), stream, "OUT", handled.keySet());
            newRefs.retainAll(unclaimed(h, t.connection(), newRefs));
            tables.insertRefs(h, t.connection(), entity, newRefs, now, now);
            tables.updateRefsWritten(h, t.connection(), writtenRefs, now);
            List<SyncTables.Parked> done = new ArrayList<>();
            for (String id : handled.keySet()) {
              if (!toPark.containsKey(id) && parked.containsKey(id)) {
                done.add(parked.get(id));
                counts.retried++;
              }
            }
            tables.unpark(h, done);
            tables.park(h, t.connection(), stream, "OUT", entity, toPark, parked, backoff, now);
            tables.dequeue(h, t.connection(), entity, handled);
          });
      for (SyncTables.Ref r : newRefs) {
        lookups.remember(t.connection(), r.hostType(), r.hostId(), entity, r.canonicalId());
      }
      counts.pages = 1;
      total.add(counts);
      progress.page(t.connection(), "-> " + stream, (int) counts.read, total.read);
    }
    return total;
  }

  /**
   * The new refs whose host record no other canonical record is linked to. Several canonical
   * records can be written into one host record (two billing contacts of one QuickBooks customer,
   * which has one primary e-mail); the first keeps the link, the others are written without one.
   */
  private static List<SyncTables.Ref> unclaimed(
      Handle h, String connection, List<SyncTables.Ref> refs) {
    List<SyncTables.Ref> out = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (SyncTables.Ref r : refs) {
      String claimedBy =
          seen.add(r.hostType() + " " + r.hostId())
              ? h.createQuery(
                      "SELECT canonical_id FROM external_refs WHERE connection = :c"
                          + " AND host_type = :t AND host_id = :id")
                  .bind("c", connection)
                  .bind("t", r.hostType())
                  .bind("id", r.hostId())
                  .mapTo(String.class)
                  .findFirst()
                  .orElse(null)
              : "another record of this page";
      if (claimedBy == null) {
        out.add(r);
      } else {
        LOG.info(
            "{}: {} {} is already linked to {}; {} was written to it without a link",
            connection,
            r.hostType(),
            r.hostId(),
            claimedBy,
            r.canonicalId());
      }
    }
    return out;
  }

  private static SyncTables.Park park(
      Pending p, SyncTables.Ref ref, String reason, Duration retryAfter) {
    return new SyncTables.Park(
        ref == null ? null : ref.hostId(), p.canonicalId(), reason, null, null, null, retryAfter);
  }

  private static void remember(
      SyncTables.Ref ref,
      String hostId,
      String version,
      Pending p,
      String writtenHash,
      Target t,
      List<SyncTables.Ref> newRefs,
      List<SyncTables.Ref> writtenRefs) {
    String base = p.row().deleted() ? (ref == null ? null : ref.baseData()) : p.row().data();
    if (ref == null) {
      newRefs.add(
          new SyncTables.Ref(
              t.mapping().hostObject(), hostId, p.canonicalId(), version, writtenHash, base));
    } else {
      writtenRefs.add(
          new SyncTables.Ref(
              ref.hostType(), ref.hostId(), p.canonicalId(), version, writtenHash, base));
    }
  }

  /** The hash a write of this row leaves behind; a delete differs from the last content write. */
  static String writtenHash(SyncTables.Row row) {
    return row.deleted() ? CanonicalJson.hash("deleted:" + row.hash()) : row.hash();
  }

  /**
   * What to do with one queued record: null to drop it (nothing to write), a {@link WriteRequest},
   * or a {@link SyncTables.Park} when it cannot be mapped.
   */
  private Object prepare(
      Target t,
      String id,
      SyncTables.Row row,
      Map<String, SyncTables.Ref> refs,
      RefLookups lookups) {
    if (row == null) {
      return null;
    }
    SyncTables.Ref ref = refs.get(id);
    String writtenHash = writtenHash(row);
    if (ref != null && writtenHash.equals(ref.lastWrittenHash())) {
      return null; // the host has exactly this already, from us
    }
    ObjectNode payload;
    if (row.deleted()) {
      if (ref == null) {
        return null; // never written there; nothing to delete
      }
      payload = JsonNodeFactory.instance.objectNode().put(DELETED_FIELD, true);
    } else {
      ObjectNode data = CanonicalJson.parse(row.data());
      if (ref != null
          && ref.baseData() != null
          && CanonicalJson.changedFields(CanonicalJson.parse(ref.baseData()), data).isEmpty()) {
        return null; // the host already holds these values (it is where they came from)
      }
      try {
        Object record = CanonicalJson.read(data, t.table().recordClass());
        payload = t.mapping().toHost(record, t.connection(), lookups);
        if (filteredOut(t.mapping(), payload, t.connection())) {
          return null; // the mapping does not take it (not a billing contact, ...)
        }
      } catch (MappingException e) {
        return new SyncTables.Park(
            ref == null ? null : ref.hostId(), id, e.getMessage(), e.rule(), e.value(), null, null);
      } catch (RuntimeException e) {
        return new SyncTables.Park(
            ref == null ? null : ref.hostId(),
            id,
            "the outbound mapping failed: " + e,
            t.mapping().hostObject(),
            null,
            null,
            null);
      }
    }
    String key =
        "dunhub:"
            + t.connection()
            + ":"
            + t.table().entity().name().toLowerCase(java.util.Locale.ROOT)
            + ":"
            + id
            + ":"
            + writtenHash.substring(0, 16);
    return new WriteRequest(
        key,
        t.mapping().hostObject(),
        ref == null ? null : ref.hostId(),
        payload,
        ref == null ? null : ref.hostVersion());
  }

  /** Whether the mapping's filters, applied to the payload it built, leave the record out. */
  private static boolean filteredOut(
      OutboundMapping mapping, ObjectNode payload, String connection) {
    if (!(mapping instanceof Mapping m) || m.filters().isEmpty()) {
      return false;
    }
    SourceRecord asHost =
        new SourceRecord(m.hostObject(), "outbound", null, Instant.EPOCH, false, payload);
    return m.toCanonical(asHost, connection, Lookups.none()) instanceof MappingResult.Skipped;
  }

  private static void collect(
      Target t,
      Map.Entry<String, Long> q,
      Object outcome,
      Map<String, SyncTables.Row> rows,
      Map<String, Long> handled,
      Map<String, SyncTables.Park> toPark,
      List<Pending> pending) {
    if (outcome instanceof WriteRequest request) {
      pending.add(new Pending(q.getKey(), q.getValue(), rows.get(q.getKey()), request));
    } else {
      handled.put(q.getKey(), q.getValue());
      if (outcome instanceof SyncTables.Park park) {
        toPark.put(q.getKey(), park);
      }
    }
  }

  /** Writes in batches of the sink's size; a thrown connector error becomes every outcome. */
  private Map<String, WriteOutcome> write(Target t, List<Pending> pending) {
    Map<String, WriteOutcome> outcomes = new LinkedHashMap<>();
    for (int i = 0; i < pending.size(); i += t.maxBatch()) {
      List<Pending> chunk = pending.subList(i, Math.min(pending.size(), i + t.maxBatch()));
      List<WriteRequest> requests = chunk.stream().map(Pending::request).toList();
      List<WriteOutcome> results;
      try {
        results = t.sink().writeBatch(requests);
        if (results.size() != requests.size()) {
          throw new IllegalStateException(
              "the sink answered "
                  + results.size()
                  + " outcomes for "
                  + requests.size()
                  + " writes");
        }
      } catch (ConnectorException | IllegalStateException e) {
        WriteOutcome failed =
            e instanceof RetryableException r
                ? new WriteOutcome.Retryable(e.getMessage(), r.retryAfter())
                : e instanceof AuthenticationException
                    ? new WriteOutcome.Retryable(e.getMessage(), null)
                    : new WriteOutcome.Permanent(e.getMessage());
        results = java.util.Collections.nCopies(requests.size(), failed);
      }
      for (int j = 0; j < chunk.size(); j++) {
        outcomes.put(chunk.get(j).canonicalId(), results.get(j));
      }
    }
    return outcomes;
  }

  /** Puts parked writes that are due back in the queue, at the canonical record's version. */
  private void requeueDueParked(Target t) {
    String entity = t.table().entity().name();
    Instant now = clock.instant();
    jdbi.useTransaction(
        h -> {
          List<String> due =
              h.createQuery(
                      "SELECT canonical_id FROM parked_records WHERE connection = :c"
                          + " AND stream = :s AND direction = 'OUT' AND next_attempt_at <= :now")
                  .bind("c", t.connection())
                  .bind("s", t.mapping().hostObject())
                  .bind("now", now)
                  .mapTo(String.class)
                  .list();
          if (due.isEmpty()) {
            return;
          }
          Map<String, Long> versions = new LinkedHashMap<>();
          tables.rows(h, t.table(), due).forEach((id, row) -> versions.put(id, row.version()));
          tables.enqueue(h, List.of(t.connection()), entity, versions, now);
        });
  }
}
