package io.dunhub.hub.outbox;

import java.time.Instant;

/** A stored outbox row. Status is PENDING, CLAIMED, DONE or DEAD. */
public record OutboxRow(
    long id,
    String idempotencyKey,
    String kind,
    String channel,
    String connection,
    String partyId,
    String payload,
    String status,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    String result,
    Instant createdAt,
    Instant updatedAt) {}
