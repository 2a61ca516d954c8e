package io.dunhub.hub.sync;

import java.time.Instant;

/**
 * A record that could not be synced, with why.
 *
 * @param id the number {@code dunhub sync retry} takes
 * @param stream the host object read (inbound) or written (outbound)
 * @param direction {@code IN} (reading from the host) or {@code OUT} (writing to it)
 * @param hostId the host's id, when known
 * @param canonicalId the canonical id, when known
 * @param rule the mapping rule that failed, or null for a write the host refused
 * @param value the value that failed, as text, or null
 * @param rawPayload the host record as read (inbound), for a person to look at
 */
public record ParkedRecord(
    long id,
    String connection,
    String stream,
    String direction,
    String entity,
    String hostId,
    String canonicalId,
    String reason,
    String rule,
    String value,
    int attempts,
    Instant nextAttemptAt,
    Instant firstParkedAt,
    Instant lastAttemptAt,
    String rawPayload) {

  /** One line for a person: where, what, why. */
  public String describe() {
    return connection
        + "/"
        + stream
        + " "
        + (hostId != null ? hostId : canonicalId)
        + " ("
        + direction
        + "): "
        + (rule == null ? "" : rule + ": ")
        + reason
        + (value == null ? "" : " (value: " + value + ")")
        + ", attempt "
        + attempts
        + ", next at "
        + nextAttemptAt;
  }
}
