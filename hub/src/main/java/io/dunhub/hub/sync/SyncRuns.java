package io.dunhub.hub.sync;

import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** The {@code sync_runs} log: one row per stream run or outbound drain. */
final class SyncRuns {
  private final Jdbi jdbi;

  SyncRuns(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  String start(String connection, String stream, String direction, Instant now) {
    String id = UUID.randomUUID().toString();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO sync_runs (id, connection, stream, direction, status, started_at)"
                        + " VALUES (:id, :connection, :stream, :direction, 'RUNNING', :now)")
                .bind("id", id)
                .bind("connection", connection)
                .bind("stream", stream)
                .bind("direction", direction)
                .bind("now", now)
                .execute());
    return id;
  }

  void finish(String id, SyncReport r) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE sync_runs SET status = :status, finished_at = :finished, pages = :pages,"
                        + " records_read = :read, created = :created, updated = :updated,"
                        + " unchanged = :unchanged, echoes = :echoes, conflicts = :conflicts,"
                        + " parked = :parked, deleted = :deleted, written = :written,"
                        + " error = :error WHERE id = :id")
                .bind("status", r.error() == null ? "OK" : "FAILED")
                .bind("finished", r.finishedAt())
                .bind("pages", (int) r.pages())
                .bind("read", r.read())
                .bind("created", r.created())
                .bind("updated", r.updated())
                .bind("unchanged", r.unchanged())
                .bind("echoes", r.echoes())
                .bind("conflicts", r.conflicts())
                .bind("parked", r.parked())
                .bind("deleted", r.deleted())
                .bind("written", r.written())
                .bind("error", r.error())
                .bind("id", id)
                .execute());
  }
}
