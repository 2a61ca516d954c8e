package io.dunhub.hub.admin.connection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.auth.TokenStore;
import io.dunhub.core.connector.CheckResult;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.connector.HostConnector;
import io.dunhub.core.connector.RateLimit;
import io.dunhub.hub.admin.ApiError;
import io.dunhub.hub.admin.ApiJson;
import io.dunhub.hub.admin.ApiRouter;
import io.dunhub.hub.admin.ApiRouters;
import io.dunhub.hub.admin.auth.Access;
import io.dunhub.hub.config.ConnectionConfig;
import io.dunhub.hub.config.HubConfig;
import io.dunhub.hub.http.RoutePlugin;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.sync.ParkedRecords;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;

/**
 * {@code /api/connections}: each connection's status, last sync, parked records and API usage
 * (settings shown with secrets masked), a live test, and adding, changing, disabling and deleting a
 * connection through the API (validated by its connector, every problem returned; stored with its
 * secrets encrypted). The running hub's scheduled sync follows each change at once ({@link
 * ConnectionChanges}): an added or enabled connection syncs now and then on the default schedule; a
 * disabled or deleted one stops. Connections of the config file are changed in the file.
 */
public final class ConnectionRoutes implements RoutePlugin {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");

  private final ApiRouters routers;
  private final HubConfig config;
  private final Map<String, HostConnector> connectors;
  private final Store store;
  private final Clock clock;
  private final ParkedRecords parked;
  private final Provider<StoredConnections> stored;
  private final Provider<TokenStore> tokens;
  private final Provider<OkHttpClient> http;
  private final ApiUsage usage;
  private final ConnectionChanges changes;

  @Inject
  public ConnectionRoutes(
      ApiRouters routers,
      HubConfig config,
      Map<String, HostConnector> connectors,
      Store store,
      Clock clock,
      ParkedRecords parked,
      Provider<StoredConnections> stored,
      Provider<TokenStore> tokens,
      Provider<OkHttpClient> http,
      ApiUsage usage,
      ConnectionChanges changes) {
    this.routers = routers;
    this.config = config;
    this.connectors = connectors;
    this.store = store;
    this.clock = clock;
    this.parked = parked;
    this.stored = stored;
    this.tokens = tokens;
    this.http = http;
    this.usage = usage;
    this.changes = changes;
  }

  @Override
  public void addRoutes(Javalin app) {
    routers
        .on(app)
        .get("/api/connections", Access.READ, this::list)
        .get("/api/connections/{name}", Access.READ, this::detail)
        .post("/api/connections/{name}/test", Access.ADMIN, this::test)
        .post("/api/connections", Access.ADMIN, this::create)
        .put("/api/connections/{name}", Access.ADMIN, this::update)
        .delete("/api/connections/{name}", Access.ADMIN, this::delete);
  }

  /** A connection known to the hub: from the config, or added through the API. */
  private record Known(ConnectionSettings settings, boolean enabled, String source) {}

  private Map<String, Known> known() {
    Map<String, Known> all = new LinkedHashMap<>();
    for (ConnectionConfig c : config.connections()) {
      all.put(c.name(), new Known(c.settings(), c.sync().enabled(), "config"));
    }
    stored
        .get()
        .all()
        .forEach((name, a) -> all.putIfAbsent(name, new Known(a.settings(), a.enabled(), "api")));
    return all;
  }

  private Known find(String name) {
    Known k = known().get(name);
    if (k == null) {
      throw ApiError.notFound("connection " + name);
    }
    return k;
  }

  private void list(Context ctx) {
    List<Map<String, Object>> result = new ArrayList<>();
    known().forEach((name, k) -> result.add(summary(name, k)));
    ApiJson.send(ctx, result);
  }

  private void detail(Context ctx) {
    String name = ctx.pathParam("name");
    Known k = find(name);
    Map<String, Object> m = summary(name, k);
    m.put("source", k.source());
    m.put("settings", SecretMasking.settings(k.settings()));
    HostConnector connector = connectors.get(k.settings().type());
    if (connector != null) {
      m.put("streams", connector.capabilities().streams().stream().map(s -> s.name()).toList());
      m.put("writes", connector.capabilities().sinks().stream().map(s -> s.hostObject()).toList());
    }
    m.put("lastCheck", stored.get().lastCheck(name).orElse(null));
    ApiJson.send(ctx, m);
  }

