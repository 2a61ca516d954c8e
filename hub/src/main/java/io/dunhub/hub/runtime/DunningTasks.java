package io.dunhub.hub.runtime;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.dunhub.hub.config.SchedulesConfig;
import io.dunhub.hub.dunning.DunningSweep;
import io.dunhub.hub.dunning.cli.DunningRuntime;
import io.dunhub.hub.outbox.OutboxRelay;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dunning engine's recurring tasks: {@code dunning:sweep} evaluates due cases on {@code
 * schedules.dunning} (default every 15 minutes), {@code outbox:relay} sends due notices and
 * write-backs on {@code schedules.outbox} (default every 10 seconds). Each runs on one hub process
 * at a time across the cluster.
 */
final class DunningTasks implements TaskSource {

  static final String SWEEP = "dunning:sweep";
  static final String RELAY = "outbox:relay";
  static final int SWEEP_BATCH = 200;
  static final int RELAY_BATCH = 50;

  private static final Logger LOG = LoggerFactory.getLogger(DunningTasks.class);

  private final SchedulesConfig schedules;
  private final Provider<DunningRuntime> runtime;

  @Inject
  DunningTasks(SchedulesConfig schedules, Provider<DunningRuntime> runtime) {
    this.schedules = schedules;
    this.runtime = runtime;
  }

  @Override
  public List<RecurringTask<?>> recurringTasks() {
    return List.of(
        Tasks.recurring(SWEEP, Schedules.of(schedules.dunning(), schedules.zone()))
            .execute((instance, context) -> sweep()),
        Tasks.recurring(RELAY, Schedules.of(schedules.outbox(), schedules.zone()))
            .execute((instance, context) -> relay()));
  }

  private void sweep() {
    DunningSweep.Result r = runtime.get().sweep().run(SWEEP_BATCH);
    if (r.actions() > 0 || r.casesOpened() > 0) {
      LOG.info(
          "dunning sweep: {} case(s) opened, {} part(ies) evaluated, {} action(s)",
          r.casesOpened(),
          r.parties(),
          r.actions());
    }
  }

  private void relay() {
    OutboxRelay.Result r = runtime.get().relay().drain(RELAY_BATCH);
    if (r.claimed() > 0) {
      LOG.info(
          "outbox relay: {} done, {} to retry, {} dead letter(s)", r.done(), r.retried(), r.dead());
    }
  }
}
