package io.dunhub.hub.sync;

import java.time.Duration;

/**
 * Tuning of the sync engine.
 *
 * @param pageSize records per page read (capped by the connector's largest page) and per outbound
 *     batch read from the queue
 * @param backoff the wait between attempts of a parked record
 * @param lease how long a stream stays claimed by a running sync without progress before another
 *     process may take it over
 */
public record SyncOptions(int pageSize, Backoff backoff, Duration lease) {
  public SyncOptions {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1");
    }
  }

  public static SyncOptions defaults() {
    return new SyncOptions(1000, Backoff.defaults(), Duration.ofMinutes(10));
  }

  public SyncOptions withPageSize(int size) {
    return new SyncOptions(size, backoff, lease);
  }
}
