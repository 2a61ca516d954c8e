package io.dunhub.hub.admin.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunhub.core.mapping.Lookups;
import io.dunhub.core.mapping.Mapping;
import io.dunhub.core.model.Contact;
import io.dunhub.core.model.EntityType;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.Party;
import io.dunhub.core.model.Payment;
import io.dunhub.hub.dunning.CanonicalReader;
import io.dunhub.hub.store.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a new version of a mapping file changes: the canonical fields it carries (with their owner),
 * its filters, key, cursor, direction and whether it is enabled; and, for a mapping that writes to
 * its host, the host payloads of up to {@value #SAMPLES} canonical records from the store mapped
 * with the old and the new version, field by field.
 */
final class MappingDiff {

  static final int SAMPLES = 20;

  private final Store store;

  MappingDiff(Store store) {
    this.store = store;
  }

  Map<String, Object> diff(Mapping before, Mapping after) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("fields", fields(before == null ? Map.of() : before.owners(), after.owners()));
    Map<String, Object> settings = new LinkedHashMap<>();
    compare(settings, "direction", before == null ? null : before.direction(), after.direction());
    compare(settings, "enabled", before == null ? null : before.enabled(), after.enabled());
    compare(settings, "key", before == null ? null : before.key(), after.key());
    compare(settings, "cursor", before == null ? null : before.cursor(), after.cursor());
    compare(settings, "filters", before == null ? null : before.filters(), after.filters());
    m.put("settings", settings);
    m.put("samples", after.direction().outbound() ? samples(before, after) : List.of());
    return m;
  }

  private static List<Map<String, Object>> fields(
      Map<String, String> before, Map<String, String> after) {
    List<Map<String, Object>> changes = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(before.keySet());
    names.addAll(after.keySet());
    for (String f : names) {
      String was = before.get(f);
      String now = after.get(f);
      if (!Objects.equals(was, now)) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("field", f);
        c.put("change", was == null ? "added" : now == null ? "removed" : "owner changed");
        c.put("ownerBefore", was);
        c.put("ownerAfter", now);
        changes.add(c);
      }
    }
    return changes;
  }

  private static void compare(Map<String, Object> out, String name, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      out.put(name, Map.of("before", String.valueOf(before), "after", String.valueOf(after)));
    }
  }

  private List<Map<String, Object>> samples(Mapping before, Mapping after) {
    Optional<String[]> source = source(after.entity());
    if (source.isEmpty()) {
      return List.of();
    }
    Class<?> type = type(after.entity());
    List<String[]> rows =
        store
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT id, data FROM "
                                + source.get()[0]
                                + " WHERE deleted = FALSE ORDER BY id LIMIT :n")
                        .bind("n", SAMPLES)
                        .map((rs, c) -> new String[] {rs.getString(1), rs.getString(2)})
                        .list());
    List<Map<String, Object>> out = new ArrayList<>();
    for (String[] row : rows) {
      Object canonical = CanonicalReader.read(row[1], type, source.get()[0] + "/" + row[0]);
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("canonicalId", row[0]);
      String was = before == null || !before.direction().outbound() ? null : map(before, canonical);
      String now = map(after, canonical);
      s.put("changes", payloadChanges(was, now));
      out.add(s);
    }
    return out;
  }

  private static String map(Mapping mapping, Object canonical) {
    try {
      return mapping.toHost(canonical, "preview", PLACEHOLDERS).toString();
    } catch (RuntimeException e) {
      return "{\"error\":" + CanonicalReader.write(e.getMessage()) + "}";
    }
  }

  private static List<Map<String, Object>> payloadChanges(String before, String after) {
    JsonNode a =
        before == null
            ? CanonicalReader.mapper().createObjectNode()
            : CanonicalReader.read(before, JsonNode.class, "payload");
    JsonNode b = CanonicalReader.read(after, JsonNode.class, "payload");
    TreeSet<String> names = new TreeSet<>();
    a.fieldNames().forEachRemaining(names::add);
    b.fieldNames().forEachRemaining(names::add);
    List<Map<String, Object>> changes = new ArrayList<>();
    for (String n : names) {
      JsonNode x = a.get(n);
      JsonNode y = b.get(n);
      if (!Objects.equals(x, y)) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("hostField", n);
        c.put("before", x);
        c.put("after", y);
        changes.add(c);
      }
    }
    return changes;
  }

  private static Optional<String[]> source(EntityType e) {
    return switch (e) {
      case PARTY -> Optional.of(new String[] {"parties"});
      case CONTACT -> Optional.of(new String[] {"contacts"});
      case INVOICE -> Optional.of(new String[] {"invoices"});
      case PAYMENT -> Optional.of(new String[] {"payments"});
      default -> Optional.empty();
    };
  }

  private static Class<?> type(EntityType e) {
    return switch (e) {
      case PARTY -> Party.class;
      case CONTACT -> Contact.class;
      case INVOICE -> Invoice.class;
      default -> Payment.class;
    };
  }

  /** Lookups that answer with a visible placeholder, as a preview cannot reach the hosts. */
  private static final Lookups PLACEHOLDERS =
      new Lookups() {
        @Override
        public Optional<String> canonicalId(
            EntityType entity, String connection, String hostObject, String hostId) {
          return Optional.of(
              "<" + entity.name().toLowerCase(java.util.Locale.ROOT) + " of " + hostId + ">");
        }

        @Override
        public Optional<String> hostId(
            EntityType entity, String canonicalId, String connection, String hostObject) {
          return Optional.of("<" + hostObject + " id of " + canonicalId + ">");
        }
      };
}
