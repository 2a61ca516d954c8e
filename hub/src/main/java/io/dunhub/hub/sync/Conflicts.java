package io.dunhub.hub.sync;

import io.dunhub.hub.store.Store;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** The conflicts the sync recorded: listed for a person, resolved when they have looked. */
public final class Conflicts {
  private final Store store;
  private final Clock clock;

  public Conflicts(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Open conflicts, oldest first. */
  public List<Conflict> open() {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT id, connection, host_type, host_id, entity, canonical_id, field,"
                            + " owner, current_value, proposed_value, status, detected_at"
                            + " FROM conflicts WHERE status = 'OPEN' ORDER BY detected_at, id")
                    .map(
                        (rs, ctx) ->
                            new Conflict(
                                rs.getLong("id"),
                                rs.getString("connection"),
                                rs.getString("host_type"),
                                rs.getString("host_id"),
                                rs.getString("entity"),
                                rs.getString("canonical_id"),
                                rs.getString("field"),
                                rs.getString("owner"),
                                rs.getString("current_value"),
                                rs.getString("proposed_value"),
                                rs.getString("status"),
                                instant(rs, "detected_at")))
                    .list());
  }

  /** Marks a conflict resolved (a person has dealt with it in the owning system). */
  public boolean resolve(long id) {
    return store
            .jdbi()
            .withHandle(
                h ->
                    h.createUpdate(
                            "UPDATE conflicts SET status = 'RESOLVED', resolved_at = :now"
                                + " WHERE id = :id AND status = 'OPEN'")
                        .bind("now", clock.instant())
                        .bind("id", id)
                        .execute())
        == 1;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
