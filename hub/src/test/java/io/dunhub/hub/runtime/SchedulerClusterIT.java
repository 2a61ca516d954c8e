package io.dunhub.hub.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.dunhub.hub.store.Dialect;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.store.StoreSettings;
import io.dunhub.hub.testing.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two hub processes' schedulers on one PostgreSQL database, with the same recurring sync tasks:
 * they split the executions between them, and no execution runs twice, nor two runs of one task at
 * the same time.
 */
class SchedulerClusterIT {

  private static final int TASKS = 6;

  private final TestPostgres postgres = TestPostgres.fromEnvironment();
  private StoreSettings settings;
  private final List<Store> stores = new ArrayList<>();

  /** One execution as a task body saw it. */
  record Run(String task, Instant scheduledFor, String node) {}

  private final List<Run> runs = new CopyOnWriteArrayList<>();
  private final Map<String, String> running = new ConcurrentHashMap<>();
  private final AtomicInteger overlaps = new AtomicInteger();

  @BeforeEach
  void database() {
    String unreachable = postgres.unreachableReason();
    if (unreachable != null && postgres.required()) {
      throw new IllegalStateException(unreachable);
    }
    Assumptions.assumeTrue(unreachable == null, unreachable);
    settings = postgres.createDatabase("scheduler_cluster");
  }

  @AfterEach
  void drop() {
    stores.forEach(Store::close);
    if (settings != null) {
      postgres.dropDatabase(settings);
    }
  }

  @Test
  void twoSchedulersOnOneDatabaseSplitTheWorkAndNeverRunAnExecutionTwice() throws Exception {
    Scheduler a = scheduler("node-a");
    Scheduler b = scheduler("node-b");
    a.start();
    b.start();
    Thread.sleep(6_000);
    a.stop();
    b.stop();

    assertThat(overlaps).as("runs of one task at the same time").hasValue(0);
    Map<String, Long> perExecution =
        runs.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.task() + "@" + r.scheduledFor(), Collectors.counting()));
    assertThat(perExecution.values()).as("times each execution ran").containsOnly(1L);
    Map<String, Long> perNode =
        runs.stream().collect(Collectors.groupingBy(Run::node, Collectors.counting()));
    assertThat(perNode).as("executions per node").containsOnlyKeys("node-a", "node-b");
    Set<String> tasks = runs.stream().map(Run::task).collect(Collectors.toSet());
    assertThat(tasks).hasSize(TASKS);
    assertThat(runs.size()).as("executions in all").isGreaterThanOrEqualTo(TASKS * 3);
    // one process at a time per task: a run takes 100 ms and the next is due 300 ms after it
    // ends, so in 6 s a task runs at most 15 times (twice that if both nodes ran it)
    Map<String, Long> perTask =
        runs.stream().collect(Collectors.groupingBy(Run::task, Collectors.counting()));
    assertThat(perTask.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(17L));
    System.out.println("executions per node: " + perNode + ", per task: " + perTask);
  }

  private Scheduler scheduler(String node) {
    Store store = Store.open(settings, Clock.systemUTC()).start();
    stores.add(store);
    List<RecurringTask<?>> tasks = new ArrayList<>();
    for (int i = 0; i < TASKS; i++) {
      String name = "sync:conn-" + i + ":Invoice";
      tasks.add(
          Tasks.recurring(name, FixedDelay.of(Duration.ofMillis(300)))
              .execute(
                  (instance, context) -> {
                    if (running.putIfAbsent(name, node) != null) {
                      overlaps.incrementAndGet();
                    }
                    runs.add(new Run(name, context.getExecution().executionTime, node));
                    try {
                      Thread.sleep(100);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    } finally {
                      running.remove(name, node);
                    }
                  }));
    }
    TaskSource source = () -> tasks;
    return SchedulerService.build(
        store.dataSource(),
        Dialect.POSTGRESQL,
        Set.of(source),
        new SchedulerService.SchedulerSettings(
            node, 2, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(5)));
  }
}
