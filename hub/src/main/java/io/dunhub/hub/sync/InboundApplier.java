package io.dunhub.hub.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.mapping.InboundMapping;
import io.dunhub.core.mapping.MappingResult;
import io.dunhub.core.model.EntityType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Applies one page of host records to the store, inside the page's transaction: map, link
 * identities (existing reference, then match keys), merge field by field against what the host had
 * before (so a host that has not yet received another system's change does not undo it), respect
 * field ownership, suppress echoes of the hub's own writes, park what cannot be mapped, and queue
 * the changes for the other connections. Every read and write is batched for the whole page.
 */
final class InboundApplier {

  /** The stream being applied. */
  record Stream(
      String connection,
      String stream,
      InboundMapping mapping,
      EntityTable table,
      List<String> targets) {}

  private final SyncTables tables;
  private final FieldOwnership ownership;
  private final MatchKeys matchKeys;
  private final Backoff backoff;
  private final SyncListener listener;

  InboundApplier(
      SyncTables tables,
      FieldOwnership ownership,
      MatchKeys matchKeys,
      Backoff backoff,
      SyncListener listener) {
    this.tables = tables;
    this.ownership = ownership;
    this.matchKeys = matchKeys;
    this.backoff = backoff;
    this.listener = listener;
  }

  /** One record's fate in this page. */
  private static final class Item {
    final SourceRecord record;
    MappingResult result;
    SyncTables.Ref ref;
    String canonicalId;
    ObjectNode incoming;

    Item(SourceRecord record) {
      this.record = record;
    }
  }

  Counts apply(Handle h, Stream s, List<SourceRecord> page, RefLookups lookups, Instant now) {
    Counts counts = new Counts();
    counts.read = page.size();
    String conn = s.connection();
    EntityType entity = s.table().entity();
    // the last version of each host record in the page wins
    Map<String, Item> items = new LinkedHashMap<>();
    for (SourceRecord r : page) {
      items.remove(r.hostId());
      items.put(r.hostId(), new Item(r));
    }
    String hostType = page.isEmpty() ? s.stream() : page.get(0).hostObject();
    Map<String, SyncTables.Ref> refs = tables.refsByHostId(h, conn, hostType, items.keySet());
    Map<String, SyncTables.Parked> parked =
        tables.parked(h, conn, s.stream(), "IN", items.keySet());
    items.values().forEach(i -> i.ref = refs.get(i.record.hostId()));

    map(s, items.values(), lookups);
    link(h, s, items.values());

    Set<String> ids = new HashSet<>();
    for (Item i : items.values()) {
      if (i.canonicalId != null) {
        ids.add(i.canonicalId);
      }
    }
    Map<String, SyncTables.Row> current = tables.rows(h, s.table(), ids);

    List<Map<String, Object>> inserts = new ArrayList<>();
    List<Map<String, Object>> updates = new ArrayList<>();
    Map<String, Long> deletions = new LinkedHashMap<>();
    Map<String, Long> queue = new LinkedHashMap<>();
    List<SyncTables.Ref> newRefs = new ArrayList<>();
    List<SyncTables.Ref> readRefs = new ArrayList<>();
    List<SyncTables.NewConflict> conflicts = new ArrayList<>();
    Map<String, SyncTables.Park> toPark = new LinkedHashMap<>();
    List<SyncTables.Parked> toUnpark = new ArrayList<>();

    for (Item i : items.values()) {
      SourceRecord r = i.record;
      SyncTables.Parked wasParked = parked.get(r.hostId());
      if (r.deleted()) {
        if (i.ref != null) {
          SyncTables.Row row = current.get(i.ref.canonicalId());
          if (row != null && !row.deleted()) {
            Optional<String> owner = ownership.owner(entity, FieldOwnership.DELETED);
            if (owner.isPresent() && !owner.get().equals(conn)) {
              conflicts.add(
                  new SyncTables.NewConflict(
                      hostType,
                      r.hostId(),
                      row.id(),
                      FieldOwnership.DELETED,
                      owner.get(),
                      "false",
                      "true"));
              counts.conflicts++;
            } else {
              deletions.put(row.id(), row.version() + 1);
              queue.put(row.id(), row.version() + 1);
              counts.deleted++;
            }
          } else {
            counts.unchanged++;
          }
          readRefs.add(withRead(i.ref, r.hostVersion(), i.ref.baseData()));
        } else {
          counts.unchanged++;
        }
        if (wasParked != null) {
          toUnpark.add(wasParked);
        }
        continue;
      }
      if (i.result instanceof MappingResult.Failed f) {
        toPark.put(
            r.hostId(),
            new SyncTables.Park(
                r.hostId(),
                i.ref == null ? null : i.ref.canonicalId(),
                f.reason(),
                f.rule(),
                f.value(),
                r.raw().toString(),
                null));
        counts.parked++;
        continue;
      }
      if (i.result instanceof MappingResult.Skipped) {
        counts.unchanged++;
        if (wasParked != null) {
          toUnpark.add(wasParked);
        }
        continue;
      }
      SyncTables.Row row = i.canonicalId == null ? null : current.get(i.canonicalId);
      if (row == null) {
        String id = i.canonicalId != null ? i.canonicalId : UUID.randomUUID().toString();
        i.incoming.put("id", id);
        String text = CanonicalJson.text(i.incoming);
        inserts.add(rowValues(s, id, i, text, 1, conn, now));
        queue.put(id, 1L);
        SyncTables.Ref ref =
            new SyncTables.Ref(hostType, r.hostId(), id, r.hostVersion(), null, text);
        if (i.ref == null) {
          newRefs.add(ref);
          lookups.remember(conn, hostType, r.hostId(), entity.name(), id);
        } else {
          readRefs.add(ref);
        }
        counts.created++;
      } else {
        i.incoming.put("id", row.id());
        String text = CanonicalJson.text(i.incoming);
        String hash = CanonicalJson.hash(text);
        if (i.ref != null && hash.equals(i.ref.lastWrittenHash())) {
          counts.echoes++;
        } else {
          Merge merge = merge(s, i, row, hostType, conflicts);
          counts.conflicts += merge.conflicts;
          if (merge.changed) {
            Object record;
            try {
              record = CanonicalJson.read(merge.result, s.table().recordClass());
            } catch (IllegalArgumentException e) {
              toPark.put(
                  r.hostId(),
                  new SyncTables.Park(
                      r.hostId(),
                      row.id(),
                      "merged with the other connections' fields, the record is invalid: "
                          + e.getMessage(),
                      s.stream(),
                      null,
                      r.raw().toString(),
                      null));
              counts.parked++;
              continue;
            }
            String merged = CanonicalJson.text(merge.result);
            Map<String, Object> values = new LinkedHashMap<>(s.table().columns(record));
            values.put("deleted", false);
            values.put("data", merged);
            values.put("hash", CanonicalJson.hash(merged));
            values.put("version", row.version() + 1);
            values.put("source_connection", conn);
            values.put("updated_at", now);
            values.put("id", row.id());
            updates.add(values);
            queue.put(row.id(), row.version() + 1);
            counts.updated++;
          } else {
            counts.unchanged++;
          }
        }
        SyncTables.Ref ref =
            new SyncTables.Ref(
                hostType,
                r.hostId(),
                row.id(),
                r.hostVersion(),
                i.ref == null ? null : i.ref.lastWrittenHash(),
                text);
        if (i.ref == null) {
          newRefs.add(ref);
          lookups.remember(conn, hostType, r.hostId(), entity.name(), row.id());
        } else {
          readRefs.add(ref);
        }
      }
      if (wasParked != null) {
        toUnpark.add(wasParked);
        counts.retried++;
      }
    }

    tables.insertRows(h, s.table(), inserts);
    tables.updateRows(h, s.table(), updates);
    tables.setDeleted(h, s.table(), deletions, true, conn, now);
    tables.insertRefs(h, conn, entity.name(), newRefs, now, now);
    tables.updateRefsRead(h, conn, readRefs, now);
    tables.conflicts(h, conn, entity.name(), conflicts, now);
    tables.park(h, conn, s.stream(), "IN", entity.name(), toPark, parked, backoff, now);
    tables.unpark(h, toUnpark);
    tables.enqueue(h, s.targets(), entity.name(), queue, now);
    if (!queue.isEmpty()) {
      listener.changed(h, entity, Set.copyOf(queue.keySet()), now);
    }
    return counts;
  }

  private static SyncTables.Ref withRead(SyncTables.Ref ref, String version, String base) {
    return new SyncTables.Ref(
        ref.hostType(), ref.hostId(), ref.canonicalId(), version, ref.lastWrittenHash(), base);
  }

  private Map<String, Object> rowValues(
      Stream s, String id, Item i, String text, long version, String conn, Instant now) {
    Object record = ((MappingResult.Mapped) i.result).canonical();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("id", id);
    values.putAll(s.table().columns(record));
    values.put("deleted", false);
    values.put("data", text);
    values.put("hash", CanonicalJson.hash(text));
    values.put("version", version);
    values.put("source_connection", conn);
    values.put("created_at", now);
    values.put("updated_at", now);
    return values;
  }

  /** Maps the page in two passes so every reference is resolved in one query per kind. */
  private void map(Stream s, Iterable<Item> items, RefLookups lookups) {
    List<Item> again = new ArrayList<>();
    for (Item i : items) {
      if (i.record.deleted()) {
        continue;
      }
      lookups.beginRecord();
      i.result = mapOne(s, i.record, lookups);
      if (lookups.missed()) {
        again.add(i);
      }
    }
    lookups.resolvePending();
    for (Item i : again) {
      i.result = mapOne(s, i.record, lookups);
    }
    for (Item i : items) {
      if (i.result instanceof MappingResult.Mapped m) {
        if (m.canonical() == null || !s.table().recordClass().isInstance(m.canonical())) {
          i.result =
              new MappingResult.Failed(
                  s.stream(),
                  null,
                  "the mapping made "
                      + (m.canonical() == null ? "nothing" : m.canonical().getClass().getName())
                      + ", not a "
                      + s.table().recordClass().getSimpleName());
        } else {
          i.incoming = CanonicalJson.tree(m.canonical());
        }
      }
    }
  }

  private static MappingResult mapOne(Stream s, SourceRecord r, RefLookups lookups) {
    try {
      return s.mapping().toCanonical(r, s.connection(), lookups);
    } catch (RuntimeException e) {
      return new MappingResult.Failed(s.stream(), null, "the mapping failed: " + e);
    }
  }

  /** Finds the canonical record of each mapped item: its reference, else a match key. */
  private void link(Handle h, Stream s, Iterable<Item> items) {
    List<Item> unlinked = new ArrayList<>();
    for (Item i : items) {
      if (i.ref != null) {
        i.canonicalId = i.ref.canonicalId();
      } else if (i.incoming != null) {
        unlinked.add(i);
      }
    }
    List<String> keys = matchKeys.keys(s.table().entity());
    if (unlinked.isEmpty() || keys.isEmpty()) {
      return;
    }
    Set<String> claimed = new HashSet<>();
    for (String key : keys) {
      Map<Item, String> values = new LinkedHashMap<>();
      for (Item i : unlinked) {
        if (i.canonicalId == null) {
          Object record = ((MappingResult.Mapped) i.result).canonical();
          s.table().matchValue(key, record).ifPresent(v -> values.put(i, v));
        }
      }
      if (values.isEmpty()) {
        continue;
      }
      Map<String, List<String>> found =
          tables.matches(h, s.table(), key, new HashSet<>(values.values()));
      Set<String> candidates = new HashSet<>();
      found.values().forEach(candidates::addAll);
      Set<String> linkedHere =
          tables
              .refsByCanonicalId(h, s.connection(), s.table().entity().name(), candidates)
              .keySet();
      Map<String, String> newInPage = new HashMap<>();
      for (Map.Entry<Item, String> e : values.entrySet()) {
        for (String id : found.getOrDefault(e.getValue(), List.of())) {
          if (!linkedHere.contains(id) && claimed.add(id)) {
            e.getKey().canonicalId = id;
            break;
          }
        }
        if (e.getKey().canonicalId == null) {
          // two new records in one page with the same key: the second links to the first
          String first = newInPage.get(e.getValue());
          if (first == null) {
            String id = UUID.randomUUID().toString();
            newInPage.put(e.getValue(), id);
            e.getKey().canonicalId = id;
            claimed.add(id);
          }
        }
      }
    }
  }

  /** The outcome of merging one record. */
  private record Merge(ObjectNode result, boolean changed, int conflicts) {}

  /**
   * Three-way merge: a field counts as changed by this host when it differs from the host's base
   * (what the hub last read from or wrote to it); such a change is applied unless another
   * connection owns the field, in which case it is recorded as a conflict.
   */
  private Merge merge(
      Stream s,
      Item i,
      SyncTables.Row row,
      String hostType,
      List<SyncTables.NewConflict> conflicts) {
    ObjectNode current = CanonicalJson.parse(row.data());
    ObjectNode base =
        i.ref != null && i.ref.baseData() != null ? CanonicalJson.parse(i.ref.baseData()) : current;
    ObjectNode merged = current.deepCopy();
    boolean changed = row.deleted();
    int conflictCount = 0;
    for (String field : CanonicalJson.changedFields(base, i.incoming)) {
      JsonNode proposed = i.incoming.get(field);
      if (CanonicalJson.same(current.get(field), proposed)) {
        continue;
      }
      Optional<String> owner = ownership.owner(s.table().entity(), field);
      if (owner.isPresent() && !owner.get().equals(s.connection())) {
        conflicts.add(
            new SyncTables.NewConflict(
                hostType,
                i.record.hostId(),
                row.id(),
                field,
                owner.get(),
                String.valueOf(current.get(field)),
                String.valueOf(proposed)));
        conflictCount++;
        continue;
      }
      if (proposed == null) {
        merged.remove(field);
      } else {
        merged.set(field, proposed);
      }
      changed = true;
    }
    return new Merge(merged, changed, conflictCount);
  }
}
