package io.dunhub.hub.sync;

import io.dunhub.hub.store.Dialect;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Claims a stream for one running sync with a conditional update whose row count decides, so two
 * hub processes (or the CLI beside the scheduler) never read the same stream at once. A claim that
 * is not renewed expires, so a crashed process does not hold a stream forever.
 */
final class StreamLease {
  private final Jdbi jdbi;
  private final String ensureRow;
  private final String owner;
  private final Duration length;

  StreamLease(Jdbi jdbi, Dialect dialect, String owner, Duration length) {
    this.jdbi = jdbi;
    this.owner = owner;
    this.length = length;
    this.ensureRow =
        dialect.insertIfAbsent(
            "sync_leases",
            List.of("connection", "stream"),
            List.of("connection", "stream", "owner", "expires_at"));
  }

  /** Takes or renews the claim; false when another owner holds it. */
  boolean claim(String connection, String stream, Instant now) {
    return jdbi.inTransaction(
        h -> {
          h.createUpdate(ensureRow)
              .bind("connection", connection)
              .bind("stream", stream)
              .bind("owner", (String) null)
              .bindByType("expires_at", null, Instant.class)
              .execute();
          return h.createUpdate(
                      "UPDATE sync_leases SET owner = :owner, expires_at = :until"
                          + " WHERE connection = :connection AND stream = :stream"
                          + " AND (owner IS NULL OR owner = :owner OR expires_at < :now)")
                  .bind("owner", owner)
                  .bind("until", now.plus(length))
                  .bind("now", now)
                  .bind("connection", connection)
                  .bind("stream", stream)
                  .execute()
              == 1;
        });
  }

  /** Who holds a stream, for the message when a claim fails. */
  String holder(String connection, String stream) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT owner FROM sync_leases WHERE connection = :connection"
                        + " AND stream = :stream")
                .bind("connection", connection)
                .bind("stream", stream)
                .mapTo(String.class)
                .findOne()
                .orElse("nobody"));
  }

  void release(String connection, String stream) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE sync_leases SET owner = NULL, expires_at = NULL"
                        + " WHERE connection = :connection AND stream = :stream AND owner = :owner")
                .bind("connection", connection)
                .bind("stream", stream)
                .bind("owner", owner)
                .execute());
  }
}
