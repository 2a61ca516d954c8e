package io.dunhub.core.connector;

/**
 * Reads the change notifications a host pushes (webhooks), for connectors whose host has them. The
 * hub offers one endpoint per connector ({@code POST /webhooks/<connector id>}) and hands each
 * delivery to the receiver once per configured connection of that connector, with that connection's
 * settings (its verifier secret, its account id). The receiver does no I/O: it checks the signature
 * and reads the payload; the hub answers at once and syncs the connections whose changes were
 * accepted.
 */
@FunctionalInterface
public interface WebhookReceiver {

  /**
   * Verifies one delivery against one connection and reads the changes that concern it.
   *
   * @param settings the connection's settings (secrets included)
   * @return {@link WebhookVerdict.Accepted} with this connection's changes (possibly none: a
   *     delivery signed for the app but about another account), or a classified {@link
   *     WebhookVerdict.Rejected}. Never throws for bad input.
   */
  WebhookVerdict receive(WebhookDelivery delivery, ConnectionSettings settings);
}
