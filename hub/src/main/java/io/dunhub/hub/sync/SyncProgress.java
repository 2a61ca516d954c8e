package io.dunhub.hub.sync;

/**
 * Hears how a sync is going, for progress bars and logs. Called on the syncing thread after each
 * committed page; keep it quick.
 */
public interface SyncProgress {

  /** A stream (or an outbound drain, named {@code -> Object}) starts. */
  default void started(String connection, String stream) {}

  /** A page was committed: {@code records} in it, {@code total} so far in this run. */
  default void page(String connection, String stream, int records, long total) {}

  /** A stream finished (successfully or not). */
  default void finished(SyncReport report) {}

  /** Hears nothing. */
  static SyncProgress none() {
    return new SyncProgress() {};
  }

  /** Tells {@code first}, then {@code second}. */
  static SyncProgress both(SyncProgress first, SyncProgress second) {
    return new SyncProgress() {
      @Override
      public void started(String connection, String stream) {
        first.started(connection, stream);
        second.started(connection, stream);
      }

      @Override
      public void page(String connection, String stream, int records, long total) {
        first.page(connection, stream, records, total);
        second.page(connection, stream, records, total);
      }

      @Override
      public void finished(SyncReport report) {
        first.finished(report);
        second.finished(report);
      }
    };
  }
}
