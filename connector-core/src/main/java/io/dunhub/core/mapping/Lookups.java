package io.dunhub.core.mapping;

import io.dunhub.core.model.EntityType;
import java.util.Optional;

/**
 * Resolves ids across systems for a mapping: the hub implements it over its store of external
 * references. A mapping of a NetSuite invoice uses it to turn the customer's internal id into the
 * canonical party id; an outbound mapping uses it the other way round.
 */
public interface Lookups {

  /** The canonical id of the record the host knows as {@code hostId}, if it has been synced. */
  Optional<String> canonicalId(
      EntityType entity, String connection, String hostObject, String hostId);

  /** The host id of a canonical record in one connection, if it is linked there. */
  Optional<String> hostId(
      EntityType entity, String canonicalId, String connection, String hostObject);

  /** Lookups that know nothing; for previews and tests. */
  static Lookups none() {
    return new Lookups() {
      @Override
      public Optional<String> canonicalId(
          EntityType entity, String connection, String hostObject, String hostId) {
        return Optional.empty();
      }

      @Override
      public Optional<String> hostId(
          EntityType entity, String canonicalId, String connection, String hostObject) {
        return Optional.empty();
      }
    };
  }
}
