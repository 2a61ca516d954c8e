package io.dunhub.quickbooks.webhook;

import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.connector.WebhookDelivery;
import io.dunhub.core.connector.WebhookReceiver;
import io.dunhub.core.connector.WebhookVerdict;
import io.dunhub.core.secret.Secret;
import io.dunhub.quickbooks.QuickBooksSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hub's view of QuickBooks webhooks: a delivery is authentic for a connection when its {@code
 * intuit-signature} verifies with that connection's {@code webhookVerifierToken} (every realm
 * connected to one Intuit app shares the app's token); the connection's changes are the events of
 * its {@code realmId}. Logs nothing: the hub logs one line per rejected delivery.
 */
public final class QuickBooksWebhookReceiver implements WebhookReceiver {

  @Override
  public WebhookVerdict receive(WebhookDelivery delivery, ConnectionSettings settings) {
    Optional<Secret> token = settings.secret(QuickBooksSettings.WEBHOOK_VERIFIER);
    if (token.isEmpty() || token.get().isEmpty()) {
      return new WebhookVerdict.Rejected(
          WebhookVerdict.Reason.NOT_CONFIGURED,
          settings.connection()
              + ": no "
              + QuickBooksSettings.WEBHOOK_VERIFIER
              + " is set, so its webhooks cannot be checked");
    }
    byte[] body = delivery.body();
    String signature = delivery.header(QuickBooksWebhook.SIGNATURE_HEADER).orElse(null);
    if (!new QuickBooksWebhook(token.get()).verify(body, signature)) {
      return new WebhookVerdict.Rejected(
          WebhookVerdict.Reason.BAD_SIGNATURE,
          signature == null || signature.isBlank()
              ? "no " + QuickBooksWebhook.SIGNATURE_HEADER + " header"
              : QuickBooksWebhook.SIGNATURE_HEADER + " does not match the body");
    }
    List<WebhookEvent> events;
    try {
      events = QuickBooksWebhook.parse(body);
    } catch (IllegalArgumentException e) {
      return new WebhookVerdict.Rejected(WebhookVerdict.Reason.MALFORMED, e.getMessage());
    }
    String realm = settings.get(QuickBooksSettings.REALM_ID).map(String::trim).orElse("");
    List<WebhookVerdict.Change> changes = new ArrayList<>();
    for (WebhookEvent e : events) {
      if (e.realmId().equals(realm)) {
        changes.add(
            new WebhookVerdict.Change(
                e.realmId(), e.entity(), e.entityId(), e.operation(), e.occurredAt()));
      }
    }
    return new WebhookVerdict.Accepted(changes);
  }
}
