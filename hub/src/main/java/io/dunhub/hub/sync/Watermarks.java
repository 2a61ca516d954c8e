package io.dunhub.hub.sync;

import io.dunhub.core.connector.Watermark;
import io.dunhub.hub.store.Dialect;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Where each stream's read has got to, saved in the transaction of the page it covers. */
final class Watermarks {
  private final String upsert;

  Watermarks(Dialect dialect) {
    this.upsert =
        dialect.upsert(
            "watermarks",
            List.of("connection", "stream"),
            List.of("connection", "stream", "value", "updated_at"));
  }

  Optional<Watermark> load(Handle h, String connection, String stream) {
    return h.createQuery(
            "SELECT value FROM watermarks WHERE connection = :connection AND stream = :stream")
        .bind("connection", connection)
        .bind("stream", stream)
        .mapTo(String.class)
        .findOne()
        .map(Watermark::new);
  }

  void save(Handle h, String connection, String stream, Watermark next, Instant now) {
    h.createUpdate(upsert)
        .bind("connection", connection)
        .bind("stream", stream)
        .bind("value", next.value())
        .bind("updated_at", now)
        .execute();
  }

  /** Forgets a stream's position: its next sync reads everything again (a full resync). */
  static void reset(Handle h, String connection, String stream) {
    h.createUpdate("DELETE FROM watermarks WHERE connection = :connection AND stream = :stream")
        .bind("connection", connection)
        .bind("stream", stream)
        .execute();
  }
}
