package io.dunhub.hub.config;

import java.time.ZoneId;

/**
 * The hub's own recurring jobs.
 *
 * @param zone the zone {@code daily} and {@code cron} schedules are read in
 * @param dunning how often the dunning sweep evaluates due cases
 * @param outbox how often the outbox relay looks for rows to send
 */
public record SchedulesConfig(ZoneId zone, ScheduleSpec dunning, ScheduleSpec outbox) {}
