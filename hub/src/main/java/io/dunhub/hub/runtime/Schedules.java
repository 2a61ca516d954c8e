package io.dunhub.hub.runtime;

import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import io.dunhub.hub.config.ScheduleSpec;
import java.time.ZoneId;

/** Turns a configured {@link ScheduleSpec} into a db-scheduler {@link Schedule}. */
public final class Schedules {

  private Schedules() {}

  public static Schedule of(ScheduleSpec spec, ZoneId zone) {
    if (spec instanceof ScheduleSpec.Every every) {
      return com.github.kagkarlsson.scheduler.task.schedule.Schedules.fixedDelay(every.interval());
    }
    if (spec instanceof ScheduleSpec.Daily daily) {
      return com.github.kagkarlsson.scheduler.task.schedule.Schedules.daily(zone, daily.at());
    }
    return com.github.kagkarlsson.scheduler.task.schedule.Schedules.cron(
        ((ScheduleSpec.Cron) spec).expression(), zone);
  }
}
