package io.dunhub.core.connector;

import java.time.Instant;
import java.util.List;

/** What a {@link WebhookReceiver} made of one delivery for one connection. */
public sealed interface WebhookVerdict {

  /**
   * The delivery is authentic; {@code changes} are those of this connection's account (empty when
   * the delivery is about other accounts).
   */
  record Accepted(List<Change> changes) implements WebhookVerdict {
    public Accepted {
      changes = List.copyOf(changes);
    }
  }

  /** The delivery was not accepted for this connection, and why (never with the body's content). */
  record Rejected(Reason reason, String message) implements WebhookVerdict {}

  /** Why a delivery was rejected. */
  enum Reason {
    /** No signature, or one that does not match: answer 401. */
    BAD_SIGNATURE,
    /** Authentic but unreadable: answer 400. */
    MALFORMED,
    /** The connection has no webhook secret configured, so it cannot check deliveries. */
    NOT_CONFIGURED
  }

  /**
   * One change the host notified.
   *
   * @param account the host account it happened in (realm id, org id, account id)
   * @param hostObject the host object, named as the connector's streams name it ({@code Invoice})
   * @param hostId the record's id in the host
   * @param operation what happened ({@code Create}, {@code Update}, {@code Delete}, {@code Void},
   *     ...), as the host names it
   * @param occurredAt when, or null when the host did not say
   */
  record Change(
      String account, String hostObject, String hostId, String operation, Instant occurredAt) {}
}
