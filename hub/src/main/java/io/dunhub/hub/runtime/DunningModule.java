package io.dunhub.hub.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.dunhub.hub.admin.policy.PolicyChanges;
import io.dunhub.hub.dunning.CaseTriggers;
import io.dunhub.hub.dunning.cli.DunningRuntime;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Dunning: the engine built from the config ({@link DunningRuntimes}), following the policies saved
 * through the admin API ({@link LiveDunningRuntime}), and its two recurring tasks ({@link
 * DunningTasks}). Free of side effects: policies are read and channels created when {@link
 * DunningService} starts (or on first use by a command).
 */
public final class DunningModule extends AbstractModule {

  @Override
  protected void configure() {
    SchedulerModule.taskSources(binder()).addBinding().to(DunningTasks.class);
    SyncModule.listeners(binder()).addBinding().to(CaseTriggers.class);
    Multibinder.newSetBinder(binder(), Service.class).addBinding().to(DunningService.class);
    OptionalBinder.newOptionalBinder(binder(), PolicyChanges.class)
        .setBinding()
        .to(LiveDunningRuntime.class);
    bind(DunningRuntime.class).to(LiveDunningRuntime.class);
  }

  /** The engine; its sweep is rebuilt when a policy is saved through the admin API. */
  @Provides
  @Singleton
  static LiveDunningRuntime runtime(DunningRuntimes runtimes, Clock clock) {
    return new LiveDunningRuntime(() -> runtimes.build(clock, null), clock);
  }
}
