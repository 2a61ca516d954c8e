package io.dunhub.hub.runtime;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import io.dunhub.hub.admin.connection.ConnectionChanges;
import io.dunhub.hub.config.ConnectionConfig;
import io.dunhub.hub.config.SchedulesConfig;
import io.dunhub.hub.config.SyncConfig;
import io.dunhub.hub.sync.SyncEngine;
import io.dunhub.hub.sync.SyncReport;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The scheduled sync of connections added through the admin API: one execution of the task {@value
 * #TASK} per connection and stream (instance {@code <connection>:<stream>}), kept in {@code
 * scheduled_tasks} like every other task, so one hub process of a cluster runs each. An execution
 * reschedules itself on the connection's schedule, and removes itself when its connection is gone
 * or disabled (or its stream is no longer mapped).
 *
 * <p>When a connection is added or changed through the API, its executions are scheduled to run at
 * once; when it is deleted or disabled, they are cancelled. When the scheduler starts, every
 * enabled added connection's executions are made sure of.
 */
@Singleton
final class AddedConnectionTasks implements TaskSource, ConnectionChanges {

  static final String TASK = "sync:added";

  private static final Logger LOG = LoggerFactory.getLogger(AddedConnectionTasks.class);

  /** db-scheduler's own clock: due times are compared with it, not with the hub's clock. */
  private static final Clock SCHEDULER_CLOCK = Clock.systemUTC();

  private final Provider<ConfigConnectionRegistry> registry;
  private final Provider<SyncEngine> engine;
  private final Schedule schedule;
  private final CustomTask<Void> task;
  private volatile Scheduler scheduler;

  @Inject
  AddedConnectionTasks(
      Provider<ConfigConnectionRegistry> registry,
      Provider<SyncEngine> engine,
      SchedulesConfig schedules) {
    this.registry = registry;
    this.engine = engine;
    this.schedule = Schedules.of(SyncConfig.DEFAULT_SCHEDULE, schedules.zone());
    this.task =
        Tasks.custom(TASK, Void.class)
            .onFailureReschedule(schedule)
            .execute((instance, context) -> execute(instance, context));
  }

  static String instanceId(String connection, String stream) {
    return connection + ":" + stream;
  }

  @Override
  public List<RecurringTask<?>> recurringTasks() {
    return List.of();
  }

  @Override
  public List<Task<?>> oneTimeTasks() {
    return List.of(task);
  }

  @Override
  public void started(Scheduler started) {
    this.scheduler = started;
    Map<String, ConnectionConfig> added = registry.get().refresh();
    Set<String> wanted = new HashSet<>();
    for (String name : added.keySet()) {
      try {
        wanted.addAll(schedule(name, false));
      } catch (RuntimeException e) {
        LOG.warn(
            "connection {} added through the admin API cannot be synced: {}", name, e.toString());
      }
    }
    cancelUnless(id -> wanted.contains(id));
  }

  @Override
  public void stopped() {
    this.scheduler = null;
  }

  /** Streams were mapped or unmapped: make sure every added connection's streams are scheduled. */
  void mappingsChanged() {
    if (scheduler != null) {
      started(scheduler);
    }
  }

  @Override
  public void changed(String connection) {
    ConfigConnectionRegistry r = registry.get();
    Map<String, ConnectionConfig> added = r.refresh();
    r.forget(connection);
    if (scheduler == null) {
      return;
    }
    Set<String> wanted =
        added.containsKey(connection) ? new HashSet<>(schedule(connection, true)) : Set.of();
    String prefix = connection + ":";
    cancelUnless(id -> !id.startsWith(prefix) || wanted.contains(id));
    scheduler.triggerCheckForDueExecutions();
  }

  /**
   * Schedules the connection's streams to run now (those scheduled already keep their time, or run
   * now if {@code now}); returns their instance ids.
   */
  private Set<String> schedule(String connection, boolean now) {
    Set<String> ids = new HashSet<>();
    Scheduler s = scheduler;
    for (String stream : registry.get().streams(connection)) {
      String id = instanceId(connection, stream);
      ids.add(id);
      boolean created = s.scheduleIfNotExists(task.instance(id), SCHEDULER_CLOCK.instant());
      if (!created && now) {
        try {
          s.reschedule(
              new TaskInstanceId.StandardTaskInstanceId(TASK, id), SCHEDULER_CLOCK.instant());
        } catch (RuntimeException e) {
          LOG.debug("sync of {} is running now; it picks up the change next time", id);
        }
      }
    }
    return ids;
  }

  /** Cancels the scheduled executions whose instance id fails the test. */
  private void cancelUnless(java.util.function.Predicate<String> keep) {
    Scheduler s = scheduler;
    for (ScheduledExecution<Object> e : s.getScheduledExecutionsForTask(TASK)) {
      String id = e.getTaskInstance().getId();
      if (!keep.test(id)) {
        try {
          s.cancel(e.getTaskInstance());
        } catch (RuntimeException ex) {
          LOG.debug("sync of {} is running now; it removes itself when done", id);
        }
      }
    }
  }

  private CompletionHandler<Void> execute(TaskInstance<Void> instance, ExecutionContext context) {
    String id = instance.getId();
    int colon = id.indexOf(':');
    String connection = colon < 0 ? id : id.substring(0, colon);
    String stream = colon < 0 ? "" : id.substring(colon + 1);
    ConfigConnectionRegistry r = registry.get();
    if (!r.refresh().containsKey(connection) || !r.streams(connection).contains(stream)) {
      LOG.info("sync of {} stopped: the connection was removed or disabled", id);
      return new CompletionHandler.OnCompleteRemove<>();
    }
    MDC.put("connection", connection);
    MDC.put("stream", stream);
    try {
      SyncReport report = engine.get().syncStream(connection, stream);
      if (report.ok()) {
        LOG.info("sync {}", report);
      } else {
        LOG.warn("sync {}", report);
      }
    } catch (RuntimeException e) {
      if (!r.refresh().containsKey(connection)) {
        LOG.info("sync of {} stopped: the connection was removed or disabled while it ran", id);
        return new CompletionHandler.OnCompleteRemove<>();
      }
      throw e;
    } finally {
      MDC.remove("connection");
      MDC.remove("stream");
    }
    if (!r.refresh().containsKey(connection)) {
      LOG.info("sync of {} stopped: the connection was removed or disabled", id);
      return new CompletionHandler.OnCompleteRemove<>();
    }
    return new CompletionHandler.OnCompleteReschedule<>(schedule);
  }
}
