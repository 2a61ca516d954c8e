package io.dunhub.hub.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole hub configuration, read from {@code dunhub.yml} and validated. Relative paths are
 * resolved against the config file's directory. Secrets are {@code Secret}s; {@link #toString()}
 * shows none.
 *
 * @param secretKey where the key that encrypts tokens and secrets at rest comes from
 * @param mappingsDir the integrator's mapping files; empty means the built-in defaults
 * @param policiesDir the dunning policy files; empty means the built-in default policy
 * @param admin who may use the admin API (token, users)
 */
public record HubConfig(
    Path file,
    Mode mode,
    StoreConfig store,
    SecretKeySource secretKey,
    List<ConnectionConfig> connections,
    OwnershipConfig ownership,
    Optional<Path> mappingsDir,
    Optional<Path> policiesDir,
    ChannelsConfig channels,
    SchedulesConfig schedules,
    HttpConfig http,
    AdminConfig admin) {

  public HubConfig {
    connections = List.copyOf(connections);
  }

  public Optional<ConnectionConfig> connection(String name) {
    return connections.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
