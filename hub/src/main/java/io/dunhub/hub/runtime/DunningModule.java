package io.dunhub.hub.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import io.dunhub.hub.dunning.CaseTriggers;
import io.dunhub.hub.dunning.cli.DunningRuntime;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Dunning: the engine built from the config ({@link DunningRuntimes}) and its two recurring tasks
 * ({@link DunningTasks}). Free of side effects: policies are read and channels created when {@link
 * DunningService} starts (or on first use by a command).
 */
public final class DunningModule extends AbstractModule {

  @Override
  protected void configure() {
    SchedulerModule.taskSources(binder()).addBinding().to(DunningTasks.class);
    SyncModule.listeners(binder()).addBinding().to(CaseTriggers.class);
    Multibinder.newSetBinder(binder(), Service.class).addBinding().to(DunningService.class);
  }

  @Provides
  @Singleton
  static DunningRuntime runtime(DunningRuntimes runtimes, Clock clock) {
    return runtimes.build(clock, null);
  }
}
