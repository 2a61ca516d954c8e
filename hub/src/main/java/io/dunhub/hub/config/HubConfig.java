package io.dunhub.hub.config;

import java.net.URI;
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
 * @param publicUrl the hub's URL as customers reach it (links in notices); empty means {@code
 *     http://<http.host>:<http.port>}
 * @param brand how notices look and who they come from
 * @param outbox the outbox's retry policy
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
    Optional<URI> publicUrl,
    BrandConfig brand,
    OutboxConfig outbox,
    AdminConfig admin) {

  public HubConfig {
    connections = List.copyOf(connections);
    publicUrl = publicUrl == null ? Optional.empty() : publicUrl;
    brand = brand == null ? BrandConfig.defaults() : brand;
    outbox = outbox == null ? OutboxConfig.defaults() : outbox;
    admin = admin == null ? AdminConfig.none() : admin;
  }

  /** A config with the default brand, retry policy and public URL, and no admin access. */
  public HubConfig(
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
      HttpConfig http) {
    this(
        file,
        mode,
        store,
        secretKey,
        connections,
        ownership,
        mappingsDir,
        policiesDir,
        channels,
        schedules,
        http,
        Optional.empty(),
        BrandConfig.defaults(),
        OutboxConfig.defaults(),
        AdminConfig.none());
  }

  /** Where links in notices point: {@code publicUrl}, or the HTTP server's own address. */
  public String linkBase() {
    return publicUrl.map(URI::toString).orElse("http://" + http.host() + ":" + http.port());
  }

  public Optional<ConnectionConfig> connection(String name) {
    return connections.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
