package io.dunhub.quickbooks.webhook;

import java.time.Instant;

/**
 * One change QuickBooks notified, in either payload shape.
 *
 * @param realmId the company the change happened in
 * @param entity the QBO entity name ({@code Invoice}, {@code Customer}, {@code Payment}, ...)
 * @param operation {@code Create}, {@code Update}, {@code Delete}, {@code Merge}, {@code Void} or
 *     {@code Emailed}
 * @param occurredAt when it happened, or null when the payload did not say
 */
public record WebhookEvent(
    String realmId, String entity, String entityId, String operation, Instant occurredAt) {}
