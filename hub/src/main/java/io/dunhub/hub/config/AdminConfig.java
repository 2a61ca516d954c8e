package io.dunhub.hub.config;

import io.dunhub.core.secret.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The admin API's access: an admin token (full access, for scripts), users with a role and a bcrypt
 * password hash, and how long a login lasts.
 *
 * @param token the admin token, or empty for none (then only users can sign in)
 * @param sessionTtl how long a login token is valid
 */
public record AdminConfig(Optional<Secret> token, List<User> users, Duration sessionTtl) {

  /** The roles, as written in the config and shown by the API. */
  public static final List<String> ROLES = List.of("admin", "collector", "read-only");

  /**
   * A user declared in the config file.
   *
   * @param role one of {@link #ROLES}
   * @param passwordHash a bcrypt hash ({@code $2a$12$...}); make one with {@code dunhub admin
   *     hash-password}
   */
  public record User(String name, String role, String passwordHash, int line) {
    @Override
    public String toString() {
      return "User[" + name + ", " + role + "]";
    }
  }

  public AdminConfig {
    users = List.copyOf(users);
  }

  public static AdminConfig none() {
    return new AdminConfig(Optional.empty(), List.of(), Duration.ofHours(12));
  }
}
