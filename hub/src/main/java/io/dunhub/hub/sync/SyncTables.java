package io.dunhub.hub.sync;

import io.dunhub.hub.store.Dialect;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The batched reads and writes a sync page makes: canonical rows, external references, parked
 * records, conflicts and the outbound queue. Every method takes a whole page's worth of rows and
 * makes one round trip per statement, never one per record.
 */
final class SyncTables {

  static final int CHUNK = 1000;

  /** A canonical row as stored. */
  record Row(String id, String data, String hash, long version, boolean deleted) {}

  /** An external reference as stored. */
  record Ref(
      String hostType,
      String hostId,
      String canonicalId,
      String hostVersion,
      String lastWrittenHash,
      String baseData) {}

  /** A parked record's key and attempts so far. */
  record Parked(long id, int attempts) {}

  /** A record to park (insert or bump). */
  record Park(
      String hostId,
      String canonicalId,
      String reason,
      String rule,
      String value,
      String raw,
      Duration hostAsked) {}

  private final Dialect dialect;
  private final String enqueue;

  SyncTables(Dialect dialect) {
    this.dialect = dialect;
    this.enqueue =
        dialect.upsert(
            "outbound_queue",
            List.of("connection", "entity", "canonical_id"),
            List.of("connection", "entity", "canonical_id", "canonical_version", "queued_at"));
  }

  Dialect dialect() {
    return dialect;
  }

  // ---- canonical rows

  /**
   * Of {@code ids} (invoices or payments), those whose party has no reference in {@code
   * connection}: records that host cannot hold.
   */
  Set<String> withUnlinkedParty(
      Handle h, EntityTable table, String connection, Collection<String> ids) {
    Set<String> unlinked = new HashSet<>();
    for (List<String> chunk : chunks(ids)) {
      h.createQuery(
              "SELECT t.id FROM "
                  + table.table()
                  + " t WHERE t.id IN (<ids>) AND (t.party_id IS NULL OR NOT EXISTS (SELECT 1 FROM"
                  + " external_refs r WHERE r.entity = 'PARTY' AND r.connection = :connection"
                  + " AND r.canonical_id = t.party_id))")
          .bindList("ids", chunk)
          .bind("connection", connection)
          .mapTo(String.class)
          .forEach(unlinked::add);
    }
    return unlinked;
  }

  Map<String, Row> rows(Handle h, EntityTable table, Collection<String> ids) {
    Map<String, Row> rows = new HashMap<>();
    for (List<String> chunk : chunks(ids)) {
      h.createQuery(
              "SELECT id, data, hash, version, deleted FROM "
                  + table.table()
                  + " WHERE id IN (<ids>)")
          .bindList("ids", chunk)
          .map(
              (rs, ctx) ->
                  new Row(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getLong(4),
                      rs.getBoolean(5)))
          .forEach(r -> rows.put(r.id(), r));
    }
    return rows;
  }

