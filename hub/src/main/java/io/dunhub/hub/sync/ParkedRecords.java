package io.dunhub.hub.sync;

import io.dunhub.hub.store.Store;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.statement.Query;

/**
 * The records that could not be synced: listed for a person ({@code dunhub sync errors}) and put
 * back in line at once ({@code dunhub sync retry}); the next sync of their stream tries them first.
 * Without a retry they come back on their own with backoff.
 */
public final class ParkedRecords {

  private static final String COLUMNS =
      "id, connection, stream, direction, entity, host_id, canonical_id, reason, rule_name,"
          + " rule_value, attempts, next_attempt_at, first_parked_at, last_attempt_at, raw_payload";

  private final Store store;
  private final Clock clock;

  public ParkedRecords(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Every parked record, oldest first; of one connection when {@code connection} is not null. */
  public List<ParkedRecord> list(String connection) {
    return store
        .jdbi()
        .withHandle(
            h -> {
              Query q =
                  h.createQuery(
                      "SELECT "
                          + COLUMNS
                          + " FROM parked_records"
                          + (connection == null ? "" : " WHERE connection = :connection")
                          + " ORDER BY first_parked_at, id");
              if (connection != null) {
                q.bind("connection", connection);
              }
              return q.map(
                      (rs, ctx) ->
                          new ParkedRecord(
                              rs.getLong("id"),
                              rs.getString("connection"),
                              rs.getString("stream"),
                              rs.getString("direction"),
                              rs.getString("entity"),
                              rs.getString("host_id"),
                              rs.getString("canonical_id"),
                              rs.getString("reason"),
                              rs.getString("rule_name"),
                              rs.getString("rule_value"),
                              rs.getInt("attempts"),
                              instant(rs, "next_attempt_at"),
                              instant(rs, "first_parked_at"),
                              instant(rs, "last_attempt_at"),
                              rs.getString("raw_payload")))
                  .list();
            });
  }

  public int count(String connection) {
    return store
        .jdbi()
        .withHandle(
            h -> {
              Query q =
                  h.createQuery(
                      "SELECT COUNT(*) FROM parked_records"
                          + (connection == null ? "" : " WHERE connection = :connection"));
              if (connection != null) {
                q.bind("connection", connection);
              }
              return q.mapTo(Integer.class).one();
            });
  }

  /** Makes one parked record due now. Returns false when there is no such record. */
  public boolean retry(long id) {
    return store
            .jdbi()
            .withHandle(
                h ->
                    h.createUpdate(
                            "UPDATE parked_records SET next_attempt_at = :now WHERE id = :id")
                        .bind("now", clock.instant())
                        .bind("id", id)
                        .execute())
        == 1;
  }

  /** Makes every parked record (of one connection, when not null) due now; returns how many. */
  public int retryAll(String connection) {
    return store
        .jdbi()
        .withHandle(
            h -> {
              var update =
                  h.createUpdate(
                          "UPDATE parked_records SET next_attempt_at = :now"
                              + (connection == null ? "" : " WHERE connection = :connection"))
                      .bind("now", clock.instant());
              if (connection != null) {
                update.bind("connection", connection);
              }
              return update.execute();
            });
  }

  private static java.time.Instant instant(java.sql.ResultSet rs, String column)
      throws java.sql.SQLException {
    java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
