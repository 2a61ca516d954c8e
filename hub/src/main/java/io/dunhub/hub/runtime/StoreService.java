package io.dunhub.hub.runtime;

import io.dunhub.hub.store.Store;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/** Opens the store and applies its migrations on start; closes it on stop. */
@Singleton
public final class StoreService implements Service {

  private final Provider<Store> store;
  private volatile Store started;

  @Inject
  public StoreService(Provider<Store> store) {
    this.store = store;
  }

  @Override
  public String name() {
    return "store";
  }

  @Override
  public int phase() {
    return STORE_PHASE;
  }

  @Override
  public void start() {
    Store s = store.get();
    s.start();
    started = s;
  }

  /** Whether {@link #start()} finished: the store is open and migrated. */
  public boolean isStarted() {
    return started != null;
  }

  @Override
  public void stop() {
    Store s = started;
    started = null;
    if (s != null) {
      s.close();
    }
  }
}
