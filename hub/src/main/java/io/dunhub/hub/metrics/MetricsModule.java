package io.dunhub.hub.metrics;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.dunhub.core.http.ConnectionThrottles;
import io.dunhub.hub.http.HttpModule;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Singleton;

/**
 * Prometheus metrics: one registry per hub process, {@code GET /metrics}, and the listeners the
 * sync engine, the dunning sweep and the outbox relay report to. Registering meters is cheap and
 * has no side effect outside the registry.
 */
public final class MetricsModule extends AbstractModule {

  @Override
  protected void configure() {
    bind(MeterRegistry.class).to(PrometheusMeterRegistry.class);
    HttpModule.routes(binder()).addBinding().to(MetricsRoutes.class);
  }

  @Provides
  @Singleton
  static PrometheusMeterRegistry registry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("application", "dunhub");
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return registry;
  }

  /** The process-wide throttles every connector takes its rate limit from. */
  @Provides
  static ConnectionThrottles throttles() {
    return ConnectionThrottles.shared();
  }
}
