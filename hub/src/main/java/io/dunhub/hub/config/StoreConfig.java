package io.dunhub.hub.config;

import io.dunhub.core.secret.Secret;
import java.nio.file.Path;

/** Where the hub keeps its data: an embedded file database, or PostgreSQL. */
public sealed interface StoreConfig {

  /** The embedded database in a directory (the default: {@code ./data} beside the config file). */
  record Embedded(Path dataDir) implements StoreConfig {}

  /** A PostgreSQL database shared by every hub process of a cluster. */
  record Postgres(String url, String user, Secret password, int maxPoolSize)
      implements StoreConfig {
    @Override
    public String toString() {
      return "Postgres[url=" + url + ", user=" + user + ", maxPoolSize=" + maxPoolSize + "]";
    }
  }
}
