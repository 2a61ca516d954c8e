package io.dunhub.hub.admin.audit;

import io.dunhub.hub.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The {@code audit_log} table: one row per change made through the admin API (and per login), with
 * who, when, what, the target and the answer's status. Details never hold a secret.
 */
public final class AuditLog {

  /** One row. */
  public record Entry(
      long id,
      Instant at,
      String actor,
      String role,
      String action,
      String target,
      int status,
      String clientIp,
      String details) {}

  private final Store store;
  private final Clock clock;

  public AuditLog(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public void record(
      String actor,
      String role,
      String action,
      String target,
      int status,
      String clientIp,
      String details) {
    store
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO audit_log (occurred_at, actor, role, action, target, status, client_ip, details)"
                            + " VALUES (:at, :actor, :role, :action, :target, :status, :ip, :details)")
                    .bind("at", clock.instant())
                    .bind("actor", cut(actor, 100))
                    .bind("role", role)
                    .bind("action", cut(action, 100))
                    .bind("target", cut(target, 400))
                    .bind("status", status)
                    .bind("ip", cut(clientIp, 64))
                    .bind("details", details)
                    .execute());
  }

  /** The newest rows first; of one actor when {@code actor} is not null. */
  public List<Entry> list(String actor, int limit, int offset) {
    return store
        .jdbi()
        .withHandle(
            h -> {
              var q =
                  h.createQuery(
                          "SELECT id, occurred_at, actor, role, action, target, status, client_ip, details FROM audit_log"
                              + (actor == null ? "" : " WHERE actor = :actor")
                              + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                      .bind("limit", limit)
                      .bind("offset", offset);
              if (actor != null) {
                q.bind("actor", actor);
              }
              return q.map(
                      (rs, ctx) ->
                          new Entry(
                              rs.getLong("id"),
                              rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                              rs.getString("actor"),
                              rs.getString("role"),
                              rs.getString("action"),
                              rs.getString("target"),
                              rs.getInt("status"),
                              rs.getString("client_ip"),
                              rs.getString("details")))
                  .list();
            });
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
