package io.dunhub.hub.sync;

import io.dunhub.core.model.EntityType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a record new to one connection is linked to a canonical record another connection already
 * brought in: the keys tried in order, after the external reference. Supported keys: party {@code
 * email} and {@code taxId}; contact {@code email}; invoice {@code number}. Emails match without
 * regard to case.
 */
public final class MatchKeys {

  private static final Map<EntityType, Set<String>> SUPPORTED =
      Map.of(
          EntityType.PARTY, Set.of("email", "taxId"),
          EntityType.CONTACT, Set.of("email"),
          EntityType.INVOICE, Set.of("number"),
          EntityType.PAYMENT, Set.of());

  private final Map<EntityType, List<String>> keys;

  private MatchKeys(Map<EntityType, List<String>> keys) {
    this.keys = Map.copyOf(keys);
  }

  /** The defaults: party by tax id then email, contact by email, invoice by number. */
  public static MatchKeys defaults() {
    return none()
        .with(EntityType.PARTY, List.of("taxId", "email"))
        .with(EntityType.CONTACT, List.of("email"))
        .with(EntityType.INVOICE, List.of("number"));
  }

  /** No matching: every record new to a connection becomes a new canonical record. */
  public static MatchKeys none() {
    return new MatchKeys(new EnumMap<>(EntityType.class));
  }

  /** These keys for this entity, replacing any before. */
  public MatchKeys with(EntityType entity, List<String> entityKeys) {
    Set<String> supported = SUPPORTED.getOrDefault(entity, Set.of());
    for (String key : entityKeys) {
      if (!supported.contains(key)) {
        throw new IllegalArgumentException(
            "cannot match "
                + entity.name().toLowerCase(java.util.Locale.ROOT)
                + " records by '"
                + key
                + "'; supported: "
                + supported);
      }
    }
    Map<EntityType, List<String>> copy = new EnumMap<>(EntityType.class);
    copy.putAll(keys);
    copy.put(entity, List.copyOf(entityKeys));
    return new MatchKeys(copy);
  }

  public List<String> keys(EntityType entity) {
    return keys.getOrDefault(entity, List.of());
  }
}
