package io.dunhub.hub.sync;

import io.dunhub.core.model.EntityType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which connection owns which canonical field. An inbound change to a field another connection owns
 * is not applied; it is recorded as a conflict. A rule names an entity and a field, or {@code *}
 * for every field of the entity; a field rule beats the entity's {@code *} rule. A field with no
 * owner takes the latest change from any connection.
 *
 * <pre>{@code
 * FieldOwnership.builder()
 *     .owner(EntityType.INVOICE, "*", "quickbooks")
 *     .owner(EntityType.CONTACT, "email", "salesforce")
 *     .build();
 * }</pre>
 *
 * <p>Field names are the canonical record's component names ({@code openBalance}, {@code email});
 * {@code deleted} stands for deleting the record.
 */
public final class FieldOwnership {

  public static final String ALL_FIELDS = "*";
  public static final String DELETED = "deleted";

  private final Map<String, String> owners;

  private FieldOwnership(Map<String, String> owners) {
    this.owners = Map.copyOf(owners);
  }

  /** No owners: every connection may change every field. */
  public static FieldOwnership none() {
    return new FieldOwnership(Map.of());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The connection that owns a field, if one does. */
  public Optional<String> owner(EntityType entity, String field) {
    String owner = owners.get(key(entity, field));
    if (owner == null) {
      owner = owners.get(key(entity, ALL_FIELDS));
    }
    return Optional.ofNullable(owner);
  }

  /** Whether {@code connection} may change {@code field}. */
  public boolean mayChange(String connection, EntityType entity, String field) {
    return owner(entity, field).map(connection::equals).orElse(true);
  }

  public Map<String, String> rules() {
    return owners;
  }

  private static String key(EntityType entity, String field) {
    return entity.name() + "." + field;
  }

  /** Builds ownership rules. */
  public static final class Builder {
    private final Map<String, String> owners = new LinkedHashMap<>();

    public Builder owner(EntityType entity, String field, String connection) {
      Objects.requireNonNull(entity, "entity");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(connection, "connection");
      String previous = owners.putIfAbsent(key(entity, field), connection);
      if (previous != null && !previous.equals(connection)) {
        throw new IllegalArgumentException(
            entity + "." + field + " is owned by both " + previous + " and " + connection);
      }
      return this;
    }

    public FieldOwnership build() {
      return new FieldOwnership(owners);
    }
  }
}
