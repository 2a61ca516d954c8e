package io.dunhub.hub.outbox;

import io.dunhub.hub.store.Dialect;
import io.dunhub.hub.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The outbox table. Rows are added inside the caller's transaction; relays claim them with a
 * conditional {@code UPDATE} whose row count decides who won (candidates read with {@code FOR
 * UPDATE SKIP LOCKED} on PostgreSQL, so workers do not queue behind each other), and every outcome
 * is recorded by the claimer only.
 */
public final class JdbcOutbox {

  private static final String COLUMNS =
      "id, idempotency_key, kind, channel, connection, party_id, payload, status, attempts,"
          + " next_attempt_at, last_error, result, created_at, updated_at";

  private static final RowMapper<OutboxRow> ROW =
      (rs, ctx) ->
          new OutboxRow(
              rs.getLong("id"),
              rs.getString("idempotency_key"),
              rs.getString("kind"),
              rs.getString("channel"),
              rs.getString("connection"),
              rs.getString("party_id"),
              rs.getString("payload"),
              rs.getString("status"),
              rs.getInt("attempts"),
              instant(rs, "next_attempt_at"),
              rs.getString("last_error"),
              rs.getString("result"),
              instant(rs, "created_at"),
              instant(rs, "updated_at"));

  private final Store store;
  private final Clock clock;
  private final RetryPolicy retry;

  public JdbcOutbox(Store store, Clock clock, RetryPolicy retry) {
    this.store = store;
    this.clock = clock;
    this.retry = retry;
  }

  public RetryPolicy retryPolicy() {
    return retry;
  }

  /**
   * Adds a row in the caller's transaction unless one with the same key exists.
   *
   * @return whether a row was added
   */
  public boolean enqueue(Handle h, OutboxEntry e) {
    Instant now = clock.instant();
    return bind(h.createUpdate(insertSql()), e, now).execute() > 0;
  }

  /**
   * A batch of rows to add in the caller's transaction (each unless one with the same key exists):
   * {@link #add} rows, then {@code execute()} it — one round trip for many rows.
   */
  public PreparedBatch batch(Handle h) {
    return batch(h, false);
  }

  /**
   * A batch of rows to add in the caller's transaction.
   *
   * @param failOnConflict a row whose key exists fails the batch, and so the transaction, instead
   *     of being skipped: for a caller that retries on failure with {@link #batch(Handle)} (a plain
   *     insert costs the database less than an insert that checks for conflicts)
   */
  public PreparedBatch batch(Handle h, boolean failOnConflict) {
    return h.prepareBatch(failOnConflict ? Dialect.insert("outbox", INSERTED) : insertSql());
  }

  /** Adds a row to a {@link #batch}. */
  public void add(PreparedBatch batch, OutboxEntry e) {
    bind(batch, e, clock.instant()).add();
  }

  private static final List<String> INSERTED =
      List.of(
          "idempotency_key",
          "kind",
          "channel",
          "connection",
          "party_id",
          "payload",
          "status",
          "attempts",
          "next_attempt_at",
          "created_at",
          "updated_at");

  private String insertSql() {
    return store.dialect().insertIfAbsent("outbox", List.of("idempotency_key"), INSERTED);
  }

  private static <S extends SqlStatement<S>> S bind(S statement, OutboxEntry e, Instant now) {
    return statement
        .bind("idempotency_key", e.idempotencyKey())
        .bind("kind", e.kind())
        .bind("channel", e.channel())
        .bind("connection", e.connection())
        .bind("party_id", e.partyId())
        .bind("payload", e.payload())
        .bind("status", "PENDING")
        .bind("attempts", 0)
        .bind("next_attempt_at", now)
        .bind("created_at", now)
        .bind("updated_at", now);
  }

  /**
   * Claims up to {@code limit} due rows for a worker: pending rows whose time has come and claimed
   * rows whose lease ran out (their worker died). Each claim counts as an attempt.
   */
  public List<OutboxRow> claim(String worker, int limit) {
    Instant now = clock.instant();
    Instant leaseEnd = now.plus(retry.lease());
    return store
        .jdbi()
        .inTransaction(
            h -> {
              List<Long> candidates =
                  h.createQuery(
                          "SELECT id FROM outbox WHERE (status = 'PENDING' AND next_attempt_at <= :now)"
                              + " OR (status = 'CLAIMED' AND claimed_until < :now)"
                              + " ORDER BY next_attempt_at, id LIMIT :limit"
                              + store.dialect().skipLocked())
                      .bind("now", now)
                      .bind("limit", limit)
                      .mapTo(Long.class)
                      .list();
              List<OutboxRow> claimed = new ArrayList<>();
              for (long id : candidates) {
                int won =
                    h.createUpdate(
                            "UPDATE outbox SET status = 'CLAIMED', claimed_by = :worker,"
                                + " claimed_until = :lease, attempts = attempts + 1, updated_at = :now"
                                + " WHERE id = :id AND ((status = 'PENDING' AND next_attempt_at <= :now)"
                                + " OR (status = 'CLAIMED' AND claimed_until < :now))")
                        .bind("worker", worker)
                        .bind("lease", leaseEnd)
                        .bind("now", now)
                        .bind("id", id)
                        .execute();
                if (won == 1) {
                  claimed.add(
                      h.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE id = :id")
                          .bind("id", id)
                          .map(ROW)
                          .one());
                }
              }
              return claimed;
            });
  }

