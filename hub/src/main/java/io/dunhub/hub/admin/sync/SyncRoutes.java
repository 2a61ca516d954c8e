package io.dunhub.hub.admin.sync;

import io.dunhub.hub.admin.ApiError;
import io.dunhub.hub.admin.ApiJson;
import io.dunhub.hub.admin.ApiRouter;
import io.dunhub.hub.admin.ApiRouters;
import io.dunhub.hub.admin.auth.Access;
import io.dunhub.hub.http.RoutePlugin;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.sync.ParkedRecord;
import io.dunhub.hub.sync.ParkedRecords;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/sync/runs}, {@code GET /api/parked} and {@code POST /api/parked/{id}/retry} (the
 * record becomes due now: the next sync of its stream tries it first).
 */
public final class SyncRoutes implements RoutePlugin {

  /** The longest raw payload shown; the rest is cut (the record stays whole in the store). */
  static final int MAX_PAYLOAD = 4000;

  private final ApiRouters routers;
  private final Store store;
  private final ParkedRecords parked;

  @Inject
  public SyncRoutes(ApiRouters routers, Store store, ParkedRecords parked) {
    this.routers = routers;
    this.store = store;
    this.parked = parked;
  }

  @Override
  public void addRoutes(Javalin app) {
    routers
        .on(app)
        .get("/api/sync/runs", Access.READ, this::runs)
        .get("/api/parked", Access.READ, this::parked)
        .post("/api/parked/{id}/retry", Access.ADMIN, this::retry);
  }

  private void runs(Context ctx) {
    String connection = ctx.queryParam("connection");
    int limit = ApiJson.intParam(ctx, "limit", 100, 1, 1000);
    List<Map<String, Object>> runs =
        store
            .jdbi()
            .withHandle(
                h -> {
                  var q =
                      h.createQuery(
                              "SELECT id, connection, stream, direction, status, started_at, finished_at, pages,"
                                  + " records_read, created, updated, unchanged, echoes, conflicts, parked, deleted,"
                                  + " written, error FROM sync_runs"
                                  + (connection == null ? "" : " WHERE connection = :connection")
                                  + " ORDER BY started_at DESC, id LIMIT :limit")
                          .bind("limit", limit);
                  if (connection != null) {
                    q.bind("connection", connection);
                  }
                  return q.map(
                          (rs, c) -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("id", rs.getString("id"));
                            m.put("connection", rs.getString("connection"));
                            m.put("stream", rs.getString("stream"));
                            m.put("direction", rs.getString("direction"));
                            m.put("status", rs.getString("status"));
                            m.put("startedAt", instant(rs, "started_at"));
                            m.put("finishedAt", instant(rs, "finished_at"));
                            m.put("pages", rs.getInt("pages"));
                            Map<String, Object> counts = new LinkedHashMap<>();
                            for (String k :
                                List.of(
                                    "records_read",
                                    "created",
                                    "updated",
                                    "unchanged",
                                    "echoes",
                                    "conflicts",
                                    "parked",
                                    "deleted",
                                    "written")) {
                              counts.put(k.equals("records_read") ? "read" : k, rs.getLong(k));
                            }
                            m.put("records", counts);
                            m.put("error", rs.getString("error"));
                            return m;
                          })
                      .list();
                });
    ApiJson.send(ctx, runs);
  }

  private void parked(Context ctx) {
    ApiJson.send(
        ctx,
        parked.list(ctx.queryParam("connection")).stream().map(SyncRoutes::parkedJson).toList());
  }

  static Map<String, Object> parkedJson(ParkedRecord p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("connection", p.connection());
    m.put("stream", p.stream());
    m.put("direction", p.direction());
    m.put("entity", p.entity());
    m.put("hostId", p.hostId());
    m.put("canonicalId", p.canonicalId());
    m.put("reason", p.reason());
    m.put("rule", p.rule());
    m.put("value", p.value());
    m.put("attempts", p.attempts());
    m.put("nextAttemptAt", p.nextAttemptAt());
    m.put("firstParkedAt", p.firstParkedAt());
    m.put("lastAttemptAt", p.lastAttemptAt());
    String raw = p.rawPayload();
    m.put(
        "rawPayload",
        raw == null || raw.length() <= MAX_PAYLOAD ? raw : raw.substring(0, MAX_PAYLOAD) + "…");
    return m;
  }

  private void retry(Context ctx) {
    long id = ApiJson.idParam(ctx, "id");
    if (!parked.retry(id)) {
      throw ApiError.notFound("parked record " + id);
    }
    ApiRouter.auditDetails(ctx, "parked record " + id + " due now");
    ApiJson.send(
        ctx,
        Map.of(
            "ok",
            true,
            "message",
            "parked record " + id + " is due now; the next sync of its stream tries it first"));
  }

  private static java.time.Instant instant(java.sql.ResultSet rs, String column)
      throws java.sql.SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
