package io.dunhub.hub.runtime;

import io.dunhub.hub.http.ReadinessCheck;
import jakarta.inject.Inject;
import java.util.Optional;

/** Ready when the scheduler runs. */
final class SchedulerReadiness implements ReadinessCheck {

  private final SchedulerService scheduler;

  @Inject
  SchedulerReadiness(SchedulerService scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public String name() {
    return "scheduler";
  }

  @Override
  public Optional<String> problem() {
    return scheduler.isRunning() ? Optional.empty() : Optional.of("the scheduler is not running");
  }
}