  /**
   * Replaces a claimed row's payload (the relay stores the message it rendered before sending it);
   * false when the claim was lost.
   */
  public boolean replacePayload(long id, String worker, String payload) {
    return store
            .jdbi()
            .withHandle(
                h ->
                    h.createUpdate(
                            "UPDATE outbox SET payload = :payload, updated_at = :now"
                                + " WHERE id = :id AND status = 'CLAIMED' AND claimed_by = :worker")
                        .bind("payload", payload)
                        .bind("now", clock.instant())
                        .bind("id", id)
                        .bind("worker", worker)
                        .execute())
        == 1;
  }

  /** Marks a claimed row done, in the caller's transaction; false when the claim was lost. */
  public boolean complete(Handle h, long id, String worker, String result) {
    return h.createUpdate(
                "UPDATE outbox SET status = 'DONE', result = :result, last_error = NULL,"
                    + " claimed_until = NULL, updated_at = :now"
                    + " WHERE id = :id AND status = 'CLAIMED' AND claimed_by = :worker")
            .bind("result", result)
            .bind("now", clock.instant())
            .bind("id", id)
            .bind("worker", worker)
            .execute()
        == 1;
  }

  /**
   * Records a failed attempt: back to pending after a back-off, or a dead letter when it is
   * permanent or the attempts are used up.
   *
   * @return the new status, or empty when the claim was lost
   */
  public Optional<String> fail(
      long id, String worker, String reason, Duration hint, boolean permanent) {
    Instant now = clock.instant();
    return store
        .jdbi()
        .inTransaction(
            h -> {
              Integer attempts =
                  h.createQuery(
                          "SELECT attempts FROM outbox WHERE id = :id AND status = 'CLAIMED' AND claimed_by = :worker")
                      .bind("id", id)
                      .bind("worker", worker)
                      .mapTo(Integer.class)
                      .findOne()
                      .orElse(null);
              if (attempts == null) {
                return Optional.empty();
              }
              boolean dead = permanent || attempts >= retry.maxAttempts();
              String status = dead ? "DEAD" : "PENDING";
              h.createUpdate(
                      "UPDATE outbox SET status = :status, last_error = :reason, next_attempt_at = :next,"
                          + " claimed_by = NULL, claimed_until = NULL, updated_at = :now"
                          + " WHERE id = :id AND status = 'CLAIMED' AND claimed_by = :worker")
                  .bind("status", status)
                  .bind("reason", reason)
                  .bind("next", dead ? now : now.plus(retry.backoff(attempts, hint)))
                  .bind("now", now)
                  .bind("id", id)
                  .bind("worker", worker)
                  .execute();
              return Optional.of(status);
            });
  }

  /** The dead letters, oldest first. */
  public List<OutboxRow> dead() {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT "
                            + COLUMNS
                            + " FROM outbox WHERE status = 'DEAD' ORDER BY updated_at, id")
                    .map(ROW)
                    .list());
  }

  /** Re-queues dead letters (all when {@code id} is null) for immediate attempts. */
  public int retry(Long id) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createUpdate(
                        "UPDATE outbox SET status = 'PENDING', attempts = 0, next_attempt_at = :now,"
                            + " updated_at = :now WHERE status = 'DEAD'"
                            + (id == null ? "" : " AND id = :id"))
                    .bind("now", clock.instant())
                    .bindByType("id", id, Long.class)
                    .execute());
  }

  /** All rows of a kind (tests, reports), in id order. */
  public List<OutboxRow> all(String kind) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE kind = :kind ORDER BY id")
                    .bind("kind", kind)
                    .map(ROW)
                    .list());
  }

  public Dialect dialect() {
    return store.dialect();
  }

  private static Instant instant(java.sql.ResultSet rs, String column)
      throws java.sql.SQLException {
    java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
