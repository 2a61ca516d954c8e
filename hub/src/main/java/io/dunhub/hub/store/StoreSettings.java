package io.dunhub.hub.store;

import io.dunhub.core.secret.Secret;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the hub's database is and how to reach it.
 *
 * @param jdbcUrl a {@code jdbc:postgresql:} or {@code jdbc:hsqldb:} URL
 * @param user the database user
 * @param password the password, never logged (may be an empty secret)
 * @param poolSize the most connections the pool opens
 */
public record StoreSettings(String jdbcUrl, String user, Secret password, int poolSize) {

  /** The default pool size: enough for a sync, the scheduler and the admin API side by side. */
  public static final int DEFAULT_POOL_SIZE = 10;

  /**
   * The HSQLDB properties the embedded store is opened with.
   *
   * <ul>
   *   <li>{@code sql.syntax_pgs=true}: accept the PostgreSQL spellings the shared migrations use
   *       ({@code TEXT}, {@code BYTEA}, {@code nextval}).
   *   <li>{@code hsqldb.default_table_type=cached}: tables live on disk with a bounded row cache,
   *       so millions of rows fit a small heap (memory tables would hold every row on the heap).
   *   <li>{@code hsqldb.tx=mvcc}: readers do not block writers (the scheduler, the admin API and a
   *       sync share the database).
   *   <li>{@code hsqldb.write_delay=false}: a commit is on disk when it returns, so a committed
   *       page and its watermark survive a crash of the machine.
   *   <li>{@code hsqldb.lock_file=true}: a second process opening the same data directory fails at
   *       once instead of corrupting it.
   *   <li>{@code shutdown=false}: the pool keeps connections; {@link Store#close()} shuts the
   *       database down cleanly with {@code SHUTDOWN}.
   * </ul>
   */
  public static final String HSQLDB_PROPERTIES =
      ";sql.syntax_pgs=true;hsqldb.default_table_type=cached;hsqldb.tx=mvcc"
          + ";hsqldb.write_delay=false;hsqldb.lock_file=true;shutdown=false";

  public StoreSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    password = password == null ? Secret.of("") : password;
    if (poolSize < 2) {
      throw new IllegalArgumentException("the store pool needs at least 2 connections");
    }
    if (!jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.startsWith("jdbc:hsqldb:")) {
      throw new IllegalArgumentException(
          "the store supports PostgreSQL (jdbc:postgresql:...) and the embedded HSQLDB"
              + " (jdbc:hsqldb:...), not "
              + jdbcUrl.replaceAll("password=[^&;]*", "password=******"));
    }
  }

  /** The embedded default: an HSQLDB file database named {@code dunhub} in {@code dataDir}. */
  public static StoreSettings embedded(Path dataDir) {
    Path file = dataDir.toAbsolutePath().resolve("db").resolve("dunhub");
    return new StoreSettings(
        "jdbc:hsqldb:file:" + file + HSQLDB_PROPERTIES, "SA", Secret.of(""), DEFAULT_POOL_SIZE);
  }

  /** A PostgreSQL database. */
  public static StoreSettings postgres(String jdbcUrl, String user, Secret password) {
    return new StoreSettings(jdbcUrl, user, password, DEFAULT_POOL_SIZE);
  }

  public StoreSettings withPoolSize(int size) {
    return new StoreSettings(jdbcUrl, user, password, size);
  }

  /** Whether this is the embedded file database (as opposed to a database server). */
  public boolean isEmbedded() {
    return jdbcUrl.startsWith("jdbc:hsqldb:");
  }

  public Dialect dialect() {
    return isEmbedded() ? Dialect.HSQLDB : Dialect.POSTGRESQL;
  }

  @Override
  public String toString() {
    return "StoreSettings[" + jdbcUrl + ", user=" + user + ", pool=" + poolSize + "]";
  }
}
