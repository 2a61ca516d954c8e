package io.dunhub.netsuite.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's records, by REST record type. Internal ids come from one sequence per family, as in
 * NetSuite (entities, transactions, activities and notes, lists). Every change stamps {@code
 * lastModified} from the sandbox clock, truncated to the second like NetSuite's {@code
 * lastmodifieddate}.
 */
public final class SandboxStore {

  /** The record types the sandbox knows, as the REST API names them. */
  public static final Set<String> TYPES =
      Set.of(
          "customer",
          "contact",
          "invoice",
          "customerPayment",
          "note",
          "phoneCall",
          "task",
          "subsidiary",
          "currency");

  private final Clock clock;
  private final Map<String, ConcurrentSkipListMap<Long, SandboxRecord>> byType =
      new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
  private final AtomicLong version = new AtomicLong();
  private final List<Deletion> deletions = new java.util.concurrent.CopyOnWriteArrayList<>();

  SandboxStore(Clock clock) {
    this.clock = clock;
    for (String t : TYPES) {
      byType.put(t, new ConcurrentSkipListMap<>());
    }
  }

  private static String family(String type) {
    return switch (type) {
      case "customer", "contact" -> "entity";
      case "invoice", "customerPayment" -> "transaction";
      case "note", "phoneCall", "task" -> "activity";
      default -> "list";
    };
  }

  /** The next internal id of a type's family. */
  public long nextId(String type) {
    return sequences.computeIfAbsent(family(type), f -> new AtomicLong(100)).incrementAndGet();
  }

  /** The sandbox clock's now, to the second. */
  public Instant now() {
    return clock.instant().with(java.time.temporal.ChronoField.NANO_OF_SECOND, 0);
  }

  /** Inserts or replaces a record, stamping it now. */
  synchronized SandboxRecord put(String type, long id, String externalId, ObjectNode fields) {
    return putAt(type, id, externalId, fields, now());
  }

  /** Inserts or replaces a record with a given modification time (seeding, tests). */
  public synchronized SandboxRecord putAt(
      String type, long id, String externalId, ObjectNode fields, Instant lastModified) {
    SandboxRecord r = new SandboxRecord(type, id, externalId, lastModified, fields);
    byType.get(type).put(id, r);
    version.incrementAndGet();
    return r;
  }

  synchronized boolean delete(String type, long id) {
    version.incrementAndGet();
    SandboxRecord gone = byType.get(type).remove(id);
    if (gone != null) {
      deletions.add(new Deletion(type, id, gone.externalId(), now()));
    }
    return gone != null;
  }

  /**
   * A record deleted from the account, as NetSuite keeps it in its {@code DeletedRecord} table: the
   * REST record type, the internal id, the external id and when (to the second).
   */
  public record Deletion(String type, long id, String externalId, Instant deletedAt) {}

  /** Every deletion so far, oldest first. */
  public List<Deletion> deletions() {
    return List.copyOf(deletions);
  }

  /** Goes up with every change; SuiteQL caches its tables by it. */
  long version() {
    return version.get();
  }

  /** One record by internal id. */
  public Optional<SandboxRecord> get(String type, long id) {
    ConcurrentSkipListMap<Long, SandboxRecord> m = byType.get(type);
    return m == null ? Optional.empty() : Optional.ofNullable(m.get(id));
  }

  /** One record by internal id given as text. */
  public Optional<SandboxRecord> get(String type, String id) {
    try {
      return get(type, Long.parseLong(id));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** One record by external id. */
  public Optional<SandboxRecord> byExternalId(String type, String externalId) {
    for (SandboxRecord r : byType.get(type).values()) {
      if (externalId.equals(r.externalId())) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** Every record of a type, by internal id. */
  public List<SandboxRecord> all(String type) {
    return new ArrayList<>(byType.get(type).values());
  }

  /** How many records of a type the sandbox holds. */
  public int count(String type) {
    return byType.get(type).size();
  }
}
