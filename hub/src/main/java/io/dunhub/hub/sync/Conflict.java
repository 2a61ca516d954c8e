package io.dunhub.hub.sync;

import java.time.Instant;

/**
 * An inbound change to a field that another connection owns: recorded, not applied.
 *
 * @param connection the connection the change came from
 * @param owner the connection that owns the field
 * @param currentValue the canonical value kept (JSON text)
 * @param proposedValue the value the non-owner sent (JSON text)
 */
public record Conflict(
    long id,
    String connection,
    String hostType,
    String hostId,
    String entity,
    String canonicalId,
    String field,
    String owner,
    String currentValue,
    String proposedValue,
    String status,
    Instant detectedAt) {

  public String describe() {
    return connection
        + "/"
        + hostType
        + "/"
        + hostId
        + ": "
        + field
        + " is owned by "
        + owner
        + "; kept "
        + currentValue
        + ", not applied "
        + proposedValue;
  }
}
