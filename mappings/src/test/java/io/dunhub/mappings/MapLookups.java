package io.dunhub.mappings;

import io.dunhub.core.mapping.Lookups;
import io.dunhub.core.model.EntityType;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Lookups over a map, standing in for the hub's store of external references. */
final class MapLookups implements Lookups {
  private final Map<String, String> toCanonical = new HashMap<>();
  private final Map<String, String> toHost = new HashMap<>();

  MapLookups link(
      EntityType entity, String connection, String hostObject, String hostId, String id) {
    toCanonical.put(entity + "|" + connection + "|" + hostObject + "|" + hostId, id);
    toHost.put(entity + "|" + id + "|" + connection + "|" + hostObject, hostId);
    return this;
  }

  @Override
  public Optional<String> canonicalId(
      EntityType entity, String connection, String hostObject, String hostId) {
    return Optional.ofNullable(
        toCanonical.get(entity + "|" + connection + "|" + hostObject + "|" + hostId));
  }

  @Override
  public Optional<String> hostId(
      EntityType entity, String canonicalId, String connection, String hostObject) {
    return Optional.ofNullable(
        toHost.get(entity + "|" + canonicalId + "|" + connection + "|" + hostObject));
  }
}
