package io.dunhub.hub.outbox;

/**
 * A new outbox row.
 *
 * @param idempotencyKey unique per intended effect: (case, step, channel, recipient) for notices,
 *     (activity, connection) for write-backs
 * @param kind {@link #NOTICE} or {@link #WRITE_BACK}
 * @param channel the notice channel (EMAIL, SMS, LETTER), or null
 * @param connection the host connection of a write-back, or null
 * @param payload JSON
 */
public record OutboxEntry(
    String idempotencyKey,
    String kind,
    String channel,
    String connection,
    String partyId,
    String payload) {
  public static final String NOTICE = "NOTICE";
  public static final String WRITE_BACK = "WRITE_BACK";
}
