package io.dunhub.core.connector;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One write to a host.
 *
 * @param idempotencyKey unique per intended effect; writing the same key twice applies once
 * @param hostObject the host object to write ({@code Task}, {@code Attachable}, {@code note})
 * @param hostId the record to update, or null to create (or upsert by the key)
 * @param payload the fields, already mapped to host names
 * @param expectedVersion the host version the change was based on, or null
 */
public record WriteRequest(
    String idempotencyKey,
    String hostObject,
    String hostId,
    ObjectNode payload,
    String expectedVersion) {
  public WriteRequest {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      throw new IllegalArgumentException("a write needs an idempotency key");
    }
    Objects.requireNonNull(hostObject, "hostObject");
    Objects.requireNonNull(payload, "payload");
  }
}
