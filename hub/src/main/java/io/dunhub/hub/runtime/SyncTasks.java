package io.dunhub.hub.runtime;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.dunhub.hub.config.ConnectionConfig;
import io.dunhub.hub.config.HubConfig;
import io.dunhub.hub.sync.ConnectionRegistry;
import io.dunhub.hub.sync.SyncEngine;
import io.dunhub.hub.sync.SyncReport;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One recurring task per enabled connection and stream, named {@code sync:<connection>:<stream>},
 * on the connection's schedule. db-scheduler runs each on one hub process at a time.
 */
final class SyncTasks implements TaskSource {

  private static final Logger LOG = LoggerFactory.getLogger(SyncTasks.class);

  private final HubConfig config;
  private final Provider<ConnectionRegistry> registry;
  private final Provider<SyncEngine> engine;

  @Inject
  SyncTasks(HubConfig config, Provider<ConnectionRegistry> registry, Provider<SyncEngine> engine) {
    this.config = config;
    this.registry = registry;
    this.engine = engine;
  }

  static String taskName(String connection, String stream) {
    return "sync:" + connection + ":" + stream;
  }

  @Override
  public List<RecurringTask<?>> recurringTasks() {
    List<RecurringTask<?>> tasks = new ArrayList<>();
    for (ConnectionConfig c : config.connections()) {
      if (!c.sync().enabled()) {
        continue;
      }
      for (String stream : registry.get().streams(c.name())) {
        tasks.add(
            Tasks.recurring(
                    taskName(c.name(), stream),
                    Schedules.of(c.sync().schedule(), config.schedules().zone()))
                .execute((instance, context) -> run(c.name(), stream)));
      }
    }
    return tasks;
  }

  private void run(String connection, String stream) {
    MDC.put("connection", connection);
    MDC.put("stream", stream);
    try {
      SyncReport report = engine.get().syncStream(connection, stream);
      if (report.ok()) {
        LOG.info("sync {}", report);
      } else {
        LOG.warn("sync {}", report);
      }
    } finally {
      MDC.remove("connection");
      MDC.remove("stream");
    }
  }
}
