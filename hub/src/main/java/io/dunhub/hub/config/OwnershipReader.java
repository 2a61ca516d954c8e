package io.dunhub.hub.config;

import io.dunhub.core.model.Activity;
import io.dunhub.core.model.Contact;
import io.dunhub.core.model.EntityType;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.Party;
import io.dunhub.core.model.Payment;
import io.dunhub.hub.sync.MatchKeys;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@code ownership}: rules naming which connection owns which canonical fields, and the match
 * keys per entity. Field names are checked against the canonical model itself.
 */
final class OwnershipReader {

  private static final List<String> KEYS = List.of("rules", "matchKeys");
  private static final List<String> RULE_KEYS = List.of("entity", "fields", "owner");

  private final Set<String> connectionNames;

  OwnershipReader(Set<String> connectionNames) {
    this.connectionNames = new TreeSet<>(connectionNames);
  }

  OwnershipConfig read(ConfigValue node) {
    if (node == null) {
      return new OwnershipConfig(List.of(), Map.of());
    }
    Map<String, ConfigValue> entries = node.entries(KEYS);
    List<OwnershipConfig.Rule> rules = new ArrayList<>();
    Map<String, String> claimed = new HashMap<>();
    if (entries.containsKey("rules")) {
      for (ConfigValue item : entries.get("rules").items()) {
        rule(item, claimed).ifPresent(rules::add);
      }
    }
    Map<EntityType, List<String>> matchKeys = new EnumMap<>(EntityType.class);
    if (entries.containsKey("matchKeys")) {
      Map<String, ConfigValue> perEntity = entries.get("matchKeys").entries(entityNames());
      for (Map.Entry<String, ConfigValue> e : perEntity.entrySet()) {
        EntityType entity = EntityType.valueOf(e.getKey().toUpperCase(java.util.Locale.ROOT));
        List<String> fields = fields(e.getValue(), entity, false);
        if (fields.isEmpty()) {
          continue;
        }
        try {
          MatchKeys.none().with(entity, fields);
          matchKeys.put(entity, fields);
        } catch (IllegalArgumentException unsupported) {
          e.getValue().problem(unsupported.getMessage());
        }
      }
    }
    return new OwnershipConfig(rules, matchKeys);
  }

  private Optional<OwnershipConfig.Rule> rule(ConfigValue item, Map<String, String> claimed) {
    Map<String, ConfigValue> entries = item.entries(RULE_KEYS);
    if (!item.isMapping()) {
      return Optional.empty();
    }
    for (String key : RULE_KEYS) {
      if (!entries.containsKey(key)) {
        item.problem("'" + key + "' is required");
      }
    }
    Optional<EntityType> entity =
        Optional.ofNullable(entries.get("entity")).flatMap(v -> v.oneOf(EntityType.class));
    Optional<String> owner =
        Optional.ofNullable(entries.get("owner"))
            .flatMap(ConfigValue::requiredText)
            .filter(o -> entries.get("owner").requireIn(o, connectionNames, "connection"));
    List<String> fields =
        entity.isPresent() && entries.containsKey("fields")
            ? fields(entries.get("fields"), entity.get(), true)
            : List.of();
    if (entity.isEmpty() || owner.isEmpty() || fields.isEmpty()) {
      return Optional.empty();
    }
    for (String field : fields) {
      String key = entity.get() + "." + field;
      String previous = claimed.putIfAbsent(key, owner.get());
      if (previous != null && !previous.equals(owner.get())) {
        entries
            .get("fields")
            .problem(
                entity.get().name().toLowerCase(java.util.Locale.ROOT)
                    + "."
                    + field
                    + " is already owned by '"
                    + previous
                    + "'; a field has one owner");
      }
    }
    return Optional.of(new OwnershipConfig.Rule(entity.get(), fields, owner.get()));
  }

  private static List<String> fields(ConfigValue node, EntityType entity, boolean allowAll) {
    Set<String> known = canonicalFields(entity);
    List<String> fields = new ArrayList<>();
    for (ConfigValue item : node.items()) {
      Optional<String> field = item.requiredText();
      if (field.isEmpty()) {
        continue;
      }
      if (allowAll && field.get().equals(OwnershipConfig.ALL_FIELDS)) {
        fields.add(field.get());
      } else if (item.requireIn(
          field.get(), known, entity.name().toLowerCase(java.util.Locale.ROOT) + " field")) {
        fields.add(field.get());
      }
    }
    if (fields.isEmpty() && node.items().isEmpty()) {
      node.problem("must name at least one field");
    }
    return fields;
  }

  /** The canonical model's field names for an entity, from the record itself. */
  static Set<String> canonicalFields(EntityType entity) {
    Class<?> type =
        switch (entity) {
          case PARTY -> Party.class;
          case CONTACT -> Contact.class;
          case INVOICE -> Invoice.class;
          case PAYMENT -> Payment.class;
          case ACTIVITY -> Activity.class;
        };
    Set<String> names = new TreeSet<>();
    for (RecordComponent c : type.getRecordComponents()) {
      if (!c.getName().equals("id")) {
        names.add(c.getName());
      }
    }
    return names;
  }

  private static List<String> entityNames() {
    List<String> names = new ArrayList<>();
    for (EntityType t : EntityType.values()) {
      names.add(t.name().toLowerCase(java.util.Locale.ROOT));
    }
    return names;
  }
}
