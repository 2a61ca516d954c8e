package io.dunhub.hub.runtime;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/** Closes the connections the sync opened, after the scheduler stops and before the store. */
@Singleton
final class ConnectionsService implements Service {

  private final Provider<ConfigConnectionRegistry> registry;
  private volatile boolean started;

  @Inject
  ConnectionsService(Provider<ConfigConnectionRegistry> registry) {
    this.registry = registry;
  }

  @Override
  public String name() {
    return "connections";
  }

  @Override
  public int phase() {
    return 50;
  }

  @Override
  public void start() {
    started = true;
  }

  @Override
  public void stop() {
    if (started) {
      started = false;
      registry.get().close();
    }
  }
}
