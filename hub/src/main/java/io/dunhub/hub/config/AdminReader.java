package io.dunhub.hub.config;

import io.dunhub.core.secret.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code admin}: the admin token, the users and the login lifetime. */
final class AdminReader {

  private static final List<String> KEYS = List.of("token", "users", "sessionHours");
  private static final List<String> USER_KEYS = List.of("name", "role", "passwordHash");
  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

  /** The shortest admin token accepted: long enough not to be guessed. */
  static final int MIN_TOKEN_LENGTH = 24;

  private final Mode mode;

  AdminReader(Mode mode) {
    this.mode = mode;
  }

  AdminConfig read(ConfigValue node) {
    if (node == null) {
      return AdminConfig.none();
    }
    Map<String, ConfigValue> e = node.entries(KEYS);
    Optional<Secret> token = Optional.empty();
    if (e.containsKey("token")) {
      ConfigValue value = e.get("token");
      token = value.secret();
      if (token.isPresent() && mode == Mode.PRODUCTION && !value.fromEnvironment()) {
        value.problem(SecretRules.WRITTEN_IN_FILE);
      }
      if (token.isPresent() && token.get().reveal().strip().length() < MIN_TOKEN_LENGTH) {
        value.problem(
            "must be at least "
                + MIN_TOKEN_LENGTH
                + " characters (make one with: openssl rand -base64 32)");
        token = Optional.empty();
      }
    }
    int hours =
        Optional.ofNullable(e.get("sessionHours")).flatMap(v -> v.integer(1, 720)).orElse(12);
    List<AdminConfig.User> users = new ArrayList<>();
    if (e.containsKey("users")) {
      Set<String> names = new HashSet<>();
      for (ConfigValue item : e.get("users").items()) {
        user(item)
            .ifPresent(
                u -> {
                  if (names.add(u.name())) {
                    users.add(u);
                  } else {
                    item.problem("user '" + u.name() + "' is declared twice");
                  }
                });
      }
    }
    return new AdminConfig(token, users, Duration.ofHours(hours));
  }

  private Optional<AdminConfig.User> user(ConfigValue item) {
    Map<String, ConfigValue> e = item.entries(USER_KEYS);
    if (!item.isMapping()) {
      return Optional.empty();
    }
    for (String key : USER_KEYS) {
      if (!e.containsKey(key)) {
        item.problem("'" + key + "' is required");
      }
    }
    Optional<String> name = Optional.ofNullable(e.get("name")).flatMap(ConfigValue::requiredText);
    if (name.isPresent() && !NAME.matcher(name.get()).matches()) {
      e.get("name").problem("must be 1-100 letters, digits or . _ @ -, got '" + name.get() + "'");
      name = Optional.empty();
    }
    Optional<String> role = Optional.ofNullable(e.get("role")).flatMap(ConfigValue::requiredText);
    if (role.isPresent()
        && !e.get("role")
            .requireIn(role.get(), new java.util.LinkedHashSet<>(AdminConfig.ROLES), "role")) {
      role = Optional.empty();
    }
    Optional<String> hash =
        Optional.ofNullable(e.get("passwordHash")).flatMap(ConfigValue::requiredText);
    if (hash.isPresent() && !BCRYPT.matcher(hash.get().strip()).matches()) {
      e.get("passwordHash")
          .problem(
              "must be a bcrypt hash ($2a$12$ and 53 more characters); make one with: dunhub admin"
                  + " hash-password");
      hash = Optional.empty();
    }
    if (name.isEmpty() || role.isEmpty() || hash.isEmpty()) {
      return Optional.empty();
    }
    int line = item.node().getStartMark().map(m -> m.getLine() + 1).orElse(0);
    return Optional.of(new AdminConfig.User(name.get(), role.get(), hash.get().strip(), line));
  }
}
