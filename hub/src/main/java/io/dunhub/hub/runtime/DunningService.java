package io.dunhub.hub.runtime;

import io.dunhub.hub.dunning.cli.DunningRuntime;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * Builds the dunning engine when the hub starts, after the store and before the scheduler, so that
 * a broken policy folder stops {@code dunhub run} at once with every {@code file:line} problem
 * instead of failing each sweep later.
 */
@Singleton
final class DunningService implements Service {

  private final Provider<DunningRuntime> runtime;

  @Inject
  DunningService(Provider<DunningRuntime> runtime) {
    this.runtime = runtime;
  }

  @Override
  public String name() {
    return "dunning";
  }

  @Override
  public int phase() {
    return 60;
  }

  @Override
  public void start() {
    runtime.get();
  }

  @Override
  public void stop() {}
}
