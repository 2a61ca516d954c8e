package io.dunhub.hub.config;

import java.time.Duration;
import java.util.List;

/**
 * How one connection is synced.
 *
 * @param streams the host objects to read; empty means every stream the connector reads
 */
public record SyncConfig(boolean enabled, ScheduleSpec schedule, List<String> streams) {

  /** The schedule of a connection that names none: every 15 minutes. */
  public static final ScheduleSpec DEFAULT_SCHEDULE =
      new ScheduleSpec.Every(Duration.ofMinutes(15));

  /** Every stream on the default schedule: a connection added through the admin API. */
  public static SyncConfig defaults(boolean enabled) {
    return new SyncConfig(enabled, DEFAULT_SCHEDULE, List.of());
  }

  public SyncConfig {
    streams = List.copyOf(streams);
  }
}
