package io.dunhub.hub.runtime;

import com.google.inject.Injector;
import io.dunhub.hub.config.HubConfig;

/**
 * One hub process: its validated config, its injector and its services. Closing it stops whatever
 * was started, in reverse order.
 */
public final class Hub implements AutoCloseable {

  private final HubConfig config;
  private final Injector injector;
  private final Services services;

  Hub(HubConfig config, Injector injector) {
    this.config = config;
    this.injector = injector;
    this.services = injector.getInstance(Services.class);
  }

  public HubConfig config() {
    return config;
  }

  public Injector injector() {
    return injector;
  }

  /** A component of the hub, e.g. {@code hub.get(SyncEngine.class)}. */
  public <T> T get(Class<T> type) {
    return injector.getInstance(type);
  }

  public Services services() {
    return services;
  }

  /** Starts everything: store, scheduler, HTTP server (what {@code dunhub run} does). */
  public Hub startAll() {
    services.startAll();
    return this;
  }

  /** Starts only the store (what one-off commands such as {@code dunhub sync --once} need). */
  public Hub startStore() {
    services.start(s -> s.phase() == Service.STORE_PHASE);
    return this;
  }

  @Override
  public void close() {
    services.stopAll();
  }
}
