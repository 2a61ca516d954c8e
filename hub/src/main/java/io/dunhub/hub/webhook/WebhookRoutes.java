package io.dunhub.hub.webhook;

import io.dunhub.core.connector.HostConnector;
import io.dunhub.core.connector.WebhookDelivery;
import io.dunhub.core.connector.WebhookReceiver;
import io.dunhub.core.connector.WebhookVerdict;
import io.dunhub.hub.config.ConnectionConfig;
import io.dunhub.hub.config.HubConfig;
import io.dunhub.hub.http.RoutePlugin;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/{connector}}: a host's change notification. The delivery is checked against
 * every configured connection of that connector by the connector's own {@link WebhookReceiver}
 * (signature with the connection's secret, payload read for the connection's account); the hub
 * answers at once — 200 when any connection accepted it, 401 for a missing or wrong signature, 400
 * for a signed but unreadable body, 404 for a connector without webhooks or without connections —
 * and hands the touched streams of the accepting connections to {@link WebhookSyncs}, which syncs
 * them in the background. A rejected delivery is logged in one line, never with its body.
 */
public final class WebhookRoutes implements RoutePlugin {

  static final String PATH = "/webhooks/{connector}";
  private static final Logger LOG = LoggerFactory.getLogger(WebhookRoutes.class);

  private final Map<String, HostConnector> connectors;
  private final HubConfig config;
  private final WebhookSyncs syncs;

  @Inject
  public WebhookRoutes(
      Map<String, HostConnector> connectors, HubConfig config, WebhookSyncs syncs) {
    this.connectors = Map.copyOf(connectors);
    this.config = config;
    this.syncs = syncs;
  }

  @Override
  public void addRoutes(Javalin app) {
    app.post(PATH, this::receive);
  }

  private void receive(Context ctx) {
    String id = ctx.pathParam("connector");
    HostConnector connector = connectors.get(id);
    Optional<WebhookReceiver> receiver =
        connector == null ? Optional.empty() : connector.webhooks();
    if (receiver.isEmpty()) {
      reply(ctx, 404, "no connector '" + id + "' takes webhooks");
      return;
    }
    List<ConnectionConfig> candidates =
        config.connections().stream().filter(c -> c.type().equals(id)).toList();
    if (candidates.isEmpty()) {
      reply(ctx, 404, "no " + id + " connection is configured");
      return;
    }
    WebhookDelivery delivery = new WebhookDelivery(ctx.headerMap(), ctx.bodyAsBytes());
    Map<String, Set<String>> toSync = new LinkedHashMap<>();
    Set<WebhookVerdict.Reason> rejections = EnumSet.noneOf(WebhookVerdict.Reason.class);
    List<String> reasons = new ArrayList<>();
    boolean accepted = false;
    for (ConnectionConfig c : candidates) {
      WebhookVerdict verdict = verdict(receiver.get(), delivery, c);
      if (verdict instanceof WebhookVerdict.Accepted a) {
        accepted = true;
        Set<String> objects = new LinkedHashSet<>();
        a.changes().forEach(change -> objects.add(change.hostObject()));
        if (!objects.isEmpty() && c.sync().enabled()) {
          toSync.put(c.name(), objects);
        }
      } else {
        WebhookVerdict.Rejected r = (WebhookVerdict.Rejected) verdict;
        rejections.add(r.reason());
        reasons.add(c.name() + ": " + r.message());
      }
    }
    if (accepted) {
      toSync.forEach(syncs::request);
      LOG.info("{} webhook accepted ({} bytes); syncing {}", id, delivery.size(), toSync);
      reply(ctx, 200, "accepted");
      return;
    }
    int status = rejections.contains(WebhookVerdict.Reason.MALFORMED) ? 400 : 401;
    LOG.warn(
        "rejected a {} webhook from {} with {}: {} ({} bytes, body not logged)",
        id,
        ctx.ip(),
        status,
        String.join("; ", reasons),
        delivery.size());
    reply(ctx, status, status == 400 ? "unreadable payload" : "signature not accepted");
  }

  private static WebhookVerdict verdict(
      WebhookReceiver receiver, WebhookDelivery delivery, ConnectionConfig c) {
    try {
      return receiver.receive(delivery, c.settings());
    } catch (RuntimeException e) {
      // a receiver must not throw; if one does, treat the delivery as unreadable for it
      return new WebhookVerdict.Rejected(
          WebhookVerdict.Reason.MALFORMED, "the receiver failed: " + e.getClass().getSimpleName());
    }
  }

  private static void reply(Context ctx, int status, String message) {
    ctx.status(status).json(Map.of("status", message));
  }
}
