package io.dunhub.hub.mapping;

import io.dunhub.core.mapping.Lookups;
import io.dunhub.core.model.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Lookups for a preview, where no store is at hand: every reference resolves to a visible
 * placeholder ({@code <party of Account 0015e...>}) and is noted, so a preview shows the whole
 * record instead of stopping at the first reference.
 */
final class PreviewLookups implements Lookups {
  private final List<String> notes = new ArrayList<>();

  @Override
  public Optional<String> canonicalId(
      EntityType entity, String connection, String hostObject, String hostId) {
    String placeholder = "<" + lower(entity) + " of " + hostObject + " " + hostId + ">";
    notes.add(
        "lookup: "
            + placeholder
            + " is a placeholder; a sync resolves it to the canonical id of that record");
    return Optional.of(placeholder);
  }

  @Override
  public Optional<String> hostId(
      EntityType entity, String canonicalId, String connection, String hostObject) {
    String placeholder = "<" + hostObject + " id of " + lower(entity) + " " + canonicalId + ">";
    notes.add(
        "lookup: "
            + placeholder
            + " is a placeholder; a write resolves it to the record's id in the host");
    return Optional.of(placeholder);
  }

  List<String> notes() {
    return notes;
  }

  private static String lower(EntityType entity) {
    return entity.name().toLowerCase(Locale.ROOT);
  }
}
