package io.dunhub.core.model;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened on a case: the audit log and the source of every write-back.
 *
 * @param invoiceId may be null for party-level activity (a consolidated notice names its invoices
 *     in {@code attributes})
 * @param channel may be null for activity that is not a message
 */
public record Activity(
    String id,
    ActivityType type,
    Instant at,
    String partyId,
    String invoiceId,
    String contactId,
    Channel channel,
    String recipient,
    String subject,
    String content,
    Map<String, String> attributes) {

  public Activity {
    Checks.require(type, "activity type");
    Checks.require(at, "activity time");
    Checks.requireText(partyId, "activity party");
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }
}
