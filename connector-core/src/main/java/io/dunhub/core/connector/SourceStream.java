package io.dunhub.core.connector;

/**
 * Reads one host object incrementally. Records come ordered by (cursor, host id); the watermark a
 * page returns is opaque to the hub, stored by it in the same transaction as the records, and
 * breaks ties on equal cursor values so a resumed read neither skips nor repeats a record.
 */
public interface SourceStream {

  /**
   * Reads the next page after {@code watermark}.
   *
   * @param watermark where the last committed page ended, or null to start from the beginning
   * @param limit the most records the hub wants in this page
   */
  Page readPage(Watermark watermark, int limit);
}
