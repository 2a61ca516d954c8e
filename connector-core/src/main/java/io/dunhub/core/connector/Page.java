package io.dunhub.core.connector;

import java.util.List;
import java.util.Objects;

/**
 * One page of a stream.
 *
 * @param next the watermark to store once these records are committed (the same watermark as asked
 *     for when the page is empty)
 * @param hasMore whether another read right away may return more
 */
public record Page(List<SourceRecord> records, Watermark next, boolean hasMore) {
  public Page {
    records = List.copyOf(records);
    Objects.requireNonNull(next, "a page always names the watermark after it");
  }
}
