package io.dunhub.hub.admin.outbox;

import io.dunhub.hub.admin.ApiError;
import io.dunhub.hub.admin.ApiJson;
import io.dunhub.hub.admin.ApiRouter;
import io.dunhub.hub.admin.ApiRouters;
import io.dunhub.hub.admin.auth.Access;
import io.dunhub.hub.dunning.cli.DunningRuntime;
import io.dunhub.hub.http.RoutePlugin;
import io.dunhub.hub.outbox.OutboxRow;
import io.dunhub.hub.store.Store;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/outbox?status=}, {@code GET /api/outbox/dead} and {@code POST
 * /api/outbox/{id}/retry} (a dead letter back in line for an immediate attempt). Payloads are not
 * shown (they hold rendered notices); the kind, target and last error are.
 */
public final class OutboxRoutes implements RoutePlugin {

  static final List<String> STATUSES = List.of("PENDING", "CLAIMED", "DONE", "DEAD");

  private final ApiRouters routers;
  private final Store store;
  private final Provider<DunningRuntime> dunning;

  @Inject
  public OutboxRoutes(ApiRouters routers, Store store, Provider<DunningRuntime> dunning) {
    this.routers = routers;
    this.store = store;
    this.dunning = dunning;
  }

  @Override
  public void addRoutes(Javalin app) {
    routers
        .on(app)
        .get("/api/outbox", Access.READ, this::list)
        .get("/api/outbox/dead", Access.READ, this::dead)
        .post("/api/outbox/{id}/retry", Access.ADMIN, this::retry);
  }

  private void list(Context ctx) {
    String status = ctx.queryParam("status");
    if (status != null) {
      status = status.trim().toUpperCase(Locale.ROOT);
      if (!STATUSES.contains(status)) {
        throw ApiError.badField(
            "status",
            "must be one of "
                + String.join(", ", STATUSES)
                + ", got '"
                + ctx.queryParam("status")
                + "'");
      }
    }
    int limit = ApiJson.intParam(ctx, "limit", 100, 1, 1000);
    int offset = ApiJson.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    String s = status;
    List<Map<String, Object>> rows =
        store
            .jdbi()
            .withHandle(
                h -> {
                  var q =
                      h.createQuery(
                              "SELECT id, idempotency_key, kind, channel, connection, party_id, status, attempts,"
                                  + " next_attempt_at, last_error, created_at, updated_at FROM outbox"
                                  + (s == null ? "" : " WHERE status = :status")
                                  + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                          .bind("limit", limit)
                          .bind("offset", offset);
                  if (s != null) {
                    q.bind("status", s);
                  }
                  return q.map(
                          (rs, c) -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("id", rs.getLong("id"));
                            m.put("key", rs.getString("idempotency_key"));
                            m.put("kind", rs.getString("kind"));
                            m.put("channel", rs.getString("channel"));
                            m.put("connection", rs.getString("connection"));
                            m.put("partyId", rs.getString("party_id"));
                            m.put("status", rs.getString("status"));
                            m.put("attempts", rs.getInt("attempts"));
                            m.put("nextAttemptAt", instant(rs, "next_attempt_at"));
                            m.put("lastError", rs.getString("last_error"));
                            m.put("createdAt", instant(rs, "created_at"));
                            m.put("updatedAt", instant(rs, "updated_at"));
                            return m;
                          })
                      .list();
                });
    ApiJson.send(ctx, rows);
  }

  private void dead(Context ctx) {
    ApiJson.send(ctx, dunning.get().outbox().dead().stream().map(OutboxRoutes::json).toList());
  }

  static Map<String, Object> json(OutboxRow r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("key", r.idempotencyKey());
    m.put("kind", r.kind());
    m.put("channel", r.channel());
    m.put("connection", r.connection());
    m.put("partyId", r.partyId());
    m.put("status", r.status());
    m.put("attempts", r.attempts());
    m.put("nextAttemptAt", r.nextAttemptAt());
    m.put("lastError", r.lastError());
    m.put("createdAt", r.createdAt());
    m.put("updatedAt", r.updatedAt());
    return m;
  }

  private void retry(Context ctx) {
    long id = ApiJson.idParam(ctx, "id");
    if (dunning.get().outbox().retry(id) == 0) {
      throw new ApiError(
          404, "no dead letter with id " + id + " (only dead letters are retried)", null);
    }
    ApiRouter.auditDetails(ctx, "outbox row " + id + " re-queued");
    ApiJson.send(ctx, Map.of("ok", true, "message", "outbox row " + id + " is pending again"));
  }

  private static java.time.Instant instant(java.sql.ResultSet rs, String column)
      throws java.sql.SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
