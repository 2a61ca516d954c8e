package io.dunhub.core.mapping.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunhub.core.model.EntityType;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code lookup}: a host id of another mapped record turned into its canonical id (a NetSuite
 * customer's internal id into the party's id), and back when writing. A record whose reference has
 * not been synced yet fails, so the sync parks it and retries after the referenced record arrives.
 */
final class LookupTransform implements Transform {
  private final EntityType entity;
  private final String object;

  LookupTransform(EntityType entity, String object) {
    this.entity = entity;
    this.object = object;
  }

  @Override
  public String name() {
    return "lookup";
  }

  @Override
  public Object read(JsonNode[] values, RecordContext ctx) throws TransformFailure {
    String hostId = Transform.text(values[0]);
    if (hostId == null) {
      return null;
    }
    Optional<String> id = ctx.lookups.canonicalId(entity, ctx.connection, object, hostId);
    if (id.isEmpty()) {
      throw new TransformFailure(
          hostId,
          "no "
              + entity.name().toLowerCase(Locale.ROOT)
              + " synced yet for "
              + object
              + " "
              + hostId);
    }
    return id.get();
  }

  @Override
  public JsonNode write(Object value, RecordContext ctx) throws TransformFailure {
    Optional<String> id = ctx.lookups.hostId(entity, value.toString(), ctx.connection, object);
    if (id.isEmpty()) {
      throw new TransformFailure(
          value.toString(),
          "the "
              + entity.name().toLowerCase(Locale.ROOT)
              + " is not linked to a "
              + object
              + " in "
              + ctx.connection);
    }
    return JSON.textNode(id.get());
  }
}
