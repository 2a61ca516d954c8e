package io.dunhub.hub.sync;

import io.dunhub.core.mapping.Lookups;
import io.dunhub.core.model.EntityType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * {@link Lookups} over the {@code external_refs} table, built for pages: a mapping first runs in
 * <em>recording</em> mode, where an id not in the cache is noted and answered empty; the engine
 * then resolves every noted id in one query per kind and maps the records that missed again. A page
 * of a thousand invoices costs one query for their parties, not a thousand. Resolved ids stay in a
 * bounded cache for the run.
 */
final class RefLookups implements Lookups {

  private static final int CHUNK = 1000;

  private final Map<String, String> cache;
  private final Set<String> absent = new HashSet<>();
  private final Map<List<String>, Set<String>> pendingToCanonical = new HashMap<>();
  private final Map<List<String>, Set<String>> pendingToHost = new HashMap<>();
  private Handle handle;
  private boolean recording;
  private boolean missed;

  RefLookups(int capacity) {
    this.cache =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Starts a page in a transaction: lookups read through this handle. */
  void beginPage(Handle pageHandle) {
    this.handle = pageHandle;
    absent.clear();
    pendingToCanonical.clear();
    pendingToHost.clear();
    recording = true;
  }

  /** Starts mapping one record; {@link #missed()} then tells whether it needs a second pass. */
  void beginRecord() {
    missed = false;
  }

  boolean missed() {
    return missed;
  }

  /** Resolves every id noted since the page began and leaves recording mode. */
  void resolvePending() {
    pendingToCanonical.forEach(
        (kind, ids) -> {
          for (List<String> chunk : chunks(ids)) {
            Map<String, String> found = new HashMap<>();
            handle
                .createQuery(
                    "SELECT host_id, canonical_id FROM external_refs WHERE connection = :c"
                        + " AND host_type = :t AND host_id IN (<ids>)")
                .bind("c", kind.get(0))
                .bind("t", kind.get(1))
                .bindList("ids", chunk)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> found.put(e.getKey(), e.getValue()));
            for (String id : chunk) {
              String key = canonicalKey(kind.get(0), kind.get(1), id);
              String value = found.get(id);
              if (value == null) {
                absent.add(key);
              } else {
                cache.put(key, value);
              }
            }
          }
        });
    pendingToHost.forEach(
        (kind, ids) -> {
          for (List<String> chunk : chunks(ids)) {
            Map<String, String> found = new HashMap<>();
            handle
                .createQuery(
                    "SELECT canonical_id, host_id FROM external_refs WHERE connection = :c"
                        + " AND entity = :e AND canonical_id IN (<ids>)")
                .bind("c", kind.get(0))
                .bind("e", kind.get(1))
                .bindList("ids", chunk)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> found.put(e.getKey(), e.getValue()));
            for (String id : chunk) {
              String key = hostKey(kind.get(0), kind.get(1), id);
              String value = found.get(id);
              if (value == null) {
                absent.add(key);
              } else {
                cache.put(key, value);
              }
            }
          }
        });
    pendingToCanonical.clear();
    pendingToHost.clear();
    recording = false;
  }

  /** Tells the cache about a link made in this page. */
  void remember(String connection, String hostType, String hostId, String entity, String id) {
    cache.put(canonicalKey(connection, hostType, hostId), id);
    cache.put(hostKey(connection, entity, id), hostId);
    absent.remove(canonicalKey(connection, hostType, hostId));
    absent.remove(hostKey(connection, entity, id));
  }

  /** Forgets links, e.g. after a rolled-back page. */
  void clear() {
    cache.clear();
    absent.clear();
  }

  @Override
  public Optional<String> canonicalId(
      EntityType entity, String connection, String hostObject, String hostId) {
    String key = canonicalKey(connection, hostObject, hostId);
    return resolve(key, pendingToCanonical, List.of(connection, hostObject), hostId);
  }

  @Override
  public Optional<String> hostId(
      EntityType entity, String canonicalId, String connection, String hostObject) {
    String key = hostKey(connection, entity.name(), canonicalId);
    return resolve(key, pendingToHost, List.of(connection, entity.name()), canonicalId);
  }

  private Optional<String> resolve(
      String key, Map<List<String>, Set<String>> pending, List<String> kind, String id) {
    String value = cache.get(key);
    if (value != null) {
      return Optional.of(value);
    }
    if (absent.contains(key)) {
      return Optional.empty();
    }
    if (recording) {
      pending.computeIfAbsent(kind, k -> new HashSet<>()).add(id);
      missed = true;
      return Optional.empty();
    }
    // Not noted in the first pass (a mapping that looks up conditionally): ask now.
    pending.computeIfAbsent(kind, k -> new HashSet<>()).add(id);
    recording = true;
    resolvePending();
    return Optional.ofNullable(cache.get(key));
  }

  private static List<List<String>> chunks(Set<String> ids) {
    List<String> all = List.copyOf(ids);
    List<List<String>> out = new java.util.ArrayList<>();
    for (int i = 0; i < all.size(); i += CHUNK) {
      out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
    }
    return out;
  }

  private static String canonicalKey(String connection, String hostType, String hostId) {
    return "c\u0000" + connection + "\u0000" + hostType + "\u0000" + hostId;
  }

  private static String hostKey(String connection, String entity, String canonicalId) {
    return "h\u0000" + connection + "\u0000" + entity + "\u0000" + canonicalId;
  }
}
