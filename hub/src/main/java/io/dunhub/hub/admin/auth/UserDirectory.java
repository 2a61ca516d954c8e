package io.dunhub.hub.admin.auth;

import io.dunhub.hub.config.AdminConfig;
import io.dunhub.hub.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The people who may sign in: those of the config file ({@code admin.users}) and those kept in the
 * store ({@code admin_users}, e.g. created by {@code dunhub demo}). A config user wins over a
 * stored one of the same name.
 */
public final class UserDirectory {

  /** A user with the hash of their password. */
  public record User(String name, Role role, String passwordHash, String source) {
    @Override
    public String toString() {
      return "User[" + name + ", " + role.label() + ", " + source + "]";
    }
  }

  private final AdminConfig config;
  private final Store store;
  private final Clock clock;
  private final PasswordHasher hasher;

  public UserDirectory(AdminConfig config, Store store, Clock clock, PasswordHasher hasher) {
    this.config = config;
    this.store = store;
    this.clock = clock;
    this.hasher = hasher;
  }

  public Optional<User> find(String name) {
    for (AdminConfig.User u : config.users()) {
      if (u.name().equals(name)) {
        return Optional.of(
            new User(u.name(), Role.of(u.role()).orElseThrow(), u.passwordHash(), "config"));
      }
    }
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT name, role, password_hash FROM admin_users WHERE name = :n")
                    .bind("n", name)
                    .map(
                        (rs, ctx) ->
                            new User(
                                rs.getString(1),
                                Role.of(rs.getString(2)).orElse(Role.READ_ONLY),
                                rs.getString(3),
                                "store"))
                    .findOne());
  }

  /** Every user, config ones first, without their hashes' use in mind (names and roles). */
  public List<User> list() {
    List<User> users = new ArrayList<>();
    for (AdminConfig.User u : config.users()) {
      users.add(new User(u.name(), Role.of(u.role()).orElseThrow(), u.passwordHash(), "config"));
    }
    store
        .jdbi()
        .useHandle(
            h ->
                h.createQuery("SELECT name, role, password_hash FROM admin_users ORDER BY name")
                    .map(
                        (rs, ctx) ->
                            new User(
                                rs.getString(1),
                                Role.of(rs.getString(2)).orElse(Role.READ_ONLY),
                                rs.getString(3),
                                "store"))
                    .forEach(
                        u -> {
                          if (users.stream().noneMatch(x -> x.name().equals(u.name()))) {
                            users.add(u);
                          }
                        }));
    return users;
  }

  /** Creates or replaces a stored user (the demo's users, an admin's new colleague). */
  public void save(String name, Role role, String password) {
    String hash = hasher.hash(password);
    Instant now = clock.instant();
    store
        .jdbi()
        .useTransaction(
            h -> {
              int updated =
                  h.createUpdate(
                          "UPDATE admin_users SET role = :role, password_hash = :hash, updated_at = :now"
                              + " WHERE name = :name")
                      .bind("role", role.label())
                      .bind("hash", hash)
                      .bind("now", now)
                      .bind("name", name)
                      .execute();
              if (updated == 0) {
                h.createUpdate(
                        "INSERT INTO admin_users (name, role, password_hash, created_at, updated_at)"
                            + " VALUES (:name, :role, :hash, :now, :now)")
                    .bind("role", role.label())
                    .bind("hash", hash)
                    .bind("now", now)
                    .bind("name", name)
                    .execute();
              }
            });
  }
}
