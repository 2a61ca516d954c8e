package io.dunhub.hub.testing;

import io.dunhub.core.secret.Secret;
import io.dunhub.hub.store.StoreSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server tests use: where it is, whether it answers, and throw-away databases on it.
 * Reads {@code DUNHUB_TEST_POSTGRES_URL} and {@code DUNHUB_REQUIRE_POSTGRES} through an injected
 * environment lookup.
 */
public final class TestPostgres {

  public static final String URL_VARIABLE = "DUNHUB_TEST_POSTGRES_URL";
  public static final String REQUIRE_VARIABLE = "DUNHUB_REQUIRE_POSTGRES";
  static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

  private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?");
  private static volatile TestPostgres fromEnvironment;

  private final String adminUrl;
  private final boolean required;
  private volatile String unreachable;
  private volatile boolean probed;

  TestPostgres(Function<String, String> env) {
    String url = env.apply(URL_VARIABLE);
    this.adminUrl = url == null || url.isBlank() ? DEFAULT_URL : url.trim();
    this.required = "true".equalsIgnoreCase(String.valueOf(env.apply(REQUIRE_VARIABLE)).trim());
    if (!URL.matcher(adminUrl).matches()) {
      throw new IllegalArgumentException(
          URL_VARIABLE + " must look like jdbc:postgresql://host:port/database, got " + adminUrl);
    }
  }

  /** The server named by the process environment (one per JVM). */
  public static TestPostgres fromEnvironment() {
    if (fromEnvironment == null) {
      synchronized (TestPostgres.class) {
        if (fromEnvironment == null) {
          fromEnvironment = new TestPostgres(System::getenv);
        }
      }
    }
    return fromEnvironment;
  }

  public boolean required() {
    return required;
  }

  public String adminUrl() {
    return adminUrl;
  }

  /** Null when the server answers; otherwise why not. Probed once. */
  public synchronized String unreachableReason() {
    if (!probed) {
      probed = true;
      try (Connection c = admin()) {
        c.isValid(3);
      } catch (SQLException e) {
        unreachable = "PostgreSQL is not reachable at " + adminUrl + ": " + e.getMessage();
      }
    }
    return unreachable;
  }

  /** Creates an empty database and returns the settings of a store in it. */
  public StoreSettings createDatabase(String hint) {
    String name =
        ("dunhub_t_"
                + hint.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT)
                + "_"
                + UUID.randomUUID().toString().substring(0, 8))
            .replaceAll("(.{50}).*(.{8})$", "$1$2");
    execute("CREATE DATABASE " + name);
    Matcher m = URL.matcher(adminUrl);
    m.matches();
    String url = m.group(1) + name + (m.group(3) == null ? "" : m.group(3));
    return new StoreSettings(url, user(), Secret.of(password()), 4);
  }

  /** Drops a database made by {@link #createDatabase}, ending its leftover sessions. */
  public void dropDatabase(StoreSettings settings) {
    Matcher m = URL.matcher(settings.jdbcUrl());
    if (m.matches() && m.group(2).startsWith("dunhub_t_")) {
      execute("DROP DATABASE IF EXISTS " + m.group(2) + " WITH (FORCE)");
    }
  }

  private void execute(String sql) {
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed on " + adminUrl + ": " + e.getMessage(), e);
    }
  }

  private Connection admin() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user());
    props.setProperty("password", password());
    props.setProperty("connectTimeout", "3");
    props.setProperty("loginTimeout", "3");
    return DriverManager.getConnection(adminUrl, props);
  }

  private String user() {
    String user = param("user");
    return user == null ? "postgres" : user;
  }

  private String password() {
    String password = param("password");
    return password == null ? "" : password;
  }

  private String param(String key) {
    int q = adminUrl.indexOf('?');
    if (q < 0) {
      return null;
    }
    for (String pair : adminUrl.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(key)) {
        return pair.substring(eq + 1);
      }
    }
    return null;
  }
}
