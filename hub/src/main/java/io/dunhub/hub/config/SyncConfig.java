package io.dunhub.hub.config;

import java.util.List;

/**
 * How one connection is synced.
 *
 * @param streams the host objects to read; empty means every stream the connector reads
 */
public record SyncConfig(boolean enabled, ScheduleSpec schedule, List<String> streams) {
  public SyncConfig {
    streams = List.copyOf(streams);
  }
}