  /** Canonical ids by match value, of records not deleted. */
  Map<String, List<String>> matches(
      Handle h, EntityTable table, String key, Collection<String> values) {
    Map<String, List<String>> found = new HashMap<>();
    String column = table.matchColumn(key);
    for (List<String> chunk : chunks(values)) {
      h.createQuery(
              "SELECT "
                  + column
                  + ", id FROM "
                  + table.table()
                  + " WHERE "
                  + column
                  + " IN (<values>) AND deleted = FALSE ORDER BY created_at, id")
          .bindList("values", chunk)
          .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
          .forEach(
              e -> found.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    }
    return found;
  }

  void insertRows(Handle h, EntityTable table, List<Map<String, Object>> rows) {
    if (rows.isEmpty()) {
      return;
    }
    List<String> columns = new ArrayList<>(rows.get(0).keySet());
    PreparedBatch batch =
        h.prepareBatch(
            "INSERT INTO "
                + table.table()
                + " ("
                + String.join(", ", columns)
                + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> ":" + c).toList())
                + ")");
    for (Map<String, Object> row : rows) {
      bindAll(batch, row).add();
    }
    batch.execute();
  }

  void updateRows(Handle h, EntityTable table, List<Map<String, Object>> rows) {
    if (rows.isEmpty()) {
      return;
    }
    List<String> columns = new ArrayList<>(rows.get(0).keySet());
    columns.remove("id");
    columns.remove("created_at");
    PreparedBatch batch =
        h.prepareBatch(
            "UPDATE "
                + table.table()
                + " SET "
                + String.join(", ", columns.stream().map(c -> c + " = :" + c).toList())
                + " WHERE id = :id");
    for (Map<String, Object> row : rows) {
      bindAll(batch, row).add();
    }
    batch.execute();
  }

  /** Marks records deleted (or not), bumping their version. */
  void setDeleted(
      Handle h,
      EntityTable table,
      Map<String, Long> versions,
      boolean deleted,
      String connection,
      Instant now) {
    if (versions.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        h.prepareBatch(
            "UPDATE "
                + table.table()
                + " SET deleted = :deleted, version = :version, source_connection = :source,"
                + " updated_at = :now WHERE id = :id");
    versions.forEach(
        (id, version) ->
            batch
                .bind("deleted", deleted)
                .bind("version", version)
                .bind("source", connection)
                .bind("now", now)
                .bind("id", id)
                .add());
    batch.execute();
  }

  // ---- external references

  Map<String, Ref> refsByHostId(
      Handle h, String connection, String hostType, Collection<String> hostIds) {
    Map<String, Ref> refs = new HashMap<>();
    for (List<String> chunk : chunks(hostIds)) {
      h.createQuery(
              "SELECT host_type, host_id, canonical_id, host_version, last_written_hash, base_data"
                  + " FROM external_refs WHERE connection = :c AND host_type = :t"
                  + " AND host_id IN (<ids>)")
          .bind("c", connection)
          .bind("t", hostType)
          .bindList("ids", chunk)
          .map(SyncTables::ref)
          .forEach(r -> refs.put(r.hostId(), r));
    }
    return refs;
  }

  Map<String, Ref> refsByCanonicalId(
      Handle h, String connection, String entity, Collection<String> ids) {
    Map<String, Ref> refs = new HashMap<>();
    for (List<String> chunk : chunks(ids)) {
      h.createQuery(
              "SELECT host_type, host_id, canonical_id, host_version, last_written_hash, base_data"
                  + " FROM external_refs WHERE connection = :c AND entity = :e"
                  + " AND canonical_id IN (<ids>)")
          .bind("c", connection)
          .bind("e", entity)
          .bindList("ids", chunk)
          .map(SyncTables::ref)
          .forEach(r -> refs.put(r.canonicalId(), r));
    }
    return refs;
  }

  private static Ref ref(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws java.sql.SQLException {
    return new Ref(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6));
  }

  void insertRefs(
      Handle h, String connection, String entity, List<Ref> refs, Instant writtenAt, Instant now) {
    if (refs.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        h.prepareBatch(
            "INSERT INTO external_refs (connection, host_type, host_id, entity, canonical_id,"
                + " host_version, last_written_hash, last_written_at, base_data, created_at,"
                + " updated_at) VALUES (:c, :t, :id, :e, :cid, :v, :w, :wat, :base, :now, :now)");
    for (Ref r : refs) {
      batch
          .bind("c", connection)
          .bind("t", r.hostType())
          .bind("id", r.hostId())
          .bind("e", entity)
          .bind("cid", r.canonicalId())
          .bind("v", r.hostVersion())
          .bind("w", r.lastWrittenHash())
          .bindByType("wat", r.lastWrittenHash() == null ? null : writtenAt, Instant.class)
          .bind("base", r.baseData())
          .bind("now", now)
          .add();
    }
    batch.execute();
  }

  /** Updates what a ref knows after a read: the host version and the base image. */
  void updateRefsRead(Handle h, String connection, List<Ref> refs, Instant now) {
    if (refs.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        h.prepareBatch(
            "UPDATE external_refs SET host_version = COALESCE(:v, host_version), base_data = :base,"
                + " updated_at = :now WHERE connection = :c AND host_type = :t AND host_id = :id");
    for (Ref r : refs) {
      batch
          .bind("v", r.hostVersion())
          .bind("base", r.baseData())
          .bind("now", now)
          .bind("c", connection)
          .bind("t", r.hostType())
          .bind("id", r.hostId())
          .add();
    }
    batch.execute();
  }

  /** Updates what a ref knows after a write: version, the written hash and the base image. */
  void updateRefsWritten(Handle h, String connection, List<Ref> refs, Instant now) {
    if (refs.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        h.prepareBatch(
            "UPDATE external_refs SET host_version = COALESCE(:v, host_version),"
                + " last_written_hash = :w, last_written_at = :now, base_data = :base,"
                + " updated_at = :now WHERE connection = :c AND host_type = :t AND host_id = :id");
    for (Ref r : refs) {
      batch
          .bind("v", r.hostVersion())
          .bind("w", r.lastWrittenHash())
          .bind("base", r.baseData())
          .bind("now", now)
          .bind("c", connection)
          .bind("t", r.hostType())
          .bind("id", r.hostId())
          .add();
    }
    batch.execute();
  }

  // ---- parked records

  Map<String, Parked> parked(
      Handle h, String connection, String stream, String direction, Collection<String> keys) {
    Map<String, Parked> parked = new HashMap<>();
    for (List<String> chunk : chunks(keys)) {
      h.createQuery(
              "SELECT record_key, id, attempts FROM parked_records WHERE connection = :c"
                  + " AND stream = :s AND direction = :d AND record_key IN (<keys>)")
          .bind("c", connection)
          .bind("s", stream)
          .bind("d", direction)
          .bindList("keys", chunk)
          .map((rs, ctx) -> Map.entry(rs.getString(1), new Parked(rs.getLong(2), rs.getInt(3))))
          .forEach(e -> parked.put(e.getKey(), e.getValue()));
    }
    return parked;
  }

  /** Parks records: inserts new ones, bumps the attempts of ones already parked. */
  void park(
      Handle h,
      String connection,
      String stream,
      String direction,
      String entity,
      Map<String, Park> byKey,
      Map<String, Parked> existing,
      Backoff backoff,
      Instant now) {
    if (byKey.isEmpty()) {
      return;
    }
    PreparedBatch insert =
        h.prepareBatch(
            "INSERT INTO parked_records (connection, stream, direction, record_key, host_id,"
                + " entity, canonical_id, reason, rule_name, rule_value, attempts,"
                + " next_attempt_at, raw_payload, first_parked_at, last_attempt_at) VALUES (:c,"
                + " :s, :d, :k, :hid, :e, :cid, :reason, :rule, :value, 1, :next, :raw, :now,"
                + " :now)");
    PreparedBatch update =
        h.prepareBatch(
            "UPDATE parked_records SET attempts = :attempts, next_attempt_at = :next,"
                + " reason = :reason, rule_name = :rule, rule_value = :value,"
                + " raw_payload = COALESCE(:raw, raw_payload), host_id = COALESCE(:hid, host_id),"
                + " canonical_id = COALESCE(:cid, canonical_id), last_attempt_at = :now"
                + " WHERE id = :id");
    int inserts = 0;
    int updates = 0;
    for (Map.Entry<String, Park> e : byKey.entrySet()) {
      Park p = e.getValue();
      Parked old = existing.get(e.getKey());
      int attempts = old == null ? 1 : old.attempts() + 1;
      Instant next = now.plus(backoff.after(attempts, p.hostAsked()));
      PreparedBatch batch = old == null ? insert : update;
      batch
          .bind("reason", p.reason())
          .bind("rule", p.rule())
          .bind("value", p.value())
          .bind("raw", p.raw())
          .bind("hid", p.hostId())
          .bind("cid", p.canonicalId())
          .bind("next", next)
          .bind("now", now);
      if (old == null) {
        batch
            .bind("c", connection)
            .bind("s", stream)
            .bind("d", direction)
            .bind("k", e.getKey())
            .bind("e", entity)
            .add();
        inserts++;
      } else {
        batch.bind("attempts", attempts).bind("id", old.id()).add();
        updates++;
      }
    }
    if (inserts > 0) {
      insert.execute();
    }
    if (updates > 0) {
      update.execute();
    }
  }

  void unpark(Handle h, Collection<Parked> parked) {
    if (parked.isEmpty()) {
      return;
    }
    PreparedBatch batch = h.prepareBatch("DELETE FROM parked_records WHERE id = :id");
    for (Parked p : parked) {
      batch.bind("id", p.id()).add();
    }
    batch.execute();
  }

  // ---- conflicts

  /** A conflict to record. */
  record NewConflict(
      String hostType,
      String hostId,
      String canonicalId,
      String field,
      String owner,
      String current,
      String proposed) {}

  /** Records conflicts, replacing an open conflict on the same field from the same connection. */
  void conflicts(
      Handle h, String connection, String entity, List<NewConflict> conflicts, Instant now) {
    if (conflicts.isEmpty()) {
      return;
    }
    PreparedBatch close =
        h.prepareBatch(
            "DELETE FROM conflicts WHERE canonical_id = :cid AND field = :f"
                + " AND connection = :c AND status = 'OPEN'");
    PreparedBatch insert =
        h.prepareBatch(
            "INSERT INTO conflicts (connection, host_type, host_id, entity, canonical_id, field,"
                + " owner, current_value, proposed_value, status, detected_at) VALUES (:c, :t,"
                + " :hid, :e, :cid, :f, :o, :cur, :prop, 'OPEN', :now)");
    for (NewConflict c : conflicts) {
      close.bind("cid", c.canonicalId()).bind("f", c.field()).bind("c", connection).add();
      insert
          .bind("c", connection)
          .bind("t", c.hostType())
          .bind("hid", c.hostId())
          .bind("e", entity)
          .bind("cid", c.canonicalId())
          .bind("f", c.field())
          .bind("o", c.owner())
          .bind("cur", c.current())
          .bind("prop", c.proposed())
          .bind("now", now)
          .add();
    }
    close.execute();
    insert.execute();
  }

  // ---- outbound queue

  void enqueue(
      Handle h, List<String> targets, String entity, Map<String, Long> versions, Instant now) {
    if (targets.isEmpty() || versions.isEmpty()) {
      return;
    }
    PreparedBatch batch = h.prepareBatch(enqueue);
    for (String target : targets) {
      versions.forEach(
          (id, version) ->
              batch
                  .bind("connection", target)
                  .bind("entity", entity)
                  .bind("canonical_id", id)
                  .bind("canonical_version", version)
                  .bind("queued_at", now)
                  .add());
    }
    batch.execute();
  }

  /** Queued changes for one connection and entity, oldest first: canonical id → version. */
  LinkedHashMap<String, Long> queued(Handle h, String connection, String entity, int limit) {
    LinkedHashMap<String, Long> queued = new LinkedHashMap<>();
    h.createQuery(
            "SELECT canonical_id, canonical_version FROM outbound_queue WHERE connection = :c"
                + " AND entity = :e ORDER BY queued_at, canonical_id")
        .bind("c", connection)
        .bind("e", entity)
        .setMaxRows(limit)
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
        .forEach(e -> queued.put(e.getKey(), e.getValue()));
    return queued;
  }

  /** Removes queue rows, each only if it still holds the version that was handled. */
  void dequeue(Handle h, String connection, String entity, Map<String, Long> handled) {
    if (handled.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        h.prepareBatch(
            "DELETE FROM outbound_queue WHERE connection = :c AND entity = :e"
                + " AND canonical_id = :id AND canonical_version = :v");
    handled.forEach(
        (id, v) -> batch.bind("c", connection).bind("e", entity).bind("id", id).bind("v", v).add());
    batch.execute();
  }

  private static PreparedBatch bindAll(PreparedBatch batch, Map<String, Object> row) {
    row.forEach(
        (k, v) -> {
          if (v == null) {
            batch.bindByType(k, null, String.class);
          } else {
            batch.bind(k, v);
          }
        });
    return batch;
  }

  static <T> List<List<T>> chunks(Collection<T> values) {
    List<T> all = List.copyOf(values);
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += CHUNK) {
      out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
    }
    return out;
  }
}
