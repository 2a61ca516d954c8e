package io.dunhub.hub.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.dunhub.hub.dunning.cli.DunningRuntime;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Dunning: the engine built from the config ({@link DunningRuntimes}) and its two recurring tasks
 * ({@link DunningTasks}). Free of side effects: policies are read and channels created on first
 * use.
 */
public final class DunningModule extends AbstractModule {

  @Override
  protected void configure() {
    SchedulerModule.taskSources(binder()).addBinding().to(DunningTasks.class);
  }

  @Provides
  @Singleton
  static DunningRuntime runtime(DunningRuntimes runtimes, Clock clock) {
    return runtimes.build(clock, null);
  }
}
