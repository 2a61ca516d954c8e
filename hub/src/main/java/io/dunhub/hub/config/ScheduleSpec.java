package io.dunhub.hub.config;

import java.time.Duration;
import java.time.LocalTime;

/**
 * When a recurring job runs, as written in the config: {@code every 5m}, {@code daily at 06:30} or
 * {@code cron 0 0/15 * * * *} (six fields, seconds first, as db-scheduler reads them).
 */
public sealed interface ScheduleSpec {

  /** A fixed delay between the end of one run and the start of the next. */
  record Every(Duration interval) implements ScheduleSpec {}

  /** Once a day at a time of day in the schedules' zone. */
  record Daily(LocalTime at) implements ScheduleSpec {}

  /** A cron expression in the schedules' zone. */
  record Cron(String expression) implements ScheduleSpec {}
}
