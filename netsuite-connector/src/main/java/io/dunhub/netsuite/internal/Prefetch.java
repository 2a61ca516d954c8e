package io.dunhub.netsuite.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pages of one stream fetched ahead, kept by the connection between reads. A page is stored under
 * the watermark a read will ask with; taking it removes it. Also remembers, per watermark, how many
 * rows SuiteQL said were left, so the next read knows how many pages to fetch at once.
 */
public final class Prefetch {

  /** A page as fetched: its rows, SuiteQL's hasMore, and the rows left after it. */
  record Fetched(List<ObjectNode> rows, boolean hasMore, long remainingAfter) {}

  /** An empty store. */
  public Prefetch() {}

  private final Map<String, Fetched> pages = new HashMap<>();
  private final Map<String, Long> remaining = new HashMap<>();

  synchronized Fetched take(String key) {
    return pages.remove(key);
  }

  synchronized long remainingAt(String key) {
    return remaining.getOrDefault(key, -1L);
  }

  /** Replaces whatever was kept by what one batch fetched. */
  synchronized void keep(Map<String, Fetched> fetched, Map<String, Long> left) {
    pages.clear();
    remaining.clear();
    pages.putAll(fetched);
    remaining.putAll(left);
  }

  synchronized void remember(String key, long left) {
    remaining.clear();
    remaining.put(key, left);
  }
}
