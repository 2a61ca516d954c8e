package io.dunhub.hub.sync;

import java.time.Instant;

/** Mutable counters of one run, turned into a {@link SyncReport} at its end. */
final class Counts {
  long pages;
  long read;
  long created;
  long updated;
  long unchanged;
  long echoes;
  long deleted;
  long conflicts;
  long parked;
  long retried;
  long written;

  void add(Counts o) {
    pages += o.pages;
    read += o.read;
    created += o.created;
    updated += o.updated;
    unchanged += o.unchanged;
    echoes += o.echoes;
    deleted += o.deleted;
    conflicts += o.conflicts;
    parked += o.parked;
    retried += o.retried;
    written += o.written;
  }

  SyncReport report(
      String connection, String stream, Instant started, Instant finished, String error) {
    return new SyncReport(
        connection,
        stream,
        started,
        finished,
        pages,
        read,
        created,
        updated,
        unchanged,
        echoes,
        deleted,
        conflicts,
        parked,
        retried,
        written,
        error,
        null);
  }
}
