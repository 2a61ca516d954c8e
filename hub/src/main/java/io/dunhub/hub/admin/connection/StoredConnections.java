package io.dunhub.hub.admin.connection;

import com.fasterxml.jackson.core.type.TypeReference;
import io.dunhub.core.connector.CheckResult;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.secret.Secret;
import io.dunhub.hub.admin.ApiJson;
import io.dunhub.hub.crypto.SecretCipher;
import io.dunhub.hub.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code connections} table: connections added through the API (plain settings as JSON, secret
 * settings encrypted with the hub's {@link SecretCipher} under the context {@code
 * connection:<name>}), and the outcome of the last "test connection" of any connection.
 */
public final class StoredConnections {

  /** The last check of a connection. */
  public record LastCheck(Instant at, String status, String message) {}

  private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

  private final Store store;
  private final Clock clock;
  private final SecretCipher cipher;

  public StoredConnections(Store store, Clock clock, SecretCipher cipher) {
    this.store = store;
    this.clock = clock;
    this.cipher = cipher;
  }

  /** A connection added through the API: its decrypted settings and whether it syncs. */
  public record Added(ConnectionSettings settings, boolean enabled) {}

  /** The connections added through the API, by name, with their decrypted settings. */
  public Map<String, ConnectionSettings> added() {
    Map<String, ConnectionSettings> result = new LinkedHashMap<>();
    all().forEach((name, a) -> result.put(name, a.settings()));
    return result;
  }

  /** The connections added through the API, by name, with their settings and sync state. */
  public Map<String, Added> all() {
    Map<String, Added> result = new LinkedHashMap<>();
    store
        .jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "SELECT name, host_type, settings, secrets_enc, enabled FROM connections"
                            + " WHERE settings IS NOT NULL ORDER BY name")
                    .map(
                        (rs, c) ->
                            new Added(
                                settings(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4)),
                                rs.getBoolean(5)))
                    .forEach(a -> result.put(a.settings().connection(), a)));
    return result;
  }

  private ConnectionSettings settings(String name, String type, String values, String secretsEnc) {
    Map<String, String> plain = read(values);
    Map<String, Secret> secrets = new LinkedHashMap<>();
    if (secretsEnc != null) {
      read(cipher.decrypt(secretsEnc, "connection:" + name).reveal())
          .forEach((k, v) -> secrets.put(k, Secret.of(v)));
    }
    return new ConnectionSettings(name, type, plain, secrets);
  }

  /** Stores a new connection; an enabled one is synced on the default schedule at once. */
  public void add(ConnectionSettings s, boolean enabled, String by) {
    Instant now = clock.instant();
    store
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO connections (name, host_type, enabled, secrets_enc, settings, created_by,"
                            + " created_at, updated_at) VALUES (:name, :type, :enabled, :secrets, :settings, :by,"
                            + " :now, :now)")
                    .bind("name", s.connection())
                    .bind("type", s.type())
                    .bind("enabled", enabled)
                    .bind("secrets", encrypt(s))
                    .bind("settings", write(s.values()))
                    .bind("by", by)
                    .bind("now", now)
                    .execute());
  }

  /** Stores a new connection that syncs. */
  public void add(ConnectionSettings s, String by) {
    add(s, true, by);
  }

  /**
   * Replaces the settings and sync state of a connection added through the API; false when there is
   * none of that name.
   */
  public boolean update(ConnectionSettings s, boolean enabled) {
    Instant now = clock.instant();
    return store
            .jdbi()
            .withHandle(
                h ->
                    h.createUpdate(
                            "UPDATE connections SET enabled = :enabled, secrets_enc = :secrets,"
                                + " settings = :settings, updated_at = :now"
                                + " WHERE name = :name AND settings IS NOT NULL")
                        .bind("name", s.connection())
                        .bind("enabled", enabled)
                        .bind("secrets", encrypt(s))
                        .bind("settings", write(s.values()))
                        .bind("now", now)
                        .execute())
        > 0;
  }

  /**
   * Deletes a connection added through the API, and its OAuth tokens; false when there is none of
   * that name. What it synced stays in the store.
   */
  public boolean remove(String name) {
    return store
        .jdbi()
        .inTransaction(
            h -> {
              int deleted =
                  h.createUpdate(
                          "DELETE FROM connections WHERE name = :name AND settings IS NOT NULL")
                      .bind("name", name)
                      .execute();
              if (deleted > 0) {
                h.createUpdate("DELETE FROM oauth_tokens WHERE connection = :name")
                    .bind("name", name)
                    .execute();
              }
              return deleted > 0;
            });
  }

  private String encrypt(ConnectionSettings s) {
    Map<String, String> secrets = new LinkedHashMap<>();
    s.secrets().forEach((k, v) -> secrets.put(k, v.reveal()));
    return secrets.isEmpty()
        ? null
        : cipher.encrypt(Secret.of(write(secrets)), "connection:" + s.connection());
  }

  /** Whether a row for the name exists (added, or checked before). */
  public boolean exists(String name) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                            "SELECT COUNT(*) FROM connections WHERE name = :n AND settings IS NOT NULL")
                        .bind("n", name)
                        .mapTo(Integer.class)
                        .one()
                    > 0);
  }

  /** Records a check's outcome (creating the state row of a config connection if needed). */
  public void recordCheck(String name, String type, CheckResult result, String message) {
    Instant now = clock.instant();
    store
        .jdbi()
        .useTransaction(
            h -> {
              int updated =
                  h.createUpdate(
                          "UPDATE connections SET last_check_at = :now, last_check_status = :status,"
                              + " last_check_message = :message, updated_at = :now WHERE name = :name")
                      .bind("now", now)
                      .bind("status", result.status().name())
                      .bind("message", message)
                      .bind("name", name)
                      .execute();
              if (updated == 0) {
                h.createUpdate(
                        "INSERT INTO connections (name, host_type, enabled, last_check_at, last_check_status,"
                            + " last_check_message, created_at, updated_at) VALUES (:name, :type, TRUE, :now,"
                            + " :status, :message, :now, :now)")
                    .bind("name", name)
                    .bind("type", type)
                    .bind("now", now)
                    .bind("status", result.status().name())
                    .bind("message", message)
                    .execute();
              }
            });
  }

  public Optional<LastCheck> lastCheck(String name) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT last_check_at, last_check_status, last_check_message FROM connections"
                            + " WHERE name = :n AND last_check_at IS NOT NULL")
                    .bind("n", name)
                    .map(
                        (rs, c) ->
                            new LastCheck(
                                rs.getObject(1, java.time.OffsetDateTime.class).toInstant(),
                                rs.getString(2),
                                rs.getString(3)))
                    .findOne());
  }

  private static Map<String, String> read(String json) {
    try {
      return json == null ? Map.of() : ApiJson.mapper().readValue(json, MAP);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String write(Map<String, String> map) {
    try {
      return ApiJson.mapper().writeValueAsString(map);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
