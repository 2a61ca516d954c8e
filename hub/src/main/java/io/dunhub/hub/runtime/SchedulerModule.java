package io.dunhub.hub.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import io.dunhub.hub.http.HttpModule;
import jakarta.inject.Singleton;

/**
 * The scheduler service, its readiness check and the set of {@link TaskSource}s; features add their
 * recurring work with {@code SchedulerModule.taskSources(binder()).addBinding().to(...)}.
 */
public final class SchedulerModule extends AbstractModule {

  private final String nodeName;

  /**
   * @param nodeName this process's name in {@code scheduled_tasks.picked_by}
   */
  public SchedulerModule(String nodeName) {
    this.nodeName = nodeName;
  }

  public static Multibinder<TaskSource> taskSources(Binder binder) {
    return Multibinder.newSetBinder(binder, TaskSource.class);
  }

  @Override
  protected void configure() {
    taskSources(binder());
    Multibinder.newSetBinder(binder(), Service.class).addBinding().to(SchedulerService.class);
    HttpModule.readinessChecks(binder()).addBinding().to(SchedulerReadiness.class);
  }

  @Provides
  @Singleton
  SchedulerService.SchedulerSettings settings() {
    return SchedulerService.SchedulerSettings.defaults(nodeName);
  }
}
