package io.dunhub.hub.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's database: a connection pool (HikariCP), JDBI on top of it, and the Flyway migrations in
 * {@code db/migration} that serve both the embedded HSQLDB and PostgreSQL.
 *
 * <pre>{@code
 * try (Store store = Store.open(StoreSettings.embedded(dataDir), clock)) {
 *   store.start(); // migrates
 *   store.jdbi().useHandle(h -> ...);
 * }
 * }</pre>
 *
 * <p>Instants are bound and read as {@code TIMESTAMP WITH TIME ZONE} in UTC on both databases.
 */
public final class Store implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Store.class);

  private final StoreSettings settings;
  private final Clock clock;
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private volatile boolean closed;

  private Store(StoreSettings settings, Clock clock, HikariDataSource dataSource) {
    this.settings = settings;
    this.clock = clock;
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource);
    jdbi.registerArgument(new InstantArgumentFactory());
    jdbi.registerColumnMapper(
        Instant.class,
        (rs, column, ctx) -> {
          OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
          return value == null ? null : value.toInstant();
        });
  }

  /**
   * Opens the pool. Fails with a {@link StoreException} that says what to do when the database
   * cannot be reached or, for the embedded store, is in use by another process.
   */
  public static Store open(StoreSettings settings, Clock clock) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.jdbcUrl());
    config.setUsername(settings.user());
    config.setPassword(settings.password().reveal());
    config.setMaximumPoolSize(settings.poolSize());
    config.setPoolName("dunhub-store");
    config.setAutoCommit(true);
    config.setConnectionTimeout(10_000);
    if (settings.isEmbedded()) {
      config.setDriverClassName("org.hsqldb.jdbc.JDBCDriver");
    } else {
      config.setDriverClassName("org.postgresql.Driver");
      // a JDBC batch of inserts goes as multi-row INSERTs: the sweep's outbox rows and steps, the
      // sync's records
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    try {
      return new Store(settings, clock, new HikariDataSource(config));
    } catch (RuntimeException e) {
      throw new StoreException(cannotOpen(settings, e), e);
    }
  }

  private static String cannotOpen(StoreSettings settings, Throwable e) {
    String causes = messages(e);
    if (settings.isEmbedded()) {
      if (causes.contains("lock")) {
        return "the embedded database "
            + settings.jdbcUrl().split(";")[0]
            + " is in use by another Dunhub process (its lock file is held); stop that process"
            + " or give this one another data directory";
      }
      return "cannot open the embedded database "
          + settings.jdbcUrl().split(";")[0]
          + ": "
          + causes;
    }
    return "cannot connect to PostgreSQL at "
        + settings.jdbcUrl()
        + " as "
        + settings.user()
        + ": "
        + causes
        + " (check the store URL, user and password, and that the server is running)";
  }

  private static String messages(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null && text.length() < 600; t = t.getCause()) {
      if (t.getMessage() != null && text.indexOf(t.getMessage()) < 0) {
        if (text.length() > 0) {
          text.append(": ");
        }
        text.append(t.getMessage());
      }
    }
    return text.toString();
  }

  /** Runs the migrations that have not run yet. */
  public Store start() {
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException("cannot migrate the store at " + describe() + ": " + messages(e), e);
    }
    LOG.info("store ready: {}", describe());
    return this;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Dialect dialect() {
    return settings.dialect();
  }

  public StoreSettings settings() {
    return settings;
  }

  public Clock clock() {
    return clock;
  }

  /** Whether a connection can be taken and answers within two seconds. */
  public boolean isHealthy() {
    if (closed) {
      return false;
    }
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  /** Closes the pool; the embedded database is shut down cleanly first. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (settings.isEmbedded() && !dataSource.isClosed()) {
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("SHUTDOWN");
      } catch (SQLException e) {
        LOG.warn("embedded store did not shut down cleanly: {}", e.getMessage());
      }
    }
    dataSource.close();
  }

  private String describe() {
    return settings.isEmbedded() ? settings.jdbcUrl().split(";")[0] : settings.jdbcUrl();
  }

  /** Binds instants as UTC {@code TIMESTAMP WITH TIME ZONE}, whatever the JVM's zone. */
  private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
    InstantArgumentFactory() {
      super(Types.TIMESTAMP_WITH_TIMEZONE);
    }

    @Override
    protected Argument build(Instant value, ConfigRegistry config) {
      OffsetDateTime utc = value.atOffset(ZoneOffset.UTC);
      return (position, statement, context) -> statement.setObject(position, utc);
    }
  }
}
