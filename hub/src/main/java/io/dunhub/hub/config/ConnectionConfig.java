package io.dunhub.hub.config;

import io.dunhub.core.connector.ConnectionSettings;

/**
 * One configured connection: its name, connector type, settings (secrets kept as {@code Secret})
 * and sync schedule, and the line where it was declared.
 */
public record ConnectionConfig(
    String name, String type, ConnectionSettings settings, SyncConfig sync, int line) {}
