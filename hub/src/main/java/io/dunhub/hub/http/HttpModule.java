package io.dunhub.hub.http;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.dunhub.hub.runtime.Service;

/**
 * The HTTP server and its health routes. Other features add routes with {@link #routes} and
 * readiness conditions with {@link #readinessChecks}.
 */
public final class HttpModule extends AbstractModule {

  /** The set of route plugins; {@code routes(binder()).addBinding().to(WebhookRoutes.class)}. */
  public static Multibinder<RoutePlugin> routes(com.google.inject.Binder binder) {
    return Multibinder.newSetBinder(binder, RoutePlugin.class);
  }

  /** The set of readiness checks behind {@code /ready}. */
  public static Multibinder<ReadinessCheck> readinessChecks(com.google.inject.Binder binder) {
    return Multibinder.newSetBinder(binder, ReadinessCheck.class);
  }

  @Override
  protected void configure() {
    routes(binder()).addBinding().to(HealthRoutes.class);
    readinessChecks(binder());
    Multibinder.newSetBinder(binder(), Service.class).addBinding().to(HttpServer.class);
  }
}
