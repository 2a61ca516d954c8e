package io.dunhub.hub.metrics;

import io.dunhub.hub.http.RoutePlugin;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Inject;

/**
 * {@code GET /metrics}: every meter in the Prometheus text format. The gauges that read the store
 * and the throttles are brought up to date first, once per scrape.
 */
final class MetricsRoutes implements RoutePlugin {

  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final StoreGauges store;
  private final HostCallMetrics hosts;

  @Inject
  MetricsRoutes(PrometheusMeterRegistry registry, StoreGauges store, HostCallMetrics hosts) {
    this.registry = registry;
    this.store = store;
    this.hosts = hosts;
  }

  @Override
  public void addRoutes(Javalin app) {
    app.get("/metrics", this::scrape);
  }

  private void scrape(Context ctx) {
    store.refresh();
    hosts.refresh();
    ctx.contentType(CONTENT_TYPE).result(registry.scrape());
  }
}