  private Map<String, Object> summary(String name, Known k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("connector", k.settings().type());
    m.put("enabled", k.enabled());
    Map<String, Object> lastSync = lastSync(name);
    Optional<StoredConnections.LastCheck> check = stored.get().lastCheck(name);
    boolean failing =
        (lastSync != null && !(Boolean) lastSync.get("ok"))
            || check.map(c -> !"OK".equals(c.status())).orElse(false);
    m.put("status", !k.enabled() ? "disabled" : failing ? "failing" : "ok");
    m.put("lastSync", lastSync);
    m.put("parked", parked.count(name));
    m.put("apiUsage", apiUsage(name, k));
    return m;
  }

  /** The latest run of each stream: when the last finished, whether all were fine, records read. */
  private Map<String, Object> lastSync(String name) {
    List<Object[]> latest =
        store
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT r.stream, r.status, r.started_at, r.finished_at, r.records_read FROM sync_runs r"
                                + " WHERE r.connection = :c AND r.started_at = (SELECT MAX(x.started_at) FROM sync_runs x"
                                + " WHERE x.connection = r.connection AND x.stream = r.stream AND x.direction = r.direction)")
                        .bind("c", name)
                        .map(
                            (rs, c) -> {
                              OffsetDateTime finished = rs.getObject(4, OffsetDateTime.class);
                              OffsetDateTime started = rs.getObject(3, OffsetDateTime.class);
                              return new Object[] {
                                rs.getString(2),
                                (finished != null ? finished : started).toInstant(),
                                rs.getLong(5)
                              };
                            })
                        .list());
    if (latest.isEmpty()) {
      return null;
    }
    Instant at = null;
    boolean ok = true;
    long records = 0;
    for (Object[] r : latest) {
      Instant t = (Instant) r[1];
      at = at == null || t.isAfter(at) ? t : at;
      ok &= !"FAILED".equals(r[0]);
      records += (Long) r[2];
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("at", at);
    m.put("ok", ok);
    m.put("records", records);
    return m;
  }

  /**
   * The connection's host API calls against the connector's published rate limit: {@code used} is
   * how much of the limit is spent now as the connection's rate limiter counts it (its token
   * bucket: calls in the current window not yet paid back), {@code calls} every call since {@code
   * since} (the hub's start). For a host without a limit, {@code limit} and {@code window} are null
   * and {@code used} is the calls since the start.
   */
  private Map<String, Object> apiUsage(String name, Known k) {
    HostConnector connector = connectors.get(k.settings().type());
    if (connector == null) {
      return null;
    }
    RateLimit limit = connector.capabilities().rateLimit();
    boolean limited = limit != null && limit.permits() != Integer.MAX_VALUE;
    OptionalLong calls = usage.used(name);
    Long total = calls.isPresent() ? calls.getAsLong() : null;
    Map<String, Object> m = new LinkedHashMap<>();
    if (limited) {
      OptionalDouble spent = usage.limitUsed(name);
      m.put(
          "used",
          spent.isPresent()
              ? Math.round(spent.getAsDouble() * limit.permits())
              : total == null ? null : 0L);
    } else {
      m.put("used", total);
    }
    m.put("limit", limited ? limit.permits() : null);
    m.put("window", limited ? limit.window().toString() : null);
    m.put("calls", total);
    m.put("since", usage.since().orElse(null));
    m.put(
        "allowance",
        usage
            .allowance(name)
            .map(
                a -> {
                  Map<String, Object> x = new LinkedHashMap<>();
                  x.put("name", a.name());
                  x.put("used", a.used());
                  x.put("limit", a.limit());
                  x.put("at", a.at());
                  return x;
                })
            .orElse(null));
    return m;
  }

  private void test(Context ctx) {
    String name = ctx.pathParam("name");
    Known k = find(name);
    HostConnector connector = connectors.get(k.settings().type());
    if (connector == null) {
      throw new ApiError(409, "no connector '" + k.settings().type() + "' is installed", null);
    }
    CheckResult result;
    try {
      result =
          connector.check(new ConnectionContext(k.settings(), clock, tokens.get(), http.get()));
    } catch (RuntimeException e) {
      result =
          CheckResult.failed(
              CheckResult.Status.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    String message = SecretMasking.scrub(result.message(), k.settings());
    stored.get().recordCheck(name, k.settings().type(), result, message);
    ApiRouter.auditDetails(ctx, "test: " + result.status());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", result.ok());
    m.put("status", result.status().name());
    m.put("message", message);
    ApiJson.send(ctx, m);
  }

  private void create(Context ctx) {
    ObjectNode body = ApiJson.body(ctx);
    List<Map<String, String>> problems = new ArrayList<>();
    String name = body.path("name").asText("");
    if (!body.path("name").isTextual() || !NAME.matcher(name).matches()) {
      problems.add(
          ConnectionForm.problem(
              "name",
              "must be 1-100 lower-case letters, digits, - or _ (starting with a letter or digit)"));
    } else if (known().containsKey(name)) {
      problems.add(
          ConnectionForm.problem("name", "a connection named '" + name + "' exists already"));
    }
    String type = body.path("connector").asText("");
    boolean enabled = ConnectionForm.enabled(body, true, problems);
    ConnectionSettings settings =
        ConnectionForm.settings(connectors, name, type, body.get("settings"), null, problems);
    if (!problems.isEmpty()) {
      throw ConnectionForm.invalid(problems);
    }
    stored.get().add(settings, enabled, ApiRouter.principal(ctx).name());
    changes.changed(name);
    ApiRouter.auditDetails(
        ctx,
        "added "
            + type
            + " connection "
            + name
            + (enabled ? "" : " (disabled)")
            + " (settings "
            + SecretMasking.settings(settings)
            + ")");
    Map<String, Object> m = summary(name, new Known(settings, enabled, "api"));
    m.put("source", "api");
    m.put("settings", SecretMasking.settings(settings));
    m.put(
        "message",
        enabled
            ? "saved with its secrets encrypted; it syncs now and then every 15 minutes"
            : "saved with its secrets encrypted; disabled: it syncs once enabled");
    m.put("config", ConnectionForm.yaml(settings));
    ctx.status(201);
    ApiJson.send(ctx, m);
  }

  /**
   * {@code {enabled?, settings?}}: new settings (a secret sent as {@value SecretMasking#MASK} keeps
   * its value) and whether it syncs, for a connection added through the API.
   */
  private void update(Context ctx) {
    String name = ctx.pathParam("name");
    Known k = find(name);
    if (!"api".equals(k.source())) {
      throw new ApiError(
          409, "connection " + name + " is in the config file; change it there", null);
    }
    ObjectNode body = ApiJson.body(ctx);
    List<Map<String, String>> problems = new ArrayList<>();
    boolean enabled = ConnectionForm.enabled(body, k.enabled(), problems);
    ConnectionSettings settings =
        body.has("settings")
            ? ConnectionForm.settings(
                connectors, name, k.settings().type(), body.get("settings"), k.settings(), problems)
            : k.settings();
    if (!problems.isEmpty()) {
      throw ConnectionForm.invalid(problems);
    }
    if (!stored.get().update(settings, enabled)) {
      throw ApiError.notFound("connection " + name);
    }
    changes.changed(name);
    ApiRouter.auditDetails(
        ctx,
        "changed connection "
            + name
            + ": "
            + (enabled ? "enabled" : "disabled")
            + (body.has("settings") ? ", settings " + SecretMasking.settings(settings) : ""));
    Map<String, Object> m = summary(name, new Known(settings, enabled, "api"));
    m.put("source", "api");
    m.put("settings", SecretMasking.settings(settings));
    ApiJson.send(ctx, m);
  }

  /** Deletes a connection added through the API; its syncs stop, what it synced stays. */
  private void delete(Context ctx) {
    String name = ctx.pathParam("name");
    Known k = find(name);
    if (!"api".equals(k.source())) {
      throw new ApiError(
          409, "connection " + name + " is in the config file; remove it there", null);
    }
    if (!stored.get().remove(name)) {
      throw ApiError.notFound("connection " + name);
    }
    changes.changed(name);
    ApiRouter.auditDetails(ctx, "deleted connection " + name);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("deleted", true);
    ApiJson.send(ctx, m);
  }
}
