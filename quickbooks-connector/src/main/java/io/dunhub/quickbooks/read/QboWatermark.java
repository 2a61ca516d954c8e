package io.dunhub.quickbooks.read;

import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.connector.Watermark;
import java.time.Instant;

/**
 * Where a QuickBooks stream has got to: the last delivered record's {@code
 * MetaData.LastUpdatedTime} and {@code Id}, how many records at exactly that time were delivered
 * (QBO stamps whole seconds, so ties are common), whether the stream is still loading by query
 * ({@code q}) or follows changes by CDC ({@code c}), and, while loading, how many records the load
 * counted that are still to come (so the last full page is known to be the last without asking for
 * an empty one).
 *
 * <p>Text form: {@code q|2026-03-01T00:00:00Z|42|3} or, with the count, {@code
 * q|2026-03-01T00:00:00Z|42|3|8000}; {@code q|-|-|0} is the beginning.
 *
 * @param remaining records still to load as counted at the start of the load, or -1 when unknown
 */
record QboWatermark(
    boolean cdc, Instant lastUpdated, String lastId, int atLastUpdated, long remaining) {

  static final QboWatermark START = new QboWatermark(false, null, null, 0, -1);

  QboWatermark(boolean cdc, Instant lastUpdated, String lastId, int atLastUpdated) {
    this(cdc, lastUpdated, lastId, atLastUpdated, -1);
  }

  static QboWatermark parse(Watermark w) {
    if (w == null) {
      return START;
    }
    String[] parts = w.value().split("\\|", -1);
    if ((parts.length != 4 && parts.length != 5)
        || !(parts[0].equals("q") || parts[0].equals("c"))) {
      throw new ConfigurationException("not a QuickBooks watermark: '" + w.value() + "'");
    }
    try {
      return new QboWatermark(
          parts[0].equals("c"),
          parts[1].equals("-") ? null : Instant.parse(parts[1]),
          parts[2].equals("-") ? null : parts[2],
          Integer.parseInt(parts[3]),
          parts.length == 5 ? Long.parseLong(parts[4]) : -1);
    } catch (RuntimeException e) {
      throw new ConfigurationException("not a QuickBooks watermark: '" + w.value() + "'", e);
    }
  }

  Watermark toWatermark() {
    return new Watermark(
        (cdc ? "c" : "q")
            + "|"
            + (lastUpdated == null ? "-" : lastUpdated.toString())
            + "|"
            + (lastId == null ? "-" : lastId)
            + "|"
            + atLastUpdated
            + (remaining >= 0 && !cdc ? "|" + remaining : ""));
  }

  /** Whether {@code (at, id)} comes after this position in (last-updated, id) order. */
  boolean isBefore(Instant at, String id) {
    if (lastUpdated == null) {
      return true;
    }
    int c = at.compareTo(lastUpdated);
    return c > 0 || (c == 0 && compareIds(id, lastId) > 0);
  }

  /** QBO ids are numeric strings: compare them as numbers. */
  static int compareIds(String a, String b) {
    if (b == null) {
      return 1;
    }
    if (a.length() != b.length()
        && a.chars().allMatch(Character::isDigit)
        && b.chars().allMatch(Character::isDigit)) {
      return Integer.compare(a.length(), b.length());
    }
    return a.compareTo(b);
  }
}
