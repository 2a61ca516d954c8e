package io.dunhub.hub.runtime;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.dunhub.hub.store.Dialect;
import io.dunhub.hub.store.Store;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * db-scheduler on the hub's own store ({@code scheduled_tasks}), running every {@link TaskSource}'s
 * tasks. Several hub processes on one PostgreSQL share the table: each due execution is claimed by
 * exactly one of them (a version-checked update, or {@code SKIP LOCKED}), so they split the work
 * and never run the same task twice.
 */
@Singleton
public final class SchedulerService implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(SchedulerService.class);

  private final Provider<Store> store;
  private final Set<TaskSource> sources;
  private final SchedulerSettings settings;
  private volatile Scheduler scheduler;

  @Inject
  public SchedulerService(
      Provider<Store> store, Set<TaskSource> sources, SchedulerSettings settings) {
    this.store = store;
    this.sources = sources;
    this.settings = settings;
  }

  @Override
  public String name() {
    return "scheduler";
  }

  @Override
  public int phase() {
    return SCHEDULER_PHASE;
  }

  @Override
  public void start() {
    Store s = store.get();
    Scheduler built = build(s.dataSource(), s.dialect(), sources, settings);
    built.start();
    scheduler = built;
    for (TaskSource source : sources) {
      source.started(built);
    }
  }

  /** Builds a scheduler for the tasks of these sources; public for tests and tools. */
  public static Scheduler build(
      DataSource dataSource, Dialect dialect, Set<TaskSource> sources, SchedulerSettings settings) {
    List<Task<?>> known = new ArrayList<>();
    List<RecurringTask<?>> recurring = new ArrayList<>();
    for (TaskSource source : sources) {
      recurring.addAll(source.recurringTasks());
      known.addAll(source.oneTimeTasks());
    }
    // startTasks(...) registers the recurring tasks as known tasks too
    SchedulerBuilder builder =
        Scheduler.create(dataSource, known)
            .startTasks(recurring)
            .threads(settings.threads())
            .pollingInterval(settings.pollingInterval())
            .heartbeatInterval(settings.heartbeatInterval())
            .schedulerName(new SchedulerName.Fixed(settings.nodeName()))
            .shutdownMaxWait(settings.shutdownMaxWait())
            .failureLogging(LogLevel.WARN, true);
    if (dialect == Dialect.POSTGRESQL) {
      builder.pollUsingLockAndFetch(0.5, 1.0);
    } else {
      builder.alwaysPersistTimestampInUTC();
    }
    LOG.info(
        "scheduler {} with {} recurring task(s): {}",
        settings.nodeName(),
        recurring.size(),
        recurring.stream().map(Task::getName).toList());
    return builder.build();
  }

  /** Whether the scheduler is started and not shutting down. */
  public boolean isRunning() {
    Scheduler s = scheduler;
    return s != null
        && s.getSchedulerState().isStarted()
        && !s.getSchedulerState().isShuttingDown();
  }

  @Override
  public void stop() {
    Scheduler s = scheduler;
    scheduler = null;
    if (s != null) {
      sources.forEach(TaskSource::stopped);
      s.stop();
    }
  }

  /** How the scheduler runs. */
  public record SchedulerSettings(
      String nodeName,
      int threads,
      Duration pollingInterval,
      Duration heartbeatInterval,
      Duration shutdownMaxWait) {

    public static SchedulerSettings defaults(String nodeName) {
      return new SchedulerSettings(
          nodeName, 4, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(30));
    }
  }
}
