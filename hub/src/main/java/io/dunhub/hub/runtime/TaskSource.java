package io.dunhub.hub.runtime;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.util.List;

/**
 * Work a feature gives the scheduler: recurring tasks started with the hub (a sync per connection
 * and stream, the dunning sweep, outbox relay shards) and one-time task types it schedules itself.
 * Contribute one with {@code SchedulerModule.taskSources(binder()).addBinding().to(MyTasks.class)}.
 */
public interface TaskSource {

  /** Recurring tasks; each one runs on one hub process at a time across the cluster. */
  List<RecurringTask<?>> recurringTasks();

  /** Task types scheduled at run time (not recurring). */
  default List<Task<?>> oneTimeTasks() {
    return List.of();
  }

  /**
   * Called once the scheduler runs, with the scheduler to add or cancel instances of the one-time
   * task types at run time (e.g. a sync per connection added through the admin API).
   */
  default void started(Scheduler scheduler) {}

  /** Called when the scheduler stops. */
  default void stopped() {}
}
