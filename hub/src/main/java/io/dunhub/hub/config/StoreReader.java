package io.dunhub.hub.config;

import io.dunhub.core.secret.Secret;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code store}: {@code embedded: {dataDir}} or {@code postgres: {url, user, password}}. */
final class StoreReader {

  private final Path base;
  private final Mode mode;

  StoreReader(Path base, Mode mode) {
    this.base = base;
    this.mode = mode;
  }

  StoreConfig read(ConfigValue node) {
    StoreConfig fallback = new StoreConfig.Embedded(base.resolve("data"));
    if (node == null) {
      return fallback;
    }
    Map<String, ConfigValue> e = node.entries(List.of("embedded", "postgres"));
    if (e.size() > 1) {
      node.problem("choose one store: 'embedded' or 'postgres', not both");
      return fallback;
    }
    if (e.containsKey("postgres")) {
      return postgres(e.get("postgres")).orElse(fallback);
    }
    if (e.containsKey("embedded")) {
      ConfigValue embedded = e.get("embedded");
      Map<String, ConfigValue> fields = embedded.entries(List.of("dataDir"));
      return new StoreConfig.Embedded(
          Optional.ofNullable(fields.get("dataDir"))
              .flatMap(ConfigValue::requiredText)
              .map(d -> base.resolve(d).normalize())
              .orElse(base.resolve("data")));
    }
    if (node.isMapping()) {
      node.problem("choose one store: 'embedded' or 'postgres'");
    }
    return fallback;
  }

  private Optional<StoreConfig> postgres(ConfigValue node) {
    Map<String, ConfigValue> e = node.entries(List.of("url", "user", "password", "maxPoolSize"));
    if (!node.isMapping()) {
      return Optional.empty();
    }
    Optional<String> url = Optional.empty();
    if (e.containsKey("url")) {
      url = e.get("url").requiredText();
      if (url.isPresent() && !url.get().startsWith("jdbc:postgresql://")) {
        e.get("url").problem("must start with jdbc:postgresql://, got '" + url.get() + "'");
        url = Optional.empty();
      }
    } else {
      node.problem("'url' is required (jdbc:postgresql://host:5432/dunhub)");
    }
    Optional<String> user = Optional.empty();
    if (e.containsKey("user")) {
      user = e.get("user").requiredText();
    } else {
      node.problem("'user' is required");
    }
    Secret password = Secret.of("");
    if (e.containsKey("password")) {
      ConfigValue p = e.get("password");
      Optional<Secret> s = p.secret();
      if (s.isPresent() && mode == Mode.PRODUCTION && !p.fromEnvironment()) {
        p.problem(SecretRules.WRITTEN_IN_FILE);
      }
      password = s.orElse(password);
    }
    int pool = Optional.ofNullable(e.get("maxPoolSize")).flatMap(v -> v.integer(2, 200)).orElse(10);
    if (url.isEmpty() || user.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new StoreConfig.Postgres(url.get(), user.get(), password, pool));
  }
}
